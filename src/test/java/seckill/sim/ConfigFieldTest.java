package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import seckill.sale.StrategyKind;

class ConfigFieldTest {
    @Test
    void checksAValueAgainstItsRange_namingTheOption() {
        assertThat(ConfigField.STOCK.check(2_000)).isEqualTo(2_000);
        assertThat(ConfigField.RETRIES.checkInt(0)).isZero();
        assertThatThrownBy(() -> ConfigField.POOL.check(2_001)).hasMessageContaining("--pool")
                .hasMessageContaining("from 1 to 2,000");
    }

    @Test
    void theHelpStatesEachRange() {
        assertThat(ConfigField.STOCK.rangeText()).isEqualTo("from 1 to 100,000,000");
        assertThat(ConfigField.SEED.rangeText()).isEqualTo("any whole number");
    }

    @Test
    void theDefaultsAreTheTutorials() {
        SimulationConfig c = SimulationConfig.defaults();
        assertThat(c.stock()).isEqualTo(50);
        assertThat(c.users()).isEqualTo(1_000);
        assertThat(c.pool()).isEqualTo(200);
        assertThat(c.durationS()).isEqualTo(600);
        assertThat(c.strategy()).isEqualTo(StrategyKind.WATCH);
        assertThat(c.retries()).isZero();
    }

    @Test
    void aConfigCannotBeBuiltWithAValueOutOfRange() {
        assertThatThrownBy(() -> SimulationConfig.builder().load(0, 10, 10, 0).build()).hasMessageContaining("--stock");
        assertThatThrownBy(() -> SimulationConfig.builder().strategy(null).build())
                .hasMessageContaining("watch, lua, decr, naive");
    }
}
