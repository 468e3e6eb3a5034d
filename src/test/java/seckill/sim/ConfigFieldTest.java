package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import seckill.sale.StrategyKind;

class ConfigFieldTest {
    @Test
    void parsesWholeNumbersInRange() {
        assertThat(ConfigField.STOCK.parse(" 2000 ")).isEqualTo(2_000);
        assertThat(ConfigField.RETRIES.parse("0")).isZero();
    }

    @Test
    void namesTheOptionAndTheRangeForEveryBadValue() {
        for (String bad : new String[] {"", "abc", "-1", "0", "1e3", "99999999999999999999", "3.5",
            "2,000", "1,5", "1_000", "5\n0"}) {
            assertThatThrownBy(() -> ConfigField.STOCK.parse(bad))
                    .hasMessageContaining("--stock").hasMessageContaining("from 1 to 100,000,000");
        }
        assertThatThrownBy(() -> ConfigField.POOL.parse("2001")).hasMessageContaining("--pool")
                .hasMessageContaining("from 1 to 2,000");
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
