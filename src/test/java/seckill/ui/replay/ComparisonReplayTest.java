package seckill.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.report.RecordedComparison;
import seckill.report.Recording;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.SimulationConfig;
import seckill.ui.compare.CompareViewModel;
import seckill.ui.compare.CompareViewModel.Column;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;
import seckill.ui.live.WinnerRow;

/** A comparison recorded on a real Redis, replayed in the comparison's columns with ticks of a clock given. */
class ComparisonReplayTest {
    private static final List<StrategyKind> LINEUP = List.of(StrategyKind.NAIVE, StrategyKind.WATCH,
            StrategyKind.LUA);
    private final LiveSaleModel live = new LiveSaleModel();
    private final CompareViewModel compare = new CompareViewModel();
    private final ReplayModel replay = new ReplayModel(live, new VerdictModel(), compare);
    private final String prefix = TestRedis.prefix("cmp-replay");

    @TempDir
    Path dir;

    @AfterEach
    void deleteOwnKeys() {
        LINEUP.forEach(s -> TestRedis.reset(Comparison.saleKeys(prefix, s).prefix()));
    }

    private RecordedComparison recorded() throws IOException {
        return RecordedComparison.play(SimulationConfig.builder().prefix(prefix).load(10, 240, 40, 0).naiveGapMs(5)
                .seed(12).build(), LINEUP, TestRedis.connection(), dir.resolve("compare.jsonl.gz"));
    }

    /** The columns as the live comparison left them once every lane had ended. */
    private static List<Column> liveColumns(RecordedComparison c) {
        CompareViewModel shown = new CompareViewModel();
        shown.begin(LINEUP, Comparison.Mode.AT_ONCE);
        shown.ended(c.result());
        return List.copyOf(shown.columns());
    }

    @Test
    void playsInTheColumnsAndEndsWithEachLanesLiveFiguresAndVerdict() throws IOException {
        RecordedComparison c = recorded();
        replay.show(c.recording());
        assertThat(compare.activeProperty().get()).isTrue();
        assertThat(compare.columns()).extracting(Column::strategy).containsExactlyElementsOf(LINEUP);
        assertThat(compare.columns()).noneMatch(Column::ended);
        assertThat(replay.durationMsProperty().get()).as("the longest lane's")
                .isEqualTo(LINEUP.stream().mapToDouble(s -> new ReplayTimeline(c.recording().lane(s.cliName()))
                        .spanMs()).max().orElseThrow());

        replay.toEnd();
        assertEndedAsLive(c);
        assertThat(live.settledProperty().get()).isTrue();
        assertThat(replay.endedProperty().get()).isTrue();
        for (int i = 0; i < LINEUP.size(); i++) {
            assertThat(compare.soldHistory(i).size()).as("a line per lane").isPositive();
        }

        replay.seek(0);
        assertThat(compare.columns()).as("back to the start: every lane running again").noneMatch(Column::ended);
        assertThat(replay.endedProperty().get()).isFalse();
        replay.play();
        replay.tick(3_600);
        assertEndedAsLive(c);
    }

    private void assertEndedAsLive(RecordedComparison c) {
        List<Column> expected = liveColumns(c);
        for (int i = 0; i < LINEUP.size(); i++) {
            Column shown = compare.columns().get(i);
            Column was = expected.get(i);
            assertThat(shown.ended()).isTrue();
            // the report keeps fairness to three places
            assertThat(shown.fairness()).isCloseTo(was.fairness(), within(0.0006));
            assertThat(withFairness(shown, 0)).as(LINEUP.get(i).cliName()).isEqualTo(withFairness(was, 0));
            Recording lane = c.recording().lane(LINEUP.get(i).cliName());
            long emptied = lane.purchases().stream().filter(p -> p.rank() == shown.total())
                    .mapToLong(p -> Math.round(p.t())).findFirst().orElse(-1);
            assertThat(shown.soldOutMs()).as("sold out in: the kill_time of the item that emptied the stock")
                    .isEqualTo(emptied);
        }
    }

    /** The column with that fairness, and its sold-out time left out (the live one needs polls to know it). */
    private static Column withFairness(Column c, double fairness) {
        return new Column(c.strategy(), c.exists(), c.total(), c.sold(), c.stockLeft(), c.oversold(), c.conflicts(),
                c.unsold(), 0, fairness, c.audit(), c.ended());
    }

    @Test
    void eachLaneReplayedAloneEndsWithItsWinnersAsRedisHoldsThem() throws IOException {
        RecordedComparison c = recorded();
        for (int i = 0; i < LINEUP.size(); i++) {
            LiveSaleModel alone = new LiveSaleModel();
            VerdictModel verdict = new VerdictModel();
            ReplayModel laneReplay = new ReplayModel(alone, verdict);
            Recording lane = c.recording().lane(LINEUP.get(i).cliName());
            laneReplay.show(lane);
            laneReplay.toEnd();
            List<String> killUser;
            try (Jedis jedis = TestRedis.connection().borrow()) {
                killUser = jedis.lrange(c.result().results().get(i).config().prefix() + "kill_user", 0, -1);
            }
            assertThat(alone.winners().rows().stream().map(WinnerRow::userId).toList()).isEqualTo(killUser);
            assertThat(verdict.verdict()).isEqualTo(c.result().results().get(i).verdict());
        }
    }

    @Test
    void aSingleSalesRecordingLeavesTheColumnsAlone() throws IOException {
        compare.begin(List.of(StrategyKind.LUA), Comparison.Mode.AT_ONCE);
        compare.leave();
        List<Column> before = new ArrayList<>(compare.columns());
        RecordedComparison c = recorded();
        replay.show(c.recording().lane("lua"));
        replay.toEnd();
        assertThat(compare.activeProperty().get()).isFalse();
        assertThat(compare.columns()).isEqualTo(before);
    }
}
