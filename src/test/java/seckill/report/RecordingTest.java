package seckill.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.AttemptLog;
import seckill.sim.Comparison;
import seckill.sim.EngineKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem.Kind;
import seckill.util.ProblemException;

/** Sales recorded on a real Redis, written and read back; and the files the reader refuses. */
class RecordingTest {
    private final RedisConnection redis = TestRedis.connection();
    private final List<String> prefixes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    private RecordedSale record(SimulationConfig.Builder settings, String name) throws IOException {
        String prefix = TestRedis.prefix("rec");
        prefixes.add(prefix);
        return RecordedSale.play(settings.prefix(prefix).build(), redis, dir.resolve(name));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aWatchSaleWithRetriesIsRecordedWhole(EngineKind engine) throws IOException {
        RecordedSale r = record(SimulationConfig.builder().strategy(StrategyKind.WATCH).engine(engine)
                .load(40, 400, 50, 3).seed(11), "watch-" + engine.cliName() + ".jsonl");
        SimulationResult result = r.result();
        Recording recording = r.recording();

        assertThat(recording.header().version()).isEqualTo(Recording.VERSION);
        assertThat(recording.header().settings()).containsEntry("strategy", "watch").containsEntry("users", 400)
                .containsEntry("engine", engine.cliName());
        assertThat(recording.header().sampledEvery()).isEqualTo(1);
        assertThat(recording.header().lanes()).containsExactly("watch");
        assertAttemptsAreTheRuns(r);
        List<Recording.Attempt> attempts = recording.attempts();
        // every conflict the run counted is there; on the event loop all 50 are in flight at once, so some conflict
        // (on threads, a busy machine may run them one after another)
        assertThat(attempts.stream().filter(a -> a.outcome().equals("conflict")).count())
                .isEqualTo(result.metrics().conflicts());
        if (engine == EngineKind.LOOP) {
            assertThat(attempts).anyMatch(a -> a.outcome().equals("conflict") && a.n() == 1);
        }
        assertThat(attempts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.answered()).isGreaterThanOrEqualTo(a.sent());
            assertThat(a.t()).isEqualTo(a.sent());
        });
        assertThat(attempts).isSortedAccordingTo((a, b) -> Double.compare(a.sent(), b.sent()));
        assertPurchasesAreRedis(recording, result.state().sold());
        Recording.End end = recording.end();
        assertThat(end.fields()).containsEntry("ended_by", result.endedBy().reportName())
                .containsEntry("sold", (int) result.state().sold()).containsEntry("oversold", 0)
                .containsEntry("audit_ok", true).containsEntry("exit_code", 0);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aNaiveSaleThatOversellsIsRecordedAsRedisHoldsIt(EngineKind engine) throws IOException {
        RecordedSale r = record(SimulationConfig.builder().strategy(StrategyKind.NAIVE).engine(engine)
                .load(5, 200, 50, 0).seed(3), "naive-" + engine.cliName() + ".jsonl.gz");
        SimulationResult result = r.result();
        Recording recording = r.recording();

        assertAttemptsAreTheRuns(r);
        // naive loses updates of kill_num: the purchases are kill_user's, however many that holds
        assertPurchasesAreRedis(recording, result.state().winners());
        assertThat(recording.end().fields()).containsEntry("oversold", (int) result.state().oversold())
                .containsEntry("audit_ok", result.auditHolds())
                .containsEntry("exit_code", result.auditHolds() ? 0 : 3);
    }

    /** As many attempts as the run counted, and as many won as users won. */
    private static void assertAttemptsAreTheRuns(RecordedSale r) {
        List<Recording.Attempt> attempts = r.recording().attempts();
        assertThat(attempts).hasSize((int) r.result().metrics().attempts());
        assertThat(attempts.stream().filter(a -> a.outcome().equals("won")).count())
                .isEqualTo(r.result().metrics().usersWon());
    }

    /** The purchases are kill_user's, in its order, that many. */
    private void assertPurchasesAreRedis(Recording recording, long count) {
        List<String> killUser;
        String prefix = prefixes.get(prefixes.size() - 1);
        try (Jedis jedis = redis.borrow()) {
            killUser = jedis.lrange(prefix + "kill_user", 0, -1);
        }
        List<Recording.Purchase> purchases = recording.purchases();
        assertThat(purchases).hasSize((int) count);
        assertThat(purchases.stream().map(Recording.Purchase::user).toList()).isEqualTo(killUser);
        assertThat(purchases.stream().map(Recording.Purchase::rank).toList())
                .isEqualTo(LongStream.rangeClosed(1, count).boxed().toList());
        assertThat(recording.end().fields()).containsEntry("purchases", (int) count);
    }

    @Test
    void pollsAreWrittenInTimeOrderAmongTheEventsAndReadBack() throws IOException {
        String prefix = TestRedis.prefix("rec-polls");
        prefixes.add(prefix);
        Simulation simulation = new Simulation(SimulationConfig.builder().strategy(StrategyKind.LUA)
                .load(10, 80, 10, 0).seed(9).prefix(prefix).build(), redis);
        AttemptLog log = simulation.record(AttemptLog.DEFAULT_CAP);
        SimulationResult result = simulation.run();
        long start = log.attempts().startEpochMs();
        SaleState last = result.state();
        // three polls: before the buyers came, one lost, and the last figures with the run's counters
        List<RecordingWriter.Polled> polls = List.of(
                new RecordingWriter.Polled(start - 4, new SaleState(10, 0, 0, 60_000, start, 0, List.of(), List.of(),
                        start - 4), null),
                new RecordingWriter.Polled(start + 1, null, null),
                new RecordingWriter.Polled(start + result.elapsedMs() + 1, last, result.metrics()));
        Path file = dir.resolve("polls.jsonl");
        RecordingWriter.Written written = RecordingWriter.write(file, new RecordingWriter.Lane(
                RunReport.of(result, RunReport.RedisInfo.of(redis)), log.attempts(), log.every(),
                RecordingWriter.purchases(redis, result.config()), polls, 0));
        Recording recording = RecordingReader.read(file);

        assertThat(written.polls()).isEqualTo(3);
        assertThat(recording.polls()).containsExactly(
                new Recording.Poll(-4, false, 10, 0, 10, 0, 0, 60_000, -1, -1, -1, null),
                new Recording.Poll(1, true, -1, -1, -1, -1, -1, -1, -1, -1, -1, null),
                new Recording.Poll(result.elapsedMs() + 1, false, 10, 10, 0, 0, last.winners(), last.ttlMillis(),
                        result.metrics().attempts(), result.metrics().wins(), result.metrics().conflicts(), null));
        // purchases keep kill_user's order (their times are the buying clients' clocks); attempts and polls merge
        List<Recording.Event> timed = recording.events().stream().filter(e -> e instanceof Recording.Attempt
                || e instanceof Recording.Poll).toList();
        assertThat(timed.get(0)).as("the first poll came before any attempt").isInstanceOf(Recording.Poll.class);
        assertThat(timed).hasSize(recording.attempts().size() + 3)
                .isSortedAccordingTo((x, y) -> Double.compare(x.t(), y.t()));
        assertThat(recording.end().fields()).containsEntry("polls", 3);
    }

    @Test
    void aFileWithoutPollsOrLanesAndWithEventsOfLaterKindsStillReads() throws IOException {
        Path old = write("old.jsonl", """
                {"format":"seckill-lab-recording","version":1,"settings":{"strategy":"lua","stock":1,"users":2},\
                "started_at":1000,"clock":"test","sampled":null,"lanes":["lua"]}
                {"t":1.5,"type":"attempt","user":0,"id":"u0","n":1,"sent":1.5,"answered":2.0,"outcome":"won"}
                {"t":2,"type":"purchase","rank":1,"user":"u0"}
                {"t":2.5,"type":"gif_frame","frame":1}
                {"t":3,"type":"end","ended_by":"sold_out","sold":1,"exit_code":0}
                """);
        Recording recording = RecordingReader.read(old);
        assertThat(recording.isComparison()).isFalse();
        assertThat(recording.header().mode()).isNull();
        assertThat(recording.polls()).isEmpty();
        assertThat(recording.events()).as("the unknown kind skipped").hasSize(3)
                .allSatisfy(e -> assertThat(e.lane()).isNull());
        assertThat(recording.attempts()).containsExactly(new Recording.Attempt(1.5, 0, "u0", 1, 1.5, 2.0, "won"));
        assertThat(recording.end().fields()).containsEntry("exit_code", 0);
    }

    @Test
    void aComparisonIsRecordedEveryLaneInOneFile() throws IOException {
        String prefix = TestRedis.prefix("rec-cmp");
        List<StrategyKind> strategies = List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA);
        strategies.forEach(s -> prefixes.add(Comparison.saleKeys(prefix, s).prefix()));
        RecordedComparison c = RecordedComparison.play(SimulationConfig.builder().prefix(prefix).load(8, 120, 30, 0)
                .naiveGapMs(5).seed(6).build(), strategies, redis, dir.resolve("compare.jsonl.gz"));
        Recording recording = c.recording();

        assertThat(recording.isComparison()).isTrue();
        assertThat(recording.header().lanes()).containsExactly("naive", "watch", "lua");
        assertThat(recording.header().mode()).isEqualTo("at_once");
        assertThat(recording.header().settings()).containsEntry("prefix", prefix)
                .containsEntry("strategy", "naive,watch,lua");
        List<Recording.Event> laned = recording.events().subList(0, recording.events().size() - 1);
        assertThat(laned).isNotEmpty().allSatisfy(e -> assertThat(e.lane()).isIn("naive", "watch", "lua"));
        assertThat(recording.end().lane()).as("the comparison's own end, last").isNull();
        assertThat(recording.end().fields()).containsEntry("exit_code", c.result().verdict().exitCode());
        JsonNode report = new ObjectMapper().readTree(recording.reportJson());
        assertThat(report.get("mode").asText()).isEqualTo("at_once");
        assertThat(report.get("strategies")).hasSize(3);
        assertThat(report.get("compare").get(2).get("sold").asLong()).isEqualTo(c.result().results().get(2).state()
                .sold());
        for (int i = 0; i < strategies.size(); i++) {
            SimulationResult r = c.result().results().get(i);
            Recording lane = recording.lane(strategies.get(i).cliName());
            assertThat(lane.header().settings()).containsEntry("strategy", strategies.get(i).cliName())
                    .containsEntry("prefix", r.config().prefix());
            assertThat(lane.attempts()).hasSize((int) r.metrics().attempts());
            assertThat(lane.attempts()).allSatisfy(a -> assertThat(a.lane()).isNull());
            prefixes.add(r.config().prefix());
            assertPurchasesAreRedis(lane, r.state().winners());
            assertThat(lane.end().fields()).containsEntry("sold", (int) r.state().sold())
                    .containsEntry("exit_code", r.verdict().exitCode());
        }
    }

    @Test
    void plainAndGzippedFilesHoldTheSameEvents() throws IOException {
        RecordedSale plain = record(SimulationConfig.builder().strategy(StrategyKind.LUA).load(20, 100, 10, 0)
                .seed(5), "lua.jsonl");
        Path gz = dir.resolve("lua.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain.file(), out);
        }
        assertThat(Files.readAllBytes(gz)).startsWith(0x1f, 0x8b);
        assertThat(RecordingReader.read(gz)).isEqualTo(plain.recording());
    }

    @Test
    void refusesWhatIsNotJson() throws IOException {
        assertRefused(write("notes.jsonl", "hello, world\n"), Kind.RECORDING_NOT_JSON, "first line is not JSON");
        assertRefused(write("empty.jsonl", ""), Kind.RECORDING_NOT_A_RECORDING, "not a Seckill Lab recording");
    }

    @Test
    void refusesJsonThatIsNotARecording() throws IOException {
        assertRefused(write("report.json", "{\"strategy\":\"lua\",\"sold\":3}\n"), Kind.RECORDING_NOT_A_RECORDING,
                "not a header with format seckill-lab-recording");
    }

    @Test
    void refusesANewerMajorVersion() throws IOException {
        String text = Files.readString(small().file()).replaceFirst("\"version\":1", "\"version\":2");
        assertRefused(write("v2.jsonl", text), Kind.RECORDING_NEWER, "version 2, newer than this lab reads");
    }

    @Test
    void refusesAFileCutShort() throws IOException {
        byte[] whole = Files.readAllBytes(small().file());
        // the last line cut in its middle
        assertRefused(write("cut.jsonl", Arrays.copyOf(whole, whole.length - 5)), Kind.RECORDING_CUT_SHORT,
                "cut short: it ends in the middle of a line");
        // whole lines, but no end event
        String text = new String(whole, StandardCharsets.UTF_8);
        String noEnd = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
        assertRefused(write("no-end.jsonl", noEnd), Kind.RECORDING_NO_END, "have no end event");
    }

    @Test
    void refusesATruncatedGzipFile() throws IOException {
        Path gz = dir.resolve("whole.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(small().file(), out);
        }
        byte[] whole = Files.readAllBytes(gz);
        assertRefused(write("cut.jsonl.gz", Arrays.copyOf(whole, whole.length * 2 / 3)), Kind.RECORDING_CUT_SHORT,
                "is cut short");
    }

    @Test
    void refusesADamagedLineInTheMiddle() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(small().file()));
        lines.set(1, "{\"t\": oops");
        assertRefused(write("damaged.jsonl", String.join("\n", lines) + "\n"), Kind.RECORDING_BAD_LINE,
                "line 2 is not a JSON event");
    }

    private RecordedSale small() throws IOException {
        return record(SimulationConfig.builder().strategy(StrategyKind.LUA).load(5, 30, 5, 0).seed(2),
                "small.jsonl");
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertRefused(Path file, Kind kind, String says) {
        assertThatThrownBy(() -> RecordingReader.read(file)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().kind()).isEqualTo(kind);
            assertThat(e.getMessage()).startsWith(file.toString()).contains(says).doesNotContain("\n");
        });
    }
}
