package seckill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import seckill.metrics.MetricsSnapshot;
import seckill.report.RunReport;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.Fairness;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

class SummaryTest {
    private static final RunReport.RedisInfo REDIS = new RunReport.RedisInfo("redis://127.0.0.1:6379", "7.2", false);

    /** A WATCH sale of 50 that sold 13: the rest of the 1,000 users lost to conflicts. */
    private static SimulationResult watchSale(int retries, EndReason endedBy) {
        SimulationConfig config = SimulationConfig.builder().strategy(StrategyKind.WATCH).load(50, 1_000, 200, retries)
                .seed(1).build();
        SaleState state = new SaleState(50, 13, 13, -2, 0, 0, List.of(), List.of(), 0);
        MetricsSnapshot m = new MetricsSnapshot(0, 1_000, 13, 0, 0, 0, 987, 0, 1_000, 13, 0, 0, 0, 0, 0,
                MetricsSnapshot.ZERO.interval(), MetricsSnapshot.ZERO.overall());
        return new SimulationResult(config, endedBy, m, 100, state, null, null, new Fairness(50, 2), -1, List.of());
    }

    private static String printed(SimulationResult result) {
        StringWriter text = new StringWriter();
        Summary.print(new PrintWriter(text, true), RunReport.of(result, REDIS), true);
        return text.toString();
    }

    @Test
    void stockLeftWhileUsersLost_isCalledUnsold_andWatchWithoutRetriesIsNamed() {
        assertThat(printed(watchSale(0, EndReason.ALL_USERS_DONE)))
                .contains("Unsold      37 items left while 987 users lost (库存遗留) — WATCH without retries gives up "
                        + "at its first conflict")
                .contains("Fairness    0.040: of the first 50 users to arrive, 4.0% won");
    }

    @Test
    void theReasonFollowsHowTheSaleEnded() {
        assertThat(printed(watchSale(3, EndReason.ALL_USERS_DONE))).contains("— WATCH gave up after 3 retries");
        assertThat(printed(watchSale(0, EndReason.TIME_UP))).contains("— the sale closed first (--duration)");
    }

    @Test
    void eachMasterIsListedWithTheBucketsItHolds_runsOfIndexesCompact() {
        StringWriter text = new StringWriter();
        Summary.printMasters(new PrintWriter(text, true), List.of("h:2", "h:1", "h:1", "h:2", "h:2", "h:1"));
        assertThat(text.toString().lines()).containsExactly("Masters     h:1  buckets 1-2, 5 (3)",
                "            h:2  buckets 0, 3-4 (3)");
        // past a dozen runs the rest is left out; the count stays whole
        List<Integer> every = java.util.stream.IntStream.range(0, 100).map(i -> i * 3).boxed().toList();
        assertThat(Summary.indexes(every)).isEqualTo("0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, …");
        StringWriter none = new StringWriter();
        Summary.printMasters(new PrintWriter(none, true), List.of());
        assertThat(none.toString()).as("one server: nothing").isEmpty();
    }
}
