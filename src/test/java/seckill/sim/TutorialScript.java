package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import seckill.redis.TestRedis;

/**
 * The tutorial's own Python script as shipped ({@code seckill/tutorial/tutorial_seckill.py}), run by a
 * {@code python3} that can {@code import redis} against the shared server. It opens its sale itself (deleting the
 * sale's keys under its prefix first), so the lab joins it, never the other way round.
 *
 * <p>The interpreter is {@code /usr/bin/python3} (Debian's, which gets redis-py from the package
 * {@code python3-redis}) or else the first {@code python3} on the PATH; when neither can import redis the test
 * fails saying so, rather than being skipped. CI installs the package.
 */
final class TutorialScript {
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");
    private static String python;
    private static Path script;

    private final Process process;
    private final Path output;

    private TutorialScript(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the script on a sale of its own under {@code prefix}; it opens the sale at once. */
    static TutorialScript start(String prefix, long stock, long users, int pool) {
        try {
            Path out = Files.createTempFile("tutorial-seckill-", ".out");
            Process p = new ProcessBuilder(python(), script().toString(), "--url", TestRedis.url(), "--prefix", prefix,
                    "--stock", Long.toString(stock), "--users", Long.toString(users), "--pool", Integer.toString(pool))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return new TutorialScript(p, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the script to end; asserts it ended well and returns what it printed. */
    String finish() {
        try {
            // the bound only keeps a hang from blocking the build; it asserts nothing about speed
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output).strip();
            assertThat(ended).as("the tutorial's script ended: %s", printed).isTrue();
            assertThat(process.exitValue()).as("the tutorial's script's exit code: %s", printed).isZero();
            assertThat(printed).startsWith("tutorial (Python, redis-py): sold ");
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }

    /** A python3 that can import redis; fails the test, naming the fix, when there is none. */
    static synchronized String python() {
        if (python == null) {
            python = PYTHONS.stream().filter(TutorialScript::importsRedis).findFirst().orElseThrow(() ->
                    new AssertionError("No python3 here can 'import redis', which the tutorial's script needs: "
                            + "tried " + PYTHONS + ". Install it with: apt-get install -y python3-redis"));
        }
        return python;
    }

    private static boolean importsRedis(String candidate) {
        try {
            Process p = new ProcessBuilder(candidate, "-c", "import redis").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static synchronized Path script() throws IOException {
        if (script == null) {
            Path file = Files.createTempFile("tutorial_seckill-", ".py");
            file.toFile().deleteOnExit();
            try (InputStream in = TutorialScript.class.getResourceAsStream("/seckill/tutorial/tutorial_seckill.py")) {
                assertThat(in).as("the shipped tutorial_seckill.py").isNotNull();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            script = file;
        }
        return script;
    }
}
