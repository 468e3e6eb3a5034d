package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.report.Recording;
import seckill.report.RecordingReader;

/** {@code run --record FILE}: the file, the line that names it, and the paths refused before anything is sold. */
class RecordOptionTest {
    private final CliSession cli = new CliSession();
    private final List<String> prefixes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    private String prefix() {
        String p = TestRedis.prefix("cli-rec");
        prefixes.add(p);
        return p;
    }

    @Test
    void aRunWritesItsRecordingAndSaysSo() {
        Path file = dir.resolve("sale.jsonl.gz");
        assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix(), "--stock", "20", "--users", "150",
                "--strategy", "lua", "--engine", "loop", "--record", file.toString())).as(cli.err()).isZero();

        Recording recording = RecordingReader.read(file);
        assertThat(recording.purchases()).hasSize(20);
        assertThat(recording.end().fields()).containsEntry("exit_code", 0).containsEntry("sold", 20);
        int attempts = recording.attempts().size();
        assertThat(cli.out()).contains("Recording: " + file + " (" + attempts + " attempts, 20 purchases)");
    }

    @Test
    void aBadPathIsRefusedBeforeAnythingIsSold() throws Exception {
        String prefix = prefix();
        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--record", folder.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--record").contains("is a folder; expected a file name for the recording");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--record",
                file.resolve("under-a-file.jsonl").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("is not a folder");
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(jedis.exists(prefix + "kill_total")).isFalse();
        }
    }

    @Test
    void aComparisonWritesEveryLaneInOneRecording() {
        String prefix = prefix();
        List.of("lua:", "decr:").forEach(lane -> prefixes.add(prefix + lane));
        Path file = dir.resolve("c.jsonl");
        assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--compare", "lua,decr",
                "--stock", "6", "--users", "40", "--record", file.toString())).as(cli.err()).isZero();

        Recording recording = RecordingReader.read(file);
        assertThat(recording.header().lanes()).containsExactly("lua", "decr");
        assertThat(recording.polls()).as("run samples no progress: no polls").isEmpty();
        for (String lane : List.of("lua", "decr")) {
            assertThat(recording.lane(lane).purchases()).hasSize(6);
            assertThat(recording.lane(lane).end().fields()).containsEntry("sold", 6).containsEntry("exit_code", 0);
        }
        assertThat(recording.end().fields()).containsEntry("exit_code", 0).containsKey("report");
        assertThat(cli.out()).contains("Recording: " + file + " (" + recording.attempts().size() + " attempts, 12 "
                + "purchases)");
    }
}
