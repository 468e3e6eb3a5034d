package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;

/** A run stopped by a signal still reads back, audits, prints its summary and writes its report. */
class StopSignalsTest {
    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalStopsTheSale_thenTheSummaryAndTheReportAreWritten(String signal, int expected, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute(),
                "kill(1) sends the signal");
        Path report = dir.resolve("report.json");
        Path out = dir.resolve("out.txt");
        try (PrivateRedis server = PrivateRedis.start()) {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, Main.class.getName(), "run", "--redis", server.url(), "--prefix", "sig:",
                    "--strategy", "lua", "--stock", "100000", "--users", "100000", "--pool", "8", "--spread-ms",
                    "600000", "--report", report.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    try (Jedis jedis = server.admin()) {
                        return jedis.llen("sig:kill_user") > 0;
                    }
                });
                new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start().waitFor();
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("ended after the signal").isTrue();
            } finally {
                run.destroyForcibly();
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(printed).isEqualTo(expected);
            assertThat(printed).contains("Ended by    stopped").contains("Audit       ✔").contains("Report ");
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            assertThat(json.get("ended_by").asText()).isEqualTo("stopped");
            assertThat(json.get("audit").get("ok").asBoolean()).isTrue();
            try (Jedis jedis = server.admin()) {
                assertThat(json.get("sold").asLong()).isEqualTo(Long.parseLong(jedis.get("sig:kill_num")))
                        .isPositive().isLessThan(100_000);
            }
            assertThat(List.of(printed.split("\n"))).noneMatch(line -> line.contains("\tat "));
        }
    }
}
