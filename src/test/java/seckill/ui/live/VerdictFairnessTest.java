package seckill.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.metrics.LatencySummary;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.Fairness;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.common.I18n;
import seckill.ui.common.LocalText;

/** The window says how fair the sale was, and names the stock left unsold while users lost (库存遗留). */
class VerdictFairnessTest {
    private final I18n english = new I18n(I18n.ENGLISH);
    private final I18n chinese = new I18n(I18n.CHINESE);

    private static SimulationResult watchWithoutRetries(long sold, Fairness fairness) {
        return run(StrategyKind.WATCH, EndReason.ALL_USERS_DONE, sold, fairness);
    }

    private static SimulationResult run(StrategyKind strategy, EndReason how, long sold, Fairness fairness) {
        SimulationConfig config = SimulationConfig.builder().strategy(strategy).stock(50).users(1_000)
                .retries(0).build();
        LatencySummary l = new LatencySummary(1, 2, 3, 4, 5, 1_000);
        MetricsSnapshot m = new MetricsSnapshot(1_000, 1_000, sold, 0, 0, 0, 1_000 - sold, 0, 1_000, sold, 0, 0,
                1_000, sold, 1_000 - sold, l, l);
        return new SimulationResult(config, how, m, 400,
                new SaleState(50, sold, sold, 60_000, 1, 0, List.of(), List.of(), 2), null, null, fairness, -1,
                List.of());
    }

    @Test
    void namesTheUnsoldStockWhileUsersLost() {
        LocalText t = VerdictModel.fairnessOf(watchWithoutRetries(9, new Fairness(50, 2)));
        assertThat(english.format(t)).isEqualTo("Fairness 0.04 · unsold 41 while 991 users lost (库存遗留)");
        assertThat(chinese.format(t)).startsWith("公平性 0.04 · 库存遗留 41 件");
    }

    @Test
    void aSaleThatSoldEverythingSaysOnlyHowFairItWas() {
        LocalText t = VerdictModel.fairnessOf(watchWithoutRetries(50, new Fairness(50, 50)));
        assertThat(english.format(t)).isEqualTo("Fairness 1.00 (1 = first come, first served)");
        assertThat(VerdictModel.fairnessOf(watchWithoutRetries(0, Fairness.NONE))).as("nobody arrived").isNull();
    }

    @Test
    void aSaleStoppedByHandIsStoppedNotUnsoldStock() {
        LocalText t = VerdictModel.fairnessOf(run(StrategyKind.WATCH, EndReason.STOPPED, 9, new Fairness(50, 9)));
        assertThat(english.format(t)).isEqualTo("Fairness 0.18 · stopped by hand with 41 still in stock (not 库存遗留)")
                .doesNotContain("users lost");
        assertThat(chinese.format(t)).contains("手动停止").contains("41");
    }

    @Test
    void anOversoldSaleSaysWhyFairnessMeansNothingThere() {
        LocalText t = VerdictModel.fairnessOf(run(StrategyKind.NAIVE, EndReason.ALL_USERS_DONE, 62,
                new Fairness(50, 50)));
        assertThat(english.format(t)).startsWith("No fairness: 12 sold beyond the stock").doesNotContain("1.00");
        assertThat(chinese.format(t)).contains("超卖了 12 件");
    }
}
