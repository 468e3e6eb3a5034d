package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;

/**
 * {@code ui} as it is started: a JVM that starts the window's own JVM ({@link WindowJvm}) and waits for it, both
 * real processes here, the window headless (Monocle, as the test JVM has it).
 */
class WindowProcessTest {
    /** The test JVM's settings that make a window headless, passed on to the processes started here. */
    private static final List<String> HEADLESS = List.of("java.awt.headless", "glass.platform", "monocle.platform",
            "headless.geometry", "prism.order", "prism.text", "prism.fontdir", "file.encoding");

    /**
     * However the JVM that started the window ends, the window's JVM ends too, its sale stopped and closed for every
     * client (kill_flag gone) as run closes it on a stop; a signal is the exit code, as for run.
     */
    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"KILL, 137", "TERM, 143", "INT, 130"})
    void theWindowEndsAndClosesItsSale_howeverTheProcessThatStartedItEnds(String signal, int expected,
                                                                          @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute(),
                "kill(1) sends the signal");
        try (PrivateRedis server = PrivateRedis.start()) {
            Process parent = start(dir, "ui", "--autostart", "--redis", server.url(), "--prefix", "orphan:",
                    "--strategy", "lua", "--stock", "100000", "--users", "100000", "--pool", "8", "--spread-ms",
                    "600000", "--duration", "600");
            Optional<ProcessHandle> window = Optional.empty();
            try {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                    try (Jedis jedis = server.admin()) {
                        return jedis.llen("orphan:kill_user") > 0;
                    }
                });
                window = parent.toHandle().children().findFirst();
                assertThat(window).as("the window's own JVM").isPresent();
                try (Jedis jedis = server.admin()) {
                    assertThat(jedis.exists("orphan:kill_flag")).as("the sale is open").isTrue();
                }
                new ProcessBuilder("kill", "-" + signal, Long.toString(parent.pid())).inheritIO().start().waitFor();

                ProcessHandle child = window.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive() && !parent.isAlive());
                try (Jedis jedis = server.admin()) {
                    assertThat(jedis.exists("orphan:kill_flag")).as("the sale is closed\n" + printed(dir))
                            .isFalse();
                    assertThat(jedis.llen("orphan:kill_user")).isPositive().isLessThan(100_000);
                }
                assertThat(parent.exitValue()).as(printed(dir)).isEqualTo(expected);
            } finally {
                window.ifPresent(ProcessHandle::destroyForcibly);
                parent.destroyForcibly();
            }
        }
    }

    /** {@code ui --exit} that cannot reach Redis says so as run does: one line naming the Redis, exit 4. */
    @Test
    void uiExitWithRedisUnreachable_printsOneLineNamingIt_andExits4(@TempDir Path dir) throws Exception {
        int closedPort;
        try (PrivateRedis server = PrivateRedis.start()) {
            closedPort = server.port();
        }
        Process ui = start(dir, "ui", "--exit", "--autostart", "--redis", "redis://127.0.0.1:" + closedPort,
                "--prefix", "unreachable:");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> !ui.isAlive());
        } finally {
            ui.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8).strip();
        assertThat(ui.exitValue()).as(printed(dir)).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(err).doesNotContain("\n")
                .isEqualTo("error: Redis at redis://127.0.0.1:" + closedPort + " is unreachable: connection refused "
                        + "(is redis-server running on that port?)");
    }

    /** The command line in a JVM of its own, headless as this one, its output and errors in files in dir. */
    private static Process start(Path dir, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        for (String property : HEADLESS) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    private static String printed(Path dir) throws Exception {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)
                + Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    }
}
