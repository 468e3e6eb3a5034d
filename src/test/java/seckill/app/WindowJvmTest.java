package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowJvmTest {
    private static final Path THIS_JAVA_HOME = Path.of(System.getProperty("java.home"));

    @Test
    void startsTheSameCommandAgainWithTheWindowsOptions_withoutADebugger() {
        List<String> command = WindowJvm.command(null,
                List.of("-Xmx2g", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Dfile.encoding=UTF-8"),
                THIS_JAVA_HOME, "lib/seckill-lab.jar", List.of("ui", "--lang", "zh")).orElseThrow();
        assertThat(command.get(0)).isEqualTo(THIS_JAVA_HOME.resolve("bin")
                .resolve(command.get(0).endsWith(".exe") ? "java.exe" : "java").toString());
        List<String> expected = new ArrayList<>(List.of("-Xmx2g", "-Dfile.encoding=UTF-8"));
        expected.addAll(WindowJvm.OPTIONS);
        expected.addAll(List.of("-Dseckill.windowJvm=child", "-cp", "lib/seckill-lab.jar", "seckill.app.Main", "ui",
                "--lang", "zh"));
        assertThat(command.subList(1, command.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void staysInThisJvmWhenItIsTheWindowsAlreadyOrHasNoJavaToStart(@TempDir Path noJava) {
        List<String> ui = List.of("ui");
        assertThat(WindowJvm.command("child", List.of(), THIS_JAVA_HOME, "a.jar", ui)).isEmpty();
        assertThat(WindowJvm.command("this", List.of(), THIS_JAVA_HOME, "a.jar", ui)).isEmpty();
        assertThat(WindowJvm.command(null, List.of(), noJava, "a.jar", ui)).as("an app image without java").isEmpty();
        assertThat(WindowJvm.command(null, List.of(), THIS_JAVA_HOME, "", ui)).isEmpty();
        assertThat(WindowJvm.command(null, List.of(), null, "a.jar", ui)).isEmpty();
    }

    /** The child really takes the options and the mark: it prints what it got, and its exit code comes back. */
    @Test
    void theStartedJvmHasTheOptionsAndItsExitCodeComesBack(@TempDir Path dir) throws Exception {
        Path probe = dir.resolve("Probe.java");
        Files.writeString(probe, """
                public class Probe {
                    public static void main(String[] args) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]),
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                                        + " " + System.getProperty("seckill.windowJvm"));
                        System.exit(3);
                    }
                }
                """);
        Path javac = THIS_JAVA_HOME.resolve("bin").resolve("javac");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(javac), "a JDK with javac");
        Process compile = new ProcessBuilder(javac.toString(), "-d", dir.toString(), probe.toString())
                .redirectErrorStream(true).start();
        assertThat(compile.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(compile.exitValue()).isZero();

        Path out = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(WindowJvm.command(null, List.of(), THIS_JAVA_HOME, dir.toString(),
                List.of(out.toString())).orElseThrow());
        // the probe instead of the lab's main class
        command.set(command.indexOf(Main.class.getName()), "Probe");
        assertThat(WindowJvm.run(command)).isEqualTo(3);
        assertThat(Files.readString(out)).contains(WindowJvm.OPTIONS.toArray(String[]::new))
                .contains(" child");
    }
}
