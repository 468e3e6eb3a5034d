package seckill.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.metrics.LatencySummary;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.AuditResult;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.service.PollSnapshot;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.EndReason;
import seckill.sim.Fairness;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/** Strategies side by side, without a toolkit: live columns from each lane's polls, final ones from the results. */
class CompareViewModelTest {
    private static final List<StrategyKind> LANES = List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA);
    private final CompareViewModel model = new CompareViewModel();

    private static SaleState sale(long total, long sold, long openedMs, long readAt) {
        return new SaleState(total, sold, sold, 60_000, openedMs, 0, List.of(), List.of(), readAt);
    }

    private static MetricsSnapshot counters(long conflicts, long usersWon) {
        LatencySummary latency = new LatencySummary(1.0, 2.0, 3.5, 4.0, 5.0, 10);
        return new MetricsSnapshot(1_000, 10, usersWon, 0, 0, 0, conflicts, 0, usersWon, usersWon, 0, 0, 10,
                usersWon, conflicts, latency, latency);
    }

    private static SimulationResult result(StrategyKind kind, long total, long sold, AuditResult audit,
                                           long conflicts, Fairness fairness, long soldOutMs) {
        SimulationConfig config = SimulationConfig.builder().strategy(kind).stock(total).users(100).build();
        return new SimulationResult(config, EndReason.ALL_USERS_DONE, counters(conflicts, Math.min(sold, 100)), 500,
                sale(total, sold, 1_000, 1_500), audit, null, fairness, soldOutMs, List.of());
    }

    private static AuditResult holds(long n) {
        return new AuditResult(true, List.of(), n, n, n, n, 0);
    }

    @Test
    void showsEachLaneLiveFromItsOwnKeys() {
        model.begin(LANES, Comparison.Mode.AT_ONCE);
        assertThat(model.activeProperty().get()).isTrue();
        assertThat(model.columns()).extracting(CompareViewModel.Column::strategy).containsExactlyElementsOf(LANES);
        model.apply(0, PollSnapshot.of(1, sale(50, 63, 1_000, 1_200), counters(0, 63), false));
        model.apply(1, PollSnapshot.of(2, sale(50, 20, 1_000, 1_200), counters(31, 20), false));
        CompareViewModel.Column naive = model.columns().get(0);
        assertThat(naive.oversold()).isEqualTo(13);
        assertThat(naive.stockLeft()).isZero();
        assertThat(model.columns().get(1).conflicts()).isEqualTo(31);
        assertThat(model.columns().get(1).stockLeft()).isEqualTo(30);
        assertThat(model.columns().get(2).exists()).as("lua has not been read yet").isFalse();
        assertThat(model.soldHistory(0).size()).isEqualTo(1);
        assertThat(model.soldHistory(0).y(0, 0)).isEqualTo(63);
    }

    @Test
    void theResultsCompleteTheColumnsAndNaivesViolationIsTheLesson() {
        model.begin(LANES, Comparison.Mode.ONE_AT_A_TIME);
        AuditResult oversold = new AuditResult(false, List.of(Problem.of(Problem.Kind.OVERSOLD, 63L, 50L, 13L)), 50,
                63, 63, 63, 13);
        SimulationResult naive = result(StrategyKind.NAIVE, 50, 63, oversold, 0, new Fairness(50, 50), 189);
        SimulationResult watch = result(StrategyKind.WATCH, 50, 9, holds(9), 400, new Fairness(50, 9), -1);
        SimulationResult lua = result(StrategyKind.LUA, 50, 50, holds(50), 0, new Fairness(50, 50), 143);
        model.laneEnded(0, naive);
        assertThat(model.columns().get(0).audit()).isEqualTo(CompareViewModel.Audit.EXPECTED_VIOLATION);
        assertThat(model.columns().get(0).fairness()).as("no fairness for an oversold sale").isNaN();
        assertThat(model.resultProperty().get()).isNull();
        model.ended(new ComparisonResult(Comparison.Mode.ONE_AT_A_TIME, List.of(naive, watch, lua)));

        CompareViewModel.Column w = model.columns().get(1);
        assertThat(w.audit()).isEqualTo(CompareViewModel.Audit.HOLDS);
        assertThat(w.unsold()).as("WATCH without retries leaves stock while users lose").isEqualTo(41);
        assertThat(w.fairness()).isEqualTo(0.18);
        assertThat(w.soldOutMs()).isEqualTo(-1);
        assertThat(model.columns().get(2).soldOutMs()).as("not the client's 143 ms: Redis has not told yet")
                .isEqualTo(-1);
        assertThat(model.columns().get(2).unsold()).isZero();
        assertThat(model.resultProperty().get().verdict()).isEqualTo(seckill.util.Verdict.OK);

        // a late poll of an ended lane changes nothing: the result's figures are final
        model.apply(1, PollSnapshot.of(2, sale(50, 9, 1_000, 3_000), null, false));
        assertThat(model.columns().get(1).unsold()).isEqualTo(41);
    }

    @Test
    void aLaneOverBetweenTwoPollsStillEndsItsLineAtTheFinalFigure() {
        model.begin(LANES, Comparison.Mode.AT_ONCE);
        model.apply(2, PollSnapshot.of(3, sale(50, 10, 1_000, 1_100), null, false));
        model.laneEnded(2, result(StrategyKind.LUA, 50, 50, holds(50), 0, new Fairness(50, 50), 143));
        assertThat(model.soldHistory(2).size()).isEqualTo(2);
        assertThat(model.soldHistory(2).x(1)).isEqualTo(0.5); // read 500 ms after it opened
        assertThat(model.soldHistory(2).y(0, 1)).isEqualTo(50);
        // never polled at all: the result alone draws its point
        model.laneEnded(0, result(StrategyKind.NAIVE, 50, 50, holds(50), 0, new Fairness(50, 50), 99));
        assertThat(model.soldHistory(0).size()).isEqualTo(1);
        assertThat(model.soldHistory(0).y(0, 0)).isEqualTo(50);
    }

    @Test
    void aSafeStrategysViolationFailsTheComparison() {
        SimulationResult broken = result(StrategyKind.LUA, 50, 51,
                new AuditResult(false, List.of(Problem.of(Problem.Kind.OVERSOLD, 51L, 50L, 1L)), 50, 51, 51, 51, 1),
                0, Fairness.NONE, 10);
        assertThat(CompareViewModel.auditOf(broken)).isEqualTo(CompareViewModel.Audit.VIOLATION);
    }

    @Test
    void eachLinesTimeCountsFromItsOwnOpening() {
        model.begin(LANES, Comparison.Mode.ONE_AT_A_TIME);
        model.apply(0, PollSnapshot.of(1, sale(50, 10, 1_000, 1_500), null, false));
        model.apply(2, PollSnapshot.of(3, sale(50, 10, 9_000, 9_500), null, false));
        assertThat(model.soldHistory(0).x(0)).isEqualTo(0.5);
        assertThat(model.soldHistory(2).x(0)).isEqualTo(0.5);
    }

    @Test
    void soldOutInIsTheTimeRedisKeptForTheItemThatEmptiedTheStock() {
        model.begin(LANES, Comparison.Mode.AT_ONCE);
        model.apply(2, PollSnapshot.of(3, winnersRead(50, 40, 0, 1_000), null, false));
        assertThat(model.columns().get(2).soldOutMs()).as("the 50th winner not read yet").isEqualTo(-1);
        model.laneEnded(2, result(StrategyKind.LUA, 50, 50, holds(50), 0, new Fairness(50, 50), 639));
        assertThat(model.columns().get(2).soldOutMs()).as("never the client's own timer").isEqualTo(-1);

        model.apply(2, PollSnapshot.of(3, winnersRead(50, 50, 40, 1_000), null, false));
        assertThat(model.columns().get(2).soldOutMs()).as("kill_time[49] less the opening").isEqualTo(1_001);
        assertThat(model.columns().get(2).ended()).isTrue();
    }

    @Test
    void aLaneStoppedByHandLeavesNoUnsoldStockToBlameOnItsStrategy() {
        model.begin(LANES, Comparison.Mode.AT_ONCE);
        SimulationResult watch = result(StrategyKind.WATCH, 50, 9, holds(9), 400, new Fairness(50, 9), -1);
        model.laneEnded(1, new SimulationResult(watch.config(), EndReason.STOPPED, watch.metrics(), 500,
                watch.state(), watch.audit(), null, watch.fairness(), -1, List.of()));
        assertThat(watch.unsoldStock()).as("the engine's figure").isEqualTo(41);
        assertThat(model.columns().get(1).unsold()).as("shown as a dash, not 库存遗留").isEqualTo(-1);
        assertThat(model.columns().get(1).stockLeft()).isEqualTo(41);
    }

    /** A sale of {@code total}, its winners read from {@code from} on; winner i bought at opened + 20 i + 21. */
    private static SaleState winnersRead(long total, long sold, long from, long openedMs) {
        List<String> ids = new java.util.ArrayList<>();
        List<Long> times = new java.util.ArrayList<>();
        for (long i = from; i < sold; i++) {
            ids.add("u" + i);
            times.add(openedMs + 20 * i + 21);
        }
        return new SaleState(total, sold, sold, 60_000, openedMs, from, ids, times, openedMs + 1_500);
    }
}
