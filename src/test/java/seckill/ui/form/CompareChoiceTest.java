package seckill.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;

class CompareChoiceTest {
    private final CompareChoice choice = new CompareChoice();

    @Test
    void twoTickedMakeAComparison_inTheOrderGiven() {
        assertThat(choice.isOn()).isFalse();
        choice.tickedProperty(StrategyKind.LUA).set(true);
        assertThat(choice.isOn()).as("one strategy is the form's own sale").isFalse();
        choice.tickedProperty(StrategyKind.NAIVE).set(true);
        assertThat(choice.isOn()).isTrue();
        assertThat(choice.lineup()).containsExactly(StrategyKind.NAIVE, StrategyKind.LUA);

        choice.set(List.of(StrategyKind.LUA, StrategyKind.WATCH), true);
        assertThat(choice.lineup()).containsExactly(StrategyKind.LUA, StrategyKind.WATCH);
        assertThat(choice.mode()).isEqualTo(Comparison.Mode.ONE_AT_A_TIME);
        choice.tickedProperty(StrategyKind.NAIVE).set(true);
        assertThat(choice.lineup()).as("a box ticked since: the boxes' order")
                .containsExactly(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA);
    }
}
