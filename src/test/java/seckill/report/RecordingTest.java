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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.EngineKind;
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
        assertThat(attempts).anyMatch(a -> a.outcome().equals("conflict") && a.n() == 1);
        assertThat(attempts).allSatisfy(a -> {
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
