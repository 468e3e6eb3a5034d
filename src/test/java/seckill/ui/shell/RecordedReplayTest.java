package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seckill.redis.TestRedis;
import seckill.report.RecordedComparison;
import seckill.report.RecordedSale;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.SimulationConfig;
import seckill.ui.compare.CompareViewModel.Column;
import seckill.ui.trace.TraceViewModel;

/** Recordings of real sales replayed in the session: a traced sale's timeline, a comparison's columns. */
class RecordedReplayTest {
    private final FakeLabService lab = new FakeLabService();
    private final ModelHarness harness = ModelHarness.fast(lab);
    private final DashboardViewModel model = harness.model;
    private final String prefix = TestRedis.prefix("session-replay");

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        harness.close();
        TestRedis.reset(prefix);
        List.of(StrategyKind.NAIVE, StrategyKind.LUA).forEach(s -> TestRedis.reset(Comparison.saleKeys(prefix, s)
                .prefix()));
    }

    @Test
    void aTracedSalesReplayShowsItsTracesOnceItHasEndedAsTheLiveSaleDid() throws IOException {
        // every user traced: whichever were played before it sold out, the first ones always were
        RecordedSale sale = RecordedSale.play(SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.WATCH)
                .load(5, 16, 6, 1).traceBuyers(16).seed(21).build(), TestRedis.connection(), dir.resolve("t.jsonl"));
        assertThat(sale.recording().traces()).hasSize(sale.result().traces().size()).isNotEmpty();
        TraceViewModel live = new TraceViewModel();
        live.show(sale.result());

        model.replay(sale.recording());
        assertThat(model.trace().isAvailable()).as("while it plays, as while a live sale runs").isFalse();
        model.replay().toEnd();
        TraceViewModel replayed = model.trace();
        assertThat(replayed.isAvailable()).isTrue();
        assertThat(replayed.prefix()).isEqualTo(live.prefix());
        assertThat(replayed.buyerCount()).isEqualTo(live.buyerCount());
        assertThat(replayed.lifelinesProperty().get()).isEqualTo(live.lifelinesProperty().get());
        assertThat(replayed.stepsProperty().get()).isNotEmpty().isEqualTo(live.stepsProperty().get());

        model.replay().seek(0);
        assertThat(replayed.isAvailable()).as("played again from the start").isFalse();
        model.replay().toEnd();
        assertThat(replayed.stepsProperty().get()).isEqualTo(live.stepsProperty().get());
        assertThat(lab.calls).as("nothing connects").isEmpty();
    }

    @Test
    void aRecordedComparisonPlaysInTheDashboardsColumns() throws IOException {
        RecordedComparison c = RecordedComparison.play(SimulationConfig.builder().prefix(prefix).load(6, 90, 30, 0)
                .naiveGapMs(5).seed(5).build(), List.of(StrategyKind.NAIVE, StrategyKind.LUA),
                TestRedis.connection(), dir.resolve("c.jsonl"));
        model.replay(c.recording());
        assertThat(model.compare().activeProperty().get()).isTrue();
        model.replay().toEnd();
        assertThat(model.compare().columns()).extracting(Column::sold).containsExactly(
                c.result().results().get(0).state().sold(), c.result().results().get(1).state().sold());
        assertThat(model.compare().columns()).allMatch(Column::ended);
        assertThat(model.live().settledProperty().get()).isTrue();
        assertThat(model.trace().isAvailable()).as("a comparison shows no timeline, live or replayed").isFalse();
        assertThat(model.status().getPhase().isQuiet()).isTrue();

        model.replays().open(dir.resolve("c.jsonl"));
        harness.settle();
        assertThat(model.compare().activeProperty().get()).as("opened from its file").isTrue();
        assertThat(model.replay().playingProperty().get()).isTrue();
    }
}
