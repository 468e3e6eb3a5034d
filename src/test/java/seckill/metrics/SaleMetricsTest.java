package seckill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SaleMetricsTest {
    @Test
    void snapshotsCountEverythingAndFoldIntervalsIntoTheTotal() {
        SaleMetrics m = new SaleMetrics();
        m.attempt(1_000_000);
        m.won();
        m.userDone(true);
        MetricsSnapshot first = m.sample();
        m.attempt(3_000_000);
        m.conflict();
        m.attempt(5_000_000);
        m.soldOut();
        m.userDone(false);
        MetricsSnapshot second = m.sample();

        assertThat(first.attempts()).isEqualTo(1);
        assertThat(second.attempts()).isEqualTo(3);
        assertThat(second.wins()).isEqualTo(1);
        assertThat(second.conflicts()).isEqualTo(1);
        assertThat(second.soldOut()).isEqualTo(1);
        assertThat(second.usersLost()).isEqualTo(1);
        assertThat(second.interval().count()).isEqualTo(2);
        assertThat(second.overall().count()).isEqualTo(3);
        assertThat(second.overall().max()).isBetween(4.9, 5.1);
        assertThat(second.interval().p50()).isBetween(2.9, 3.1);
    }
}
