package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.Test;
import seckill.metrics.LatencySummary;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.AuditResult;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.service.LabException;
import seckill.service.PollSnapshot;
import seckill.sim.EndReason;
import seckill.sim.EngineKind;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.common.I18n;
import seckill.ui.common.LocalText;
import seckill.ui.form.FormViewModel;
import seckill.ui.lessons.Lesson;
import seckill.ui.live.Figures;
import seckill.ui.replay.SlowMotion;
import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.Verdict;

/**
 * The session through the service seam: a fake lab, jobs run when the test settles them, snapshots pushed by the
 * test. No Redis, no toolkit, no sleeping.
 */
class DashboardViewModelTest extends FakeSessionTest {
    private static final String PREFIX = "ui-model:";
    private static final long OPENED = 1_000_000;

    private void smallSale(StrategyKind strategy, long stock, long users) {
        model.form().takeUrl("redis://127.0.0.1:6379");
        model.form().prefixProperty().set(PREFIX);
        model.form().strategyProperty().set(strategy);
        model.form().stock().setValue(stock);
        model.form().users().setValue(users);
        model.form().pool().setValue(20);
    }

    /** The sale after {@code sold} winners, the first {@code from} of them already read. */
    private static SaleState sale(long total, long sold, long from, long readAtMs) {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (long i = from; i < sold; i++) {
            ids.add("user-" + i);
            times.add(OPENED + 10 * i);
        }
        long ttl = sold >= total ? -2 : 60_000;
        return new SaleState(total, sold, sold, ttl, OPENED, from, ids, times, readAtMs);
    }

    private static final SaleState NO_SALE = new SaleState(-1, 0, 0, -2, -1, 0, List.of(), List.of(), OPENED);

    private static MetricsSnapshot counters(long attempts, long wins, long conflicts) {
        LatencySummary latency = new LatencySummary(1.0, 2.0, 3.5, 4.0, 5.0, attempts);
        return new MetricsSnapshot(1_000, attempts, wins, 0, 0, 0, conflicts, 0, wins, wins, 0, 0, attempts, wins,
                conflicts, latency, latency);
    }

    private static SimulationResult result(SimulationConfig config, EndReason how, SaleState state, AuditResult audit) {
        return new SimulationResult(config, how, counters(400, state.sold(), 12), 2_000, state, audit, null);
    }

    private static AuditResult holds(long n) {
        return new AuditResult(true, List.of(), n, n, n, n, 0);
    }

    /** Starts the form's sale and lets its job run: the run and its stream are handed over. */
    private FakeLabService.Run started() {
        model.start();
        harness.settle();
        return lab.lastRun();
    }

    /** Ends the run and settles on a poll read after its end (with every winner: rows are not added twice). */
    private void endAndSettle(FakeLabService.Run run, SimulationResult r) {
        run.result.complete(r);
        harness.settle();
        lab.lastStream().push(sale(r.state().total(), r.state().sold(), 0, System.currentTimeMillis()));
        harness.settle();
    }

    @Test
    void runsASaleFromStartToASettledScreen() {
        smallSale(StrategyKind.LUA, 20, 200);
        assertThat(model.status().canStartProperty().get()).isTrue();
        model.start();
        assertThat(model.status().getPhase()).isEqualTo(Phase.RUNNING);
        assertThat(model.status().canStartProperty().get()).isFalse();
        assertThat(harness.waitingJobs()).as("the run starts on the worker, not here").isEqualTo(1);
        harness.settle();
        assertThat(lab.calls).containsExactly("connect redis://127.0.0.1:6379", "startSale " + PREFIX,
                "watch " + PREFIX);
        FakeLabService.Run run = lab.lastRun();
        FakeLabService.Stream stream = lab.lastStream();
        assertThat(stream.followed).as("the poller samples the run's counters").isSameAs(run.metrics);
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo("Selling to 200 users with lua…");

        stream.push(sale(20, 12, 0, OPENED + 500), counters(300, 12, 0));
        harness.settle();
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(12);
        assertThat(model.live().figuresProperty().get().attemptsPerS()).isEqualTo(300);
        assertThat(model.live().winners().size()).isEqualTo(12);

        SaleState last = sale(20, 20, 12, OPENED + 900);
        stream.push(last, counters(300, 8, 0));
        run.result.complete(result(run.config, EndReason.SOLD_OUT, last, holds(20)));
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.FINISHED);
        assertThat(stream.followed).as("the run's counters are final").isNull();
        assertThat(model.live().settledProperty().get()).as("no poll read after the end yet").isFalse();

        stream.push(sale(20, 20, 20, System.currentTimeMillis()));
        harness.settle();
        assertThat(model.live().settledProperty().get()).isTrue();
        Figures f = model.live().figuresProperty().get();
        assertThat(f.sold()).isEqualTo(20);
        assertThat(f.total()).isEqualTo(20);
        assertThat(f.stockLeft()).isZero();
        assertThat(f.oversold()).isZero();
        assertThat(f.conflicts()).as("the run's own total once it is over").isEqualTo(12);
        assertThat(model.live().winners().size()).isEqualTo(20);
        assertThat(model.live().winners().rows().get(0).msSinceOpen()).isZero();
        assertThat(model.live().winners().rows().get(19).userId()).isEqualTo("user-19");
        assertThat(english.format(model.verdict().auditProperty().get()))
                .isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(model.live().settledProperty().get()).as("ui --watch --exit closes here").isTrue();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.OK);
        assertThat(model.verdict().auditOkProperty().get()).isTrue();
        assertThat(english.format(model.verdict().endedProperty().get())).isEqualTo("Ended: sold out");
        assertThat(model.server().redisTargetProperty().get()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(model.server().serverVersionProperty().get()).isEqualTo("7.2.4");
        assertThat(model.live().stockHistory().size()).isPositive();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.OK);
        assertThat(model.status().canStartProperty().get()).isTrue();
    }

    @Test
    void naiveOversellsAndTheAuditSaysItIsOnPurpose() {
        smallSale(StrategyKind.NAIVE, 5, 200);
        FakeLabService.Run run = started();
        SaleState oversold = sale(5, 7, 0, OPENED + 100);
        lab.lastStream().push(oversold);
        AuditResult audit = new AuditResult(false, List.of(Problem.of(Kind.OVERSOLD, 7L, 5L, 2L)), 5, 7, 7, 7, 2);
        endAndSettle(run, result(run.config, EndReason.ALL_USERS_DONE, oversold, audit));
        assertThat(model.live().figuresProperty().get().oversold()).isEqualTo(2);
        assertThat(model.verdict().auditOkProperty().get()).isFalse();
        assertThat(english.format(model.verdict().auditProperty().get()))
                .startsWith("✘ oversold").contains("on purpose");
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.AUDIT_FAILED);
    }

    @Test
    void theAuditSaysEveryViolationInTheWindowsLanguage_andAgainWhenTheLanguageChanges() {
        smallSale(StrategyKind.NAIVE, 5, 200);
        FakeLabService.Run run = started();
        List<Problem> every = List.of(Problem.of(Kind.NO_SALE, "kill_total"), Problem.of(Kind.OVERSOLD, 12_345L, 5L,
                12_340L), Problem.of(Kind.WINNERS_MISMATCH, 6L, 7L), Problem.of(Kind.WON_TWICE, 1L, "user-3"),
                Problem.of(Kind.CONFIRMED_OVER_SOLD, 8L, 7L), Problem.of(Kind.LOST_WINS, 3L, "user-9"),
                Problem.of(Kind.BUCKET_STRAYS, 2L, 4L, "user-7"));
        assertThat(every).extracting(Problem::kind).as("every kind an audit can find")
                .containsAll(Stream.of(Kind.values()).filter(k -> k.key().startsWith("audit.")).toList());
        SaleState oversold = sale(5, 7, 0, OPENED + 100);
        endAndSettle(run, result(run.config, EndReason.ALL_USERS_DONE, oversold,
                new AuditResult(false, every, 5, 7, 6, 7, 2)));

        I18n i18n = new I18n(I18n.CHINESE);
        StringBinding banner = i18n.binding(model.verdict().auditProperty()); // what the audit bar shows
        assertThat(banner.get()).isEqualTo("✘ 没有秒杀：kill_total 不存在；超卖：kill_num 12345 > kill_total 5（多卖了 "
                + "12340 件）；kill_user 中有 6 个中奖者，但 kill_num 是 7；有用户中奖两次：kill_user 中多出 1 次中奖，第一个是用户 "
                + "user-3；客户端确认了 8 次中奖，但 kill_num 只有 7；已确认的中奖丢失：3 个被告知中奖的用户不在 kill_user 中"
                + "（第一个 user-9）；分桶 2 中有 4 个中奖用户按其 id 属于另一个分桶（第一个 user-7） — naive 没有事务：故意超卖，"
                + "用来说明其他策略为何存在。");
        i18n.toggle();
        assertThat(banner.get()).startsWith("✘ no sale: kill_total does not exist; oversold: kill_num 12345 > ")
                .contains("users won twice", "on purpose").doesNotContain("超卖");
        i18n.toggle();
        assertThat(banner.get())
                .startsWith("✘ 没有秒杀")
                .doesNotContainPattern("(?i)oversold|twice|winners|confirmed|acknowledged|bucket");
    }

    @Test
    void stopsARunningSaleAndResetsIt() {
        smallSale(StrategyKind.WATCH, 1_000, 1_000_000);
        FakeLabService.Run run = started();
        lab.lastStream().push(sale(1_000, 3, 0, OPENED + 100));
        harness.settle();
        assertThat(model.live().figuresProperty().get().exists()).isTrue();
        model.stop();
        assertThat(model.status().getPhase()).isEqualTo(Phase.STOPPING);
        assertThat(run.stopped).isTrue();
        assertThat(model.canStopProperty().get()).isFalse();
        run.result.complete(result(run.config, EndReason.STOPPED, sale(1_000, 3, 3, OPENED + 200), holds(3)));
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.FINISHED);
        assertThat(english.format(model.verdict().endedProperty().get())).isEqualTo("Ended: stopped");

        model.reset();
        assertThat(model.status().getPhase()).isEqualTo(Phase.BUSY);
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(lab.calls).endsWith("reset " + PREFIX);
        assertThat(lab.streams.get(0).closed).as("the old sale's stream is closed").isTrue();
        assertThat(model.live().winners().size()).isZero();
        assertThat(model.live().figuresProperty().get().exists()).isFalse();
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo(
                "Deleted 4 key(s) of the sale under prefix “" + PREFIX + "”.");
    }

    @Test
    void aStopAskedBeforeTheRunIsHandedOverStopsItOnArrival() {
        smallSale(StrategyKind.LUA, 10, 100);
        model.start();
        model.stop(); // the start job has not run yet
        assertThat(model.status().getPhase()).isEqualTo(Phase.STOPPING);
        harness.settle();
        assertThat(lab.lastRun().stopped).isTrue();
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Stopping");
    }

    @Test
    void followsASaleThatAnotherClientDrives() {
        smallSale(StrategyKind.WATCH, 1, 1);
        model.watch();
        assertThat(model.status().getPhase()).isEqualTo(Phase.BUSY);
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.WATCHING);
        assertThat(lab.calls).containsExactly("connect redis://127.0.0.1:6379", "wrongTypes " + PREFIX,
                "watch " + PREFIX);
        FakeLabService.Stream stream = lab.lastStream();
        stream.push(NO_SALE);
        harness.settle();
        assertThat(english.format(model.status().messageProperty().get()))
                .startsWith("Waiting for a sale under prefix");

        stream.push(sale(30, 29, 0, OPENED + 100));
        harness.settle();
        assertThat(lab.calls).as("a sale still selling is not audited").noneMatch(c -> c.startsWith("audit"));
        assertThat(english.format(model.status().messageProperty().get())).as("no longer waiting")
                .startsWith("Watching the sale");
        assertThat(model.live().settledProperty().get()).isFalse();
        stream.push(sale(30, 30, 29, OPENED + 200));
        harness.settle();
        assertThat(model.live().winners().size()).isEqualTo(30);
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(30);
        assertThat(model.live().winners().rows().get(29).userId()).isEqualTo("user-29");
        assertThat(model.live().figuresProperty().get().stockLeft()).isZero();
        assertThat(model.live().figuresProperty().get().conflicts()).isEqualTo(-1); // no local run: nothing to count
        assertThat(model.verdict().auditOkProperty().get()).isTrue();
        assertThat(english.format(model.verdict().auditProperty().get()))
                .isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(model.live().settledProperty().get()).as("ui --watch --exit closes here").isTrue();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.OK);

        stream.push(sale(30, 30, 30, OPENED + 300));
        harness.settle();
        assertThat(lab.calls).as("audited once per outcome").filteredOn(c -> c.startsWith("audit")).hasSize(1);

        model.stop();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(stream.closed).isTrue();
    }

    @Test
    void aSaleInBucketsIsWatchedInAsManyAsItHas_theirLevelsShown_andANewSaleStartsWithoutThem() {
        smallSale(StrategyKind.LUA, 20, 200);
        model.form().prefixProperty().set("{ui-model}:");
        model.form().buckets().setValue(4);
        FakeLabService.Run run = started();
        assertThat(run.config.buckets()).isEqualTo(4);
        assertThat(lab.calls).contains("watch {ui-model}: in 4 buckets");
        FakeLabService.Stream stream = lab.lastStream();
        List<SaleState> buckets = List.of(sale(5, 5, 0, OPENED + 100), sale(5, 2, 0, OPENED + 100),
                sale(5, 5, 0, OPENED + 100), sale(5, 0, 0, OPENED + 100));
        stream.sink.accept(PollSnapshot.of(stream.source(), sale(20, 12, 0, OPENED + 100), buckets, null, false));
        harness.settle();
        assertThat(model.live().buckets().activeProperty().get()).isTrue();
        assertThat(model.live().buckets().soldOut()).isEqualTo(2);
        assertThat(model.live().buckets().unsold()).isEqualTo(8);
        assertThat(model.live().figuresProperty().get().sold()).as("the tiles show the sum").isEqualTo(12);

        run.result.complete(result(run.config, EndReason.ALL_USERS_DONE, sale(20, 12, 0, OPENED + 200), holds(12)));
        harness.settle();
        model.form().buckets().setValue(1);
        started();
        assertThat(model.live().buckets().activeProperty().get()).as("a sale of one bucket: no panel").isFalse();
        assertThat(lab.calls.get(lab.calls.size() - 1)).isEqualTo("watch {ui-model}:");
    }

    @Test
    void refusesToWatchASaleWhoseKeysHaveTheWrongTypeAndNamesTheKey() {
        String userKey = new SaleKeys(PREFIX).user();
        lab.wrongTypes = List.of(Problem.of(Kind.KEY_WRONG_TYPE, userKey, "string", "list"));
        smallSale(StrategyKind.WATCH, 1, 1);
        model.watch();
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Refused: ").contains(userKey)
                .contains("list");
        assertThat(chinese.format(model.status().messageProperty().get())).startsWith("已拒绝：").contains(userKey)
                .doesNotContain("Refused", "but a sale needs");
        assertThat(lab.streams).as("nothing is watched").isEmpty();
        assertThat(model.sessionVerdict()).as("refused, as the command line refuses").isEqualTo(Verdict.REFUSED);
    }

    @Test
    void keepsTheScreenWhenRedisIsLostAndClearsTheBannerWhenItIsBack() {
        smallSale(StrategyKind.LUA, 10, 50);
        FakeLabService.Run run = started();
        endAndSettle(run, result(run.config, EndReason.SOLD_OUT, sale(10, 10, 0, OPENED + 100), holds(10)));
        FakeLabService.Stream stream = lab.lastStream();
        Figures before = model.live().figuresProperty().get();

        stream.lose(Problem.of(Kind.REDIS_LOST, "redis://127.0.0.1:1", "Connection reset"));
        harness.settle();
        assertThat(english.format(model.live().bannerProperty().get())).startsWith("Redis is lost: ")
                .contains("reconnecting");
        assertThat(chinese.format(model.live().bannerProperty().get())).startsWith("与 Redis 的连接丢失")
                .doesNotContain("was lost");
        assertThat(model.live().figuresProperty().get()).isEqualTo(before);
        assertThat(model.live().winners().size()).isEqualTo(10);

        stream.push(sale(10, 10, 10, System.currentTimeMillis()));
        harness.settle();
        assertThat(model.live().bannerProperty().get()).isNull();
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo("Redis is back.");
    }

    @Test
    void ignoresTheSnapshotsOfAStreamAlreadyReplaced() {
        smallSale(StrategyKind.LUA, 10, 50);
        FakeLabService.Run run = started();
        endAndSettle(run, result(run.config, EndReason.SOLD_OUT, sale(10, 10, 0, OPENED + 100), holds(10)));
        FakeLabService.Stream old = lab.lastStream();
        model.reset();
        harness.settle();
        old.push(sale(10, 10, 0, OPENED + 500));
        harness.settle();
        assertThat(model.live().figuresProperty().get().exists()).isFalse();
        assertThat(model.live().winners().size()).isZero();
    }

    @Test
    void exportsTheWinnersAndTheReport(@org.junit.jupiter.api.io.TempDir Path dir) {
        smallSale(StrategyKind.DECR, 10, 100);
        FakeLabService.Run run = started();
        SimulationResult r = result(run.config, EndReason.SOLD_OUT, sale(10, 10, 0, OPENED + 100), holds(10));
        endAndSettle(run, r);
        CompletableFuture<Long> csv = model.exports().winners(dir.resolve("w.csv"));
        CompletableFuture<Path> json = model.exports().report(dir.resolve("r.json"));
        assertThat(csv).isNotDone();
        harness.settle();
        assertThat(csv).isCompletedWithValue(10L);
        assertThat(json).isCompletedWithValue(dir.resolve("r.json"));
        assertThat(lab.calls).contains("exportWinners " + PREFIX + " w.csv", "exportReport r.json");
        assertThat(lab.reported).containsExactly(r);
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo("Saved " + dir.resolve("r.json"));
    }

    @Test
    void opensARecordingAndReplaysItOrSaysWhyNot(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.jsonl"), """
                {"format":"seckill-lab-recording","version":1,"settings":{"strategy":"decr","stock":2,"users":7,\
                "duration_s":60},"started_at":1000000,"clock":"test","sampled":null,"lanes":["decr"]}
                {"t":5,"type":"purchase","rank":1,"user":"u0"}
                {"t":9,"type":"end","ended_by":"all_users_done","sold":1,"oversold":0,"winners":1,"audit_ok":true,\
                "violations":[],"exit_code":0}
                """);
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"strategy\":\"lua\"}\n");
        model.replays().open(bad);
        assertThat(model.replay().recordingProperty().get()).as("read on the worker").isNull();
        harness.settle();
        assertThat(model.replay().recordingProperty().get()).isNull();
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo("Refused: " + bad
                + " is not a Seckill Lab recording: its first line is not a header with format seckill-lab-recording");
        assertThat(chinese.format(model.status().messageProperty().get())).contains(bad.toString())
                .doesNotContain("is not");
        model.replays().open(good);
        harness.settle();
        assertThat(model.replay().recordingProperty().get()).isNotNull();
        assertThat(model.form().strategyProperty().get()).isEqualTo(StrategyKind.DECR);
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Replaying a recorded sale");
        assertThat(model.status().getPhase().isQuiet()).isTrue();
        assertThat(lab.calls).as("nothing connects").isEmpty();
    }

    @Test
    void aLessonsRunPlaysAgainSlowedDownOnceItsScreenHasSettled() {
        model.form().takeUrl("redis://127.0.0.1:6379");
        model.lessons().choose(Lesson.NAIVE_OVERSELLS);
        FakeLabService.Run run = started();
        SimulationResult r = result(run.config, EndReason.ALL_USERS_DONE, sale(10, 10, 0, OPENED + 100), holds(10));
        run.result.complete(r);
        harness.settle();
        assertThat(model.live().settledProperty().get()).as("a poll after the end is awaited").isFalse();
        assertThat(lab.recorded).as("not before the screen settles").isEmpty();
        lab.lastStream().push(sale(10, 10, 0, System.currentTimeMillis()));
        harness.settle();
        assertThat(lab.recorded).containsExactly(r);
        assertThat(lab.recordedFiles).hasSize(1).allSatisfy(f -> assertThat(f).as("the temporary file").doesNotExist());
        assertThat(model.replay().recordingProperty().get()).as("the lesson's race, replayed").isNotNull();
        assertThat(model.replay().playingProperty().get()).isTrue();
        assertThat(model.form().strategyProperty().get()).isEqualTo(run.config.strategy());
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Replaying a recorded sale");
        assertThat(model.slowMotion().offeredProperty().get()).as("played, not offered").isNull();
        assertThat(model.status().getPhase().isQuiet()).isTrue();
    }

    @Test
    void aWindowThatClosesOnSettlingOnlyOffersALessonsSlowMotion() {
        model.slowMotion().offerOnly();
        model.form().takeUrl("redis://127.0.0.1:6379");
        model.lessons().choose(Lesson.LUA_SELLS_ALL);
        FakeLabService.Run run = started();
        SimulationResult r = new SimulationResult(run.config, EndReason.SOLD_OUT, counters(100, 10, 0), 150,
                sale(10, 10, 0, OPENED + 100), holds(10), null);
        endAndSettle(run, r);
        assertThat(lab.recorded).isEmpty();
        assertThat(model.replay().recordingProperty().get()).isNull();
        assertThat(model.slowMotion().offeredProperty().get()).isSameAs(r);
    }

    @Test
    void aFastSaleOffersItsSlowMotionAndPlaysItWhenAsked() {
        smallSale(StrategyKind.LUA, 10, 100);
        FakeLabService.Run run = started();
        SaleState state = sale(10, 10, 0, OPENED + 100);
        SimulationResult r = new SimulationResult(run.config, EndReason.SOLD_OUT, counters(100, 10, 0), 120, state,
                holds(10), null);
        endAndSettle(run, r);
        assertThat(model.replay().recordingProperty().get()).as("offered, not played").isNull();
        assertThat(lab.recorded).isEmpty();
        assertThat(model.slowMotion().offeredProperty().get()).isSameAs(r);
        assertThat(SlowMotion.seconds(r)).isEqualTo("0.12");
        model.slowMotion().playOffered();
        harness.settle();
        assertThat(lab.recorded).containsExactly(r);
        assertThat(lab.recordedFiles.get(0)).doesNotExist();
        assertThat(model.replay().recordingProperty().get()).isNotNull();
        assertThat(model.slowMotion().offeredProperty().get()).as("the replay took the screen").isNull();
    }

    @Test
    void aSlowSaleOffersNoSlowMotion() {
        smallSale(StrategyKind.LUA, 10, 100);
        FakeLabService.Run run = started();
        SaleState state = sale(10, 10, 0, OPENED + 100);
        endAndSettle(run, new SimulationResult(run.config, EndReason.SOLD_OUT, counters(100, 10, 0),
                SlowMotion.FAST_MS, state, holds(10), null));
        assertThat(model.slowMotion().offeredProperty().get()).isNull();
        assertThat(model.replay().recordingProperty().get()).isNull();
    }

    @Test
    void opensNoRecordingWhileASaleRuns(@org.junit.jupiter.api.io.TempDir Path dir) {
        smallSale(StrategyKind.LUA, 10, 100);
        started();
        model.replays().open(dir.resolve("any.jsonl"));
        assertThat(harness.waitingJobs()).isZero();
        assertThat(model.replay().recordingProperty().get()).isNull();
    }

    @Test
    void savesTheLastRunsRecording(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThat(model.exports().recording(dir.resolve("none.jsonl.gz"))).as("no run yet")
                .isCompletedExceptionally();
        smallSale(StrategyKind.LUA, 10, 100);
        FakeLabService.Run run = started();
        SimulationResult r = result(run.config, EndReason.SOLD_OUT, sale(10, 10, 0, OPENED + 100), holds(10));
        endAndSettle(run, r);
        Path file = dir.resolve("sale.jsonl.gz");
        CompletableFuture<Path> saved = model.exports().recording(file);
        harness.settle();
        assertThat(saved).isCompletedWithValue(file);
        assertThat(lab.calls).contains("exportRecording sale.jsonl.gz");
        assertThat(lab.recorded).containsExactly(r);
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo("Saved " + file);
    }

    @Test
    void savesTheLastComparisonsRecordingEveryLaneInOneFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        model.form().compare().set(List.of(StrategyKind.NAIVE, StrategyKind.LUA), false);
        model.start();
        harness.settle();
        FakeLabService.Comparing comparison = lab.lastComparison();
        for (int i = 0; i < 2; i++) {
            FakeLabService.Run lane = comparison.lane(i);
            lane.result.complete(result(lane.config, EndReason.SOLD_OUT, sale(10, 10, 0, OPENED + 100), holds(10)));
        }
        harness.settle();
        assertThat(model.compare().shownResult()).isNotNull();
        Path file = dir.resolve("compare.jsonl");
        CompletableFuture<Path> saved = model.exports().recording(file);
        harness.settle();
        assertThat(saved).isCompletedWithValue(file);
        assertThat(lab.calls).contains("exportComparisonRecording compare.jsonl")
                .noneMatch(call -> call.startsWith("exportRecording"));
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo("Saved " + file);
    }

    @Test
    void saysWhyAnExportCannotBeWritten() {
        CompletableFuture<Long> csv = model.exports().winners(Path.of("w.csv"));
        assertThat(csv).isCompletedExceptionally();
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Not connected to Redis");
        CompletableFuture<Path> json = model.exports().report(Path.of("r.json"));
        assertThat(json).isCompletedExceptionally();
        assertThat(english.format(model.status().messageProperty().get())).startsWith("No run has ended yet");
        assertThat(lab.calls).isEmpty();
    }

    @Test
    void startStaysOffWhileAFieldIsWrong() {
        model.form().stock().textProperty().set("0");
        assertThat(model.status().canStartProperty().get()).isFalse();
        model.start();
        assertThat(model.status().getPhase()).isEqualTo(Phase.DISCONNECTED);
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo(
                "Stock: cannot be 0: enter a whole number from 1 to 100,000,000 — fix it to start");
        assertThat(harness.waitingJobs()).isZero();
    }

    @Test
    void whileAFieldIsWrongTheStatusBarNamesItAndWhatIsWrong() {
        assertThat(english.format(model.status().messageProperty().get()))
                .startsWith("Fill in the sale and press Start");
        model.form().pool().textProperty().set("5000");
        assertThat(english.format(model.status().messageProperty().get()))
                .isEqualTo("Threads: must be from 1 to 2,000 (got 5,000) — fix it to start");
        assertThat(chinese.format(model.status().messageProperty().get()))
                .isEqualTo("线程数：必须从 1 到 2,000（当前为 5,000）——改正后才能开始");
        model.form().stock().textProperty().set("");
        assertThat(english.format(model.status().messageProperty().get())).as("the topmost first")
                .startsWith("Stock: empty: enter a whole number");
        model.form().redisUrlProperty().set("http://h");
        assertThat(english.format(model.status().messageProperty().get())).as("the URL's problem, its name said once")
                .startsWith("Redis: must start with redis://").endsWith("— fix it to start")
                .doesNotContain("Redis URL");

        model.form().redisUrlProperty().set("");
        model.form().stock().setValue(10);
        model.form().pool().setValue(10);
        assertThat(english.format(model.status().messageProperty().get())).as("fixed: back to what it said before")
                .startsWith("Fill in the sale and press Start");
    }

    @Test
    void startWithAFieldWrongUnfoldsTheFormAndAsksTheViewToShowThatField() {
        List<FormViewModel.Invalid> shown = new ArrayList<>();
        model.form().setOnReveal(shown::add);
        model.presentation().formFoldedProperty().set(true);
        model.form().seed().textProperty().set("twelve");
        assertThat(model.canChangeSaleProperty().get()).as("Start can be pressed").isTrue();

        model.start();
        assertThat(model.presentation().formFoldedProperty().get()).isFalse();
        assertThat(shown).extracting(FormViewModel.Invalid::field).containsExactly("seed");
        assertThat(model.status().getPhase()).isEqualTo(Phase.DISCONNECTED);
        assertThat(harness.waitingJobs()).isZero();

        model.form().seed().textProperty().set("");
        smallSale(StrategyKind.LUA, 10, 50);
        model.start();
        assertThat(shown).as("a form that is fine starts, showing nothing").hasSize(1);
        assertThat(model.status().getPhase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void connectWithAWrongUrlShowsTheUrlField() {
        List<FormViewModel.Invalid> shown = new ArrayList<>();
        model.form().setOnReveal(shown::add);
        model.form().redisUrlProperty().set("redis://h:1/x");
        model.connect();
        assertThat(shown).extracting(FormViewModel.Invalid::field).containsExactly(FormViewModel.REDIS);
        assertThat(harness.waitingJobs()).isZero();
        assertThat(chinese.format(model.status().messageProperty().get())).isEqualTo("Redis：数据库编号必须是数字，/0 到 /15"
                + "（当前为“x”）——改正后才能开始");
    }

    @Test
    void aSecondStartWhileRunningChangesNothing() {
        smallSale(StrategyKind.LUA, 10, 50);
        started();
        LocalText before = model.status().messageProperty().get();
        model.start();
        model.watch();
        model.reset();
        model.connect();
        assertThat(model.status().getPhase()).isEqualTo(Phase.RUNNING);
        assertThat(harness.waitingJobs()).isZero();
        assertThat(model.status().messageProperty().get()).isEqualTo(before);
        assertThat(model.live().settledProperty().get()).isFalse();
        assertThat(lab.runs).hasSize(1);
    }

    @Test
    void saysClearlyWhenRedisCannotBeReached() {
        lab.connectFails = LabException.unreachable(Problem.of(Kind.REDIS_REFUSED, "redis://127.0.0.1:1"), null);
        model.form().takeUrl("redis://127.0.0.1:1");
        model.connect();
        assertThat(model.status().getPhase()).isEqualTo(Phase.BUSY);
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.DISCONNECTED);
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Cannot use Redis: ")
                .contains("127.0.0.1:1");
        assertThat(chinese.format(model.status().messageProperty().get()))
                .startsWith("无法使用 Redis").contains("127.0.0.1:1")
                .doesNotContain("unreachable");
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.REDIS_UNAVAILABLE);
        assertThat(model.canChangeSaleProperty().get()).isTrue();

        lab.connectFails = null;
        model.connect();
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(english.format(model.status().messageProperty().get()))
                .isEqualTo("Connected to redis://127.0.0.1:6379.");
        assertThat(model.sessionVerdict()).as("the server is back").isEqualTo(Verdict.OK);
    }

    @Test
    void aFailedConnectForgetsTheServerConnectedBefore() {
        model.connect();
        harness.settle();
        assertThat(model.server().redisTargetProperty().get()).isEqualTo("redis://127.0.0.1:6379");
        lab.connectFails = LabException.unreachable(Problem.of(Kind.REDIS_REFUSED, "redis://127.0.0.1:1"), null);
        model.form().takeUrl("redis://127.0.0.1:1");
        model.connect();
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.DISCONNECTED);
        assertThat(model.server().redisTargetProperty().get()).isEmpty();
        assertThat(model.server().serverVersionProperty().get()).isEmpty();
    }

    @Test
    void connectingKeepsTheVerdictOfTheSaleOnScreen() {
        smallSale(StrategyKind.LUA, 10, 50);
        FakeLabService.Run run = started();
        endAndSettle(run, result(run.config, EndReason.SOLD_OUT, sale(10, 10, 0, OPENED + 100), holds(10)));
        model.connect();
        harness.settle();
        assertThat(english.format(model.verdict().auditProperty().get())).startsWith("✔");
        assertThat(model.verdict().resultProperty().get()).isNotNull();
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(10);
    }

    @Test
    void aRunThatEndsOnARedisErrorExitsWithFour() {
        smallSale(StrategyKind.LUA, 10, 50);
        FakeLabService.Run run = started();
        Problem lost = Problem.of(Kind.REDIS_LOST, "redis://127.0.0.1:6379", "reset");
        List<Phase> phaseWhenSettled = new ArrayList<>();
        model.live().settledProperty().addListener((obs, was, now) -> phaseWhenSettled.add(model.status().getPhase()));
        run.result.complete(new SimulationResult(run.config, EndReason.ERROR, counters(1, 0, 0), 10, null, null,
                lost));
        harness.settle();
        assertThat(phaseWhenSettled).as("ui --screenshot takes its picture then: it must say ended").containsExactly(
                Phase.FINISHED);
        assertThat(model.status().getPhase()).isEqualTo(Phase.FINISHED);
        assertThat(model.live().settledProperty().get()).as("no poll will settle it").isTrue();
        assertThat(english.format(model.verdict().auditProperty().get())).startsWith("✘ not audited: Redis at");
        assertThat(english.format(model.status().messageProperty().get())).startsWith("The run ended on an error: ");
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.REDIS_UNAVAILABLE);

        // Redis comes back: the sale is audited now, and the line no longer says "not audited"
        lab.lastStream().lose(lost);
        harness.settle();
        lab.lastStream().push(sale(10, 7, 0, System.currentTimeMillis()));
        harness.settle();
        assertThat(english.format(model.status().messageProperty().get())).contains("back");
        assertThat(lab.calls).contains("audit " + run.config.prefix());
        assertThat(english.format(model.verdict().auditProperty().get())).isEqualTo("✔ nothing oversold, nobody won "
                + "twice");
        assertThat(chinese.format(model.verdict().auditProperty().get())).doesNotContain("not audited");
    }

    // ---- the event loop and TLS: flagged in the form, and refused quietly if it gets through ----

    @Test
    void theFormFlagsTheEventLoopWithATlsServerBeforeStart() {
        smallSale(StrategyKind.LUA, 10, 50);
        model.form().takeUrl("rediss://:pw@redis.example:6380");
        model.form().engineProperty().set(EngineKind.LOOP);
        assertThat(model.status().canStartProperty().get()).isFalse();
        LocalText error = model.form().engineErrorProperty().get();
        assertThat(english.format(error)).isEqualTo(
                "The event loop speaks plain TCP only: for a rediss:// (TLS) server choose the threads engine");
        assertThat(chinese.format(error)).doesNotContain("speaks", "TCP only").contains("rediss://");
        model.start();
        assertThat(model.status().getPhase()).isEqualTo(Phase.DISCONNECTED);
        assertThat(english.format(model.status().messageProperty().get()))
                .isEqualTo("Engine: The event loop speaks plain "
                + "TCP only: for a rediss:// (TLS) server choose the threads engine — fix it to start");
        assertThat(harness.waitingJobs()).isZero();
        assertThat(model.live().settledProperty().get()).as("ui --autostart --exit ends").isTrue();
        assertThat(model.sessionVerdict()).as("as the command line refuses it").isEqualTo(Verdict.REFUSED);

        model.form().engineProperty().set(EngineKind.THREADS);
        assertThat(model.status().canStartProperty().get()).isTrue();
        model.form().engineProperty().set(EngineKind.LOOP);
        model.form().takeUrl("redis://redis.example:6380");
        assertThat(model.status().canStartProperty().get()).as("plain TCP suits the loop").isTrue();
    }

    @Test
    void aRefusedStartLeavesTheWindowQuietWithTheReason() {
        // the form cannot see a rediss:// URL that comes from $REDIS_URL: the service refuses it at start
        lab.startFails = LabException.refused(Problem.of(Kind.LOOP_NO_TLS));
        smallSale(StrategyKind.LUA, 10, 50);
        model.form().takeUrl(null);
        model.form().engineProperty().set(EngineKind.LOOP);
        model.start();
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(english.format(model.status().messageProperty().get()))
                .isEqualTo("Refused: The event loop speaks plain "
                + "TCP only: for a rediss:// (TLS) server choose the threads engine");
        assertThat(chinese.format(model.status().messageProperty().get())).startsWith("已拒绝：").doesNotContain("speaks");
        assertThat(model.status().canStartProperty().get()).isTrue();
        assertThat(model.canStopProperty().get()).isFalse();
        assertThat(model.live().settledProperty().get()).as("--exit does not wait forever").isTrue();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.REFUSED);
        assertThat(lab.streams).isEmpty();
        model.stop(); // Esc now: nothing to stop, nothing changes
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
    }

    @Test
    void aJobThatThrowsAnErrorStillEndsQuietWithAMessage() {
        lab.startFails = new StackOverflowError();
        smallSale(StrategyKind.LUA, 10, 50);
        model.start();
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(english.format(model.status().messageProperty().get())).isEqualTo(
                "Something went wrong, nothing runs now: StackOverflowError");
        assertThat(chinese.format(model.status().messageProperty().get())).startsWith("出错了");
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(model.status().canStartProperty().get()).isTrue();
    }

    @Test
    void aRunThatFailsAfterItStartedEndsQuietAndClosesItsStream() {
        smallSale(StrategyKind.LUA, 10, 50);
        model.form().joinProperty().set(true);
        FakeLabService.Run run = started();
        run.result.completeExceptionally(LabException.refused(Problem.of(Kind.JOIN_NO_SALE, PREFIX,
                PREFIX + "kill_total")));
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Refused: Cannot join");
        assertThat(lab.lastStream().closed).isTrue();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void aSnapshotOfTheCurrentStreamIsShownEvenBeforeItsHandleArrives() {
        smallSale(StrategyKind.LUA, 10, 50);
        model.start();
        harness.runJobs();
        // the stream's first tick can be drained before the job's answer: it belongs to the new view all the same
        FakeLabService.Stream stream = lab.lastStream();
        model.apply(PollSnapshot.of(stream.source(), sale(10, 2, 0, OPENED + 10), null, false));
        assertThat(model.live().winners().size()).isEqualTo(2);
        harness.settle();
        stream.push(sale(10, 3, 2, OPENED + 20));
        harness.settle();
        assertThat(model.live().winners().size()).as("no row lost between the two").isEqualTo(3);
    }
}
