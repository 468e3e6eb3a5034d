package seckill.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own (a load generator, say), its output in a file. */
public final class CliProcess {
    private CliProcess() {
    }

    public static Process start(Path output, String... args) throws IOException {
        return new ProcessBuilder(command(List.of(), args)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    /** java, the test's class path, the JVM's options, the lab's main class and its arguments. */
    static List<String> command(List<String> jvmOptions, String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** How a command line in a JVM of its own came out. */
    public record Ran(int exitCode, String out, String err) {
    }

    /**
     * Starts the command line in a JVM that cannot write a byte to any file (a full disk, as far as it can tell:
     * {@code ulimit -f 0}, whose writes then fail with "File too large"); its output comes back through pipes.
     * Creating an empty file still works, so {@code --report}'s check of its folder passes.
     */
    public static Process startWithoutDisk(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 0 && exec \"$0\" \"$@\""));
        command.addAll(command(List.of("-XX:-UsePerfData"), args));
        return new ProcessBuilder(command).start();
    }

    /** Waits for a process started here, reading both its outputs meanwhile. */
    public static Ran finish(Process process, long seconds) throws Exception {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String out = text(process.getInputStream());
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + seconds + " s; printed: " + out);
        }
        return new Ran(process.exitValue(), out, err.get(seconds, TimeUnit.SECONDS));
    }

    private static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
