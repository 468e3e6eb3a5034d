package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;

/**
 * A report that cannot be written (the disk full, as far as the process can tell) is named on stderr in one line,
 * and the exit code still says how the sale came out: 3 after a violation, 143 after SIGTERM; 1 after a clean sale,
 * whose report is missing all the same.
 */
class UnwrittenReportTest {
    private final String prefix = TestRedis.prefix("unwritten");

    @BeforeAll
    static void needsBash() {
        Assumptions.assumeTrue(new File("/bin/bash").canExecute(), "bash's ulimit takes the disk away");
    }

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    private static void assertNamed(CliProcess.Ran ran, Path report) {
        assertThat(ran.err()).as(ran.err()).contains("error: --report: cannot write " + report.toAbsolutePath()
                + " (File too large)").doesNotContain("Try '").doesNotContain("\tat ");
        assertThat(ran.err().strip().lines().filter(l -> l.contains("--report"))).hasSize(1);
        assertThat(ran.out()).doesNotContain("Report      ");
        assertThat(report).doesNotExist();
    }

    @Test
    void aNaiveSaleWhoseReportCannotBeWritten_stillExits3(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("naive.json");
        CliProcess.Ran ran = CliProcess.finish(CliProcess.startWithoutDisk("run", "--redis", TestRedis.url(),
                "--prefix", prefix, "--strategy", "naive", "--stock", "10", "--users", "300", "--pool", "100",
                "--naive-gap-ms", "20", "--report", report.toString()), 120);

        assertThat(ran.exitCode()).as(ran.out() + ran.err()).isEqualTo(ExitCodes.AUDIT_FAILED);
        assertThat(ran.out()).contains("✘ oversold");
        assertNamed(ran, report);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            // the violation the exit code reports is Redis's own
            assertThat(Long.parseLong(jedis.get(new SaleKeys(prefix).num()))).isGreaterThan(10);
        }
    }

    @Test
    void aCleanSaleWhoseReportCannotBeWritten_exits1(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("lua.json");
        CliProcess.Ran ran = CliProcess.finish(CliProcess.startWithoutDisk("run", "--redis", TestRedis.url(),
                "--prefix", prefix, "--strategy", "lua", "--stock", "10", "--users", "30", "--report",
                report.toString()), 120);

        assertThat(ran.exitCode()).as(ran.out() + ran.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(ran.out()).contains("Audit       ✔");
        assertNamed(ran, report);
    }

    @Test
    void aSaleStoppedBySigtermWhoseReportCannotBeWritten_stillExits143(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute(),
                "kill(1) sends the signal");
        Path report = dir.resolve("stopped.json");
        try (PrivateRedis server = PrivateRedis.start()) {
            Process run = CliProcess.startWithoutDisk("run", "--redis", server.url(), "--prefix", "sig:",
                    "--strategy", "lua", "--stock", "100000", "--users", "100000", "--pool", "8", "--spread-ms",
                    "600000", "--report", report.toString());
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    try (Jedis jedis = server.admin()) {
                        return jedis.llen("sig:kill_user") > 0;
                    }
                });
                new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).inheritIO().start().waitFor();
                CliProcess.Ran ran = CliProcess.finish(run, 60);

                assertThat(ran.exitCode()).as(ran.out() + ran.err()).isEqualTo(ExitCodes.TERMINATED);
                assertThat(ran.out()).contains("Ended by    stopped");
                assertNamed(ran, report);
            } finally {
                run.destroyForcibly();
            }
        }
    }

    @Test
    void aMergeWhoseReportCannotBeWritten_keepsTheAuditsExit(@TempDir Path dir) throws Exception {
        Path part = dir.resolve("part.json");
        CliSession cli = new CliSession();
        assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--strategy", "lua", "--stock",
                "10", "--users", "30", "--report", part.toString())).as(cli.err()).isZero();
        Path merged = dir.resolve("merged.json");

        CliProcess.Ran clean = CliProcess.finish(CliProcess.startWithoutDisk("merge", "--redis", TestRedis.url(),
                part.toString(), "--report", merged.toString()), 120);
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(clean.out()).contains("Audit       ✔");
        assertNamed(clean, merged);

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CliProcess.Ran unread = CliProcess.finish(CliProcess.startWithoutDisk("merge", "--redis",
                "redis://127.0.0.1:" + port, part.toString(), "--report", merged.toString()), 120);
        assertThat(unread.exitCode()).as(unread.out() + unread.err()).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertNamed(unread, merged);
        assertThat(Files.exists(merged)).isFalse();
    }
}
