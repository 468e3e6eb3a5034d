package seckill.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seckill.redis.TestRedis;
import seckill.report.RecordedSale;
import seckill.report.Recording;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.live.Figures;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;
import seckill.ui.live.WinnerRow;
import seckill.util.Verdict;

/** Recordings, by hand and of real sales, replayed on the dashboard's models with ticks of a clock given. */
class ReplayModelTest {
    private final LiveSaleModel live = new LiveSaleModel();
    private final VerdictModel verdict = new VerdictModel();
    private final ReplayModel replay = new ReplayModel(live, verdict);
    private final List<String> prefixes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    /** Stock 3, three purchases at 10, 20 and 30 ms, a conflict between, ended at 40 ms, audit held. */
    private static Recording byHand() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("strategy", "lua");
        settings.put("stock", 3);
        settings.put("users", 5);
        settings.put("duration_s", 60);
        Recording.Header header = new Recording.Header(1, settings, 1_000_000L, "test", 1, List.of("lua"));
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("ended_by", "sold_out");
        end.put("sold", 3);
        end.put("oversold", 0);
        end.put("winners", 3);
        end.put("audit_ok", true);
        end.put("violations", List.of());
        end.put("exit_code", 0);
        return new Recording(header, List.of(
                new Recording.Attempt(5, 0, "u0", 1, 5, 10, "won"),
                new Recording.Attempt(12, 1, "u1", 1, 12, 15, "conflict"),
                new Recording.Attempt(16, 1, "u1", 2, 16, 20, "won"),
                new Recording.Attempt(25, 2, "u2", 1, 25, 30, "won"),
                new Recording.Attempt(32, 3, "u3", 1, 32, 35, "sold_out"),
                new Recording.Purchase(10, 1, "u0"),
                new Recording.Purchase(20, 2, "u1"),
                new Recording.Purchase(30, 3, "u2"),
                new Recording.End(40, end)));
    }

    private List<String> shownWinners() {
        return live.winners().rows().stream().map(WinnerRow::userId).toList();
    }

    @Test
    void playsAtItsSpeedAndStopsAtTheEndWithTheRecordedVerdict() {
        replay.show(byHand());
        assertThat(replay.durationMsProperty().get()).isEqualTo(40);
        assertThat(replay.playingProperty().get()).isTrue();
        replay.setSpeed(0.01); // 10 ms of the sale per second on screen
        replay.tick(1.5);
        assertThat(replay.timeMsProperty().get()).isCloseTo(15, within(1e-9));
        assertThat(shownWinners()).containsExactly("u0");
        assertThat(live.figuresProperty().get().sold()).isEqualTo(1);
        assertThat(live.settledProperty().get()).isFalse();

        replay.tick(10);
        assertThat(replay.timeMsProperty().get()).isEqualTo(40);
        assertThat(replay.playingProperty().get()).isFalse();
        assertThat(shownWinners()).containsExactly("u0", "u1", "u2");
        assertThat(live.winners().rows()).extracting(WinnerRow::msSinceOpen).containsExactly(10L, 20L, 30L);
        assertThat(live.settledProperty().get()).isTrue();
        assertThat(verdict.auditOkProperty().get()).isTrue();
        assertThat(verdict.auditProperty().get().key()).isEqualTo("audit.ok");
        assertThat(verdict.endedProperty().get().key()).isEqualTo("ended.sold_out");
        assertThat(verdict.verdict()).isEqualTo(Verdict.OK);
        // the charts span the sale's own 40 ms, not the four seconds it took on screen
        assertThat(live.stockHistory().lastX()).isEqualTo(0.040);
    }

    @Test
    void pauseStopsTimeAndTheSpeedStaysInItsRange() {
        replay.show(byHand());
        replay.pause();
        replay.tick(100);
        assertThat(replay.timeMsProperty().get()).isZero();
        replay.setSpeed(100);
        assertThat(replay.speedProperty().get()).isEqualTo(ReplayModel.MAX_SPEED);
        replay.setSpeed(0.0001);
        assertThat(replay.speedProperty().get()).isEqualTo(ReplayModel.MIN_SPEED);
        assertThat(ReplayModel.defaultSpeed(40)).isEqualTo(ReplayModel.MIN_SPEED);
        assertThat(ReplayModel.defaultSpeed(1e9)).isEqualTo(ReplayModel.MAX_SPEED);
        assertThat(ReplayModel.defaultSpeed(35_000)).isEqualTo(2.0);
        replay.play();
        replay.tick(1);
        assertThat(replay.timeMsProperty().get()).isCloseTo(10, within(1e-9));
    }

    @Test
    void aSeekBackShowsThePurchasesUpToThenAndPlaysOnFromThere() {
        replay.show(byHand());
        replay.toEnd();
        assertThat(shownWinners()).hasSize(3);
        replay.seek(22);
        assertThat(shownWinners()).containsExactly("u0", "u1");
        assertThat(live.figuresProperty().get().sold()).isEqualTo(2);
        assertThat(live.settledProperty().get()).isFalse();
        assertThat(verdict.auditProperty().get()).isNull();
        assertThat(live.stockHistory().lastX()).isLessThanOrEqualTo(0.022);
        replay.seek(35);
        assertThat(shownWinners()).containsExactly("u0", "u1", "u2");
        replay.play();
        replay.tick(1_000);
        assertThat(live.settledProperty().get()).isTrue();
        assertThat(shownWinners()).containsExactly("u0", "u1", "u2");
    }

    @Test
    void theRatesAreTheRecordedOnes() {
        replay.show(byHand());
        replay.pause();
        replay.seek(20);
        // one attempt settled in the 2 ms before 20 ms, and one win: 500 a second each, however slow the replay
        assertThat(live.rateHistory().y(1, live.rateHistory().size() - 1)).isEqualTo(500);
        assertThat(live.figuresProperty().get().conflicts()).isEqualTo(1);
    }

    private Recording record(SimulationConfig.Builder settings) throws IOException {
        String prefix = TestRedis.prefix("replay");
        prefixes.add(prefix);
        RecordedSale sale = RecordedSale.play(settings.prefix(prefix).build(), TestRedis.connection(),
                dir.resolve("sale.jsonl"));
        lastResult = sale.result();
        return sale.recording();
    }

    private SimulationResult lastResult;

    @Test
    void aRealNaiveSaleReplayedEndsOnTheFiguresRedisHeld() throws IOException {
        Recording recording = record(SimulationConfig.builder().strategy(StrategyKind.NAIVE).load(5, 300, 50, 0)
                .seed(3));
        replay.show(recording);
        while (replay.playingProperty().get()) {
            replay.tick(0.5);
        }
        Figures f = live.figuresProperty().get();
        assertThat(f.sold()).isEqualTo(lastResult.state().sold());
        assertThat(f.winners()).isEqualTo(lastResult.state().winners());
        assertThat(f.oversold()).isEqualTo(lastResult.state().oversold());
        assertThat(shownWinners()).containsExactlyElementsOf(recording.purchases().stream()
                .map(Recording.Purchase::user).toList());
        assertThat(verdict.verdict()).isEqualTo(lastResult.verdict());
        assertThat(live.settledProperty().get()).isTrue();
    }

    @Test
    void aRealLuaSaleSeekedToTheMiddleShowsThePurchasesUpToThen() throws IOException {
        Recording recording = record(SimulationConfig.builder().strategy(StrategyKind.LUA).load(30, 300, 20, 0)
                .seed(5));
        List<Recording.Purchase> purchases = recording.purchases();
        replay.show(recording);
        double middle = purchases.get(purchases.size() / 2).t();
        replay.seek(middle);
        List<String> upToThen = purchases.stream().takeWhile(p -> p.t() <= middle).map(Recording.Purchase::user)
                .toList();
        assertThat(shownWinners()).containsExactlyElementsOf(upToThen);
        replay.toEnd();
        assertThat(live.figuresProperty().get().sold()).isEqualTo(lastResult.state().sold()).isEqualTo(30);
        assertThat(shownWinners()).hasSize(30);
        assertThat(verdict.verdict()).isEqualTo(Verdict.OK);
    }
}
