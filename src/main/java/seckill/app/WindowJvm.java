package seckill.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's own JVM. {@code ui} starts the same command again in a JVM with {@link #OPTIONS} and waits for it,
 * because the window and a threads-engine sale's 200 buyers share the JVM's internal locks: a buyer at the idle
 * priority that is preempted while it holds the heap's lock (taken for a new allocation region) or the JIT's compile
 * queue lock runs again only when the cores are free, and the window's thread waits for it meanwhile (frames 100 –
 * 200 ms late on two cores). Regions of 32 MB (by default 1 – 4 MB for heaps up to 8 GB) need that lock 8 to 32
 * times less often; without the optimising compiler, code compiled once raises no more compile events, and the
 * interpreter asks for a method's compilation every 1,024 calls instead of every 128 while it waits for it. The
 * command line's own commands ({@code run}, {@code bench}) keep the default JVM: there speed is the point.
 *
 * <p>It stays in this JVM when it was started again already ({@value #MARK} is set: {@code -Dseckill.windowJvm=this}
 * asks for that), or when there is no {@code java} to start (an app image built without one) or no class path.
 */
final class WindowJvm {
    /** What the window's JVM runs with (a JVM that does not know one of them goes on without it). */
    static final List<String> OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1",
            "-XX:G1HeapRegionSize=32m", "-XX:Tier0InvokeNotifyFreqLog=10");
    /** The system property that says which JVM the window is in. */
    static final String MARK = "seckill.windowJvm";

    private WindowJvm() {
    }

    /**
     * The command that starts {@code args} again in a JVM with {@link #OPTIONS}, or empty to stay in this one.
     *
     * @param mark      this JVM's {@value #MARK} property, or null
     * @param jvmArgs   this JVM's own arguments (passed on, but a debugger's)
     * @param javaHome  where this JVM's runtime is
     * @param classPath this JVM's class path
     */
    static Optional<List<String>> command(String mark, List<String> jvmArgs, Path javaHome, String classPath,
                                          List<String> args) {
        if (mark != null || classPath == null || classPath.isBlank() || javaHome == null) {
            return Optional.empty();
        }
        Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        jvmArgs.stream().filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp"))
                .forEach(command::add);
        command.addAll(OPTIONS);
        command.add("-D" + MARK + "=child");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(args);
        return Optional.of(command);
    }

    /** Whether this JVM is the window's own, started by one that did the command's work up to the window. */
    static boolean isChild() {
        return "child".equals(System.getProperty(MARK));
    }

    /** {@link #command} for this JVM. */
    static Optional<List<String>> forThisJvm(List<String> args) {
        String home = System.getProperty("java.home");
        return command(System.getProperty(MARK),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                home == null ? null : Path.of(home), System.getProperty("java.class.path"), args);
    }

    /**
     * Runs the command with this process's console and returns its exit code (after a SIGINT or SIGTERM here, 130 or
     * 143). The child's standard input is a pipe from this process that nothing is written to: once this process
     * ends, however (a {@code kill -9} too), or is asked to stop, the pipe closes, and the child stops its sale,
     * closes it as {@code run} does and exits ({@link #watchParent}).
     *
     * @throws IOException when it cannot be started
     */
    static int run(List<String> command) throws IOException {
        Process child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OutputStream lifeline = child.getOutputStream();
        Runnable letGo = () -> {
            try {
                lifeline.close();
            } catch (IOException e) {
                // the child has gone already
            }
        };
        Thread stop = new Thread(letGo, "seckill-window-jvm-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (StopSignals signals = new StopSignals(letGo)) {
            int code = waitFor(child);
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            return signals.exitCode() != 0 ? signals.exitCode() : code;
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // not ours to end early: the window decides when it closes
            }
        }
    }

    /**
     * In the window's own JVM ({@link #isChild()}): runs {@code gone} once its standard input, the pipe from the JVM
     * that started it, ends, that is once that JVM has ended (by any signal, {@code kill -9} too) or asks it to stop.
     * Elsewhere nothing.
     */
    static void watchParent(Runnable gone) {
        if (!isChild()) {
            return;
        }
        Thread watch = new Thread(() -> {
            try {
                // nothing is ever sent: only the end matters
                System.in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // a broken pipe ends it as well
            }
            gone.run();
        }, "seckill-window-parent");
        watch.setDaemon(true);
        watch.start();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
