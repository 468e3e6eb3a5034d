package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.app.ExitCodes;
import seckill.app.Main;
import seckill.redis.PrivateRedis;

/**
 * The command line in a JVM of its own, under a limit of the process: open files ({@code ulimit -n}) or heap
 * ({@code -Xmx}). Each ends in one line naming the limit and exit 2, never a silent count of errors, a hang or a
 * raw OutOfMemoryError.
 */
@Tag("faults")
class ProcessLimitsCliTest {
    /** Only keeps a hang from blocking the build; it asserts nothing about speed. */
    private static final long HANG_MINUTES = 5;

    private record Ended(int code, String out, String err) {
    }

    /** Runs the command line with those JVM options, under {@code ulimit -n} when {@code openFiles > 0}. */
    private static Ended run(Path dir, long openFiles, List<String> jvm, String... args)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        if (openFiles > 0) {
            command.addAll(List.of("sh", "-c", "ulimit -n " + openFiles + " && exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(HANG_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after " + HANG_MINUTES + " minutes: " + Files.readString(err));
        }
        return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void noSaleOpened(PrivateRedis server, String prefix) {
        try (Jedis jedis = server.admin()) {
            assertThat(jedis.exists(prefix + "kill_total")).as("no sale was opened").isFalse();
        }
    }

    @ParameterizedTest(name = "--engine {0}")
    @ValueSource(strings = {"threads", "loop"})
    void anOpenFilesLimitBelowThePoolIsRefusedBeforeSelling_exit2_oneLine(String engine, @TempDir Path dir)
            throws Exception {
        try (PrivateRedis server = PrivateRedis.start()) {
            Ended e = run(dir, 256, List.of(), "run", "--redis", server.url(), "--prefix", "fds:", "--engine", engine,
                    "--pool", "2000", "--users", "20000", "--stock", "1000");

            assertThat(e.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                    .startsWith("error: open files limit 256 (ulimit -n) is below what --pool 2000 needs")
                    .contains("raise ulimit -n to").contains("or lower --pool to");
            noSaleOpened(server, "fds:");
        }
    }

    @ParameterizedTest(name = "--engine {0}")
    @ValueSource(strings = {"threads", "loop"})
    void aHeapTooSmallForThePoolIsRefusedBeforeSelling_exit2_oneLine(String engine, @TempDir Path dir)
            throws Exception {
        try (PrivateRedis server = PrivateRedis.start()) {
            Ended e = run(dir, 0, List.of("-Xmx32m"), "run", "--redis", server.url(), "--prefix", "heap:",
                    "--engine", engine, "--pool", "2000", "--users", "200000");

            assertThat(e.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                    .startsWith(engine.equals("loop") ? "error: direct memory limit 32 MiB"
                            : "error: heap limit 32 MiB")
                    .contains("is below what --pool 2000 needs").contains("raise -Xmx or lower --pool to");
            noSaleOpened(server, "heap:");
        }
    }

    /**
     * A million winners do not fit a 24 MiB heap: the sale is stopped when a collection leaves the heap nearly full,
     * and still prints its summary and writes its report.
     */
    @Test
    void aHeapThatFillsMidSaleStopsTheSale_printsTheSummary_andWritesTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        try (PrivateRedis server = PrivateRedis.start()) {
            Ended e = run(dir, 0, List.of("-Xmx24m"), "run", "--redis", server.url(), "--prefix", "heap:",
                    "--strategy", "lua", "--pool", "100", "--users", "1000000", "--stock", "1000000",
                    "--report", report.toString());

            assertThat(e.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                    .startsWith("error: heap limit 24 MiB (-Xmx) reached").contains("raise -Xmx or lower --pool");
            assertThat(e.out()).contains("Ended by    error: heap limit 24 MiB").contains("Report");
            JsonNode json = new ObjectMapper().readTree(Files.readString(report));
            assertThat(json.get("ended_by").asText()).isEqualTo("error");
            assertThat(json.get("error").asText()).startsWith("heap limit 24 MiB");
            long sold;
            try (Jedis jedis = server.admin()) {
                sold = jedis.llen("heap:kill_user");
            }
            assertThat(sold).isPositive().isLessThan(1_000_000);
            assertThat(json.get("users_won").asLong() + json.get("users_unknown").asLong())
                    .isGreaterThanOrEqualTo(sold);
        }
    }
}
