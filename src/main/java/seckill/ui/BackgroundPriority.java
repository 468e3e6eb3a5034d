package seckill.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import seckill.sim.Simulation;

/**
 * Lets the window come first on a small machine. A sale's 200 user threads are runnable most of the time, and the
 * scheduler shares a core per thread, not per purpose: on two cores the FX thread, the renderer and the X server
 * got a frame through every half second. In the dashboard the simulated users are the background, so their
 * threads are reniced to 19 (Linux, best effort: lowering one's own priority needs no privilege; elsewhere, or
 * without {@code renice}, nothing changes). The command line's runs keep normal priority.
 */
final class BackgroundPriority {
    /** As {@code /proc/<pid>/task/<tid>/comm} shows the workers' names (cut to 15 characters). */
    static final String WORKER_PREFIX = "seckill-user-";
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    private BackgroundPriority() {
    }

    /** Once the run's threads are all up, lowers them; returns at once. */
    static void lowerWhenStarted(Simulation simulation) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (simulation.activeThreads() < simulation.config().workers() && System.nanoTime() < deadline
                    && simulation.phase() != Simulation.Phase.FINISHED) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            lower(WORKER_PREFIX);
        }, "seckill-ui-priority");
        t.setDaemon(true);
        t.start();
    }

    /** Renices this process's threads whose name starts with the prefix; returns how many were reniced. */
    static int lower(String namePrefix) {
        List<String> tids = threadsNamed(namePrefix);
        if (tids.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", "19", "-p"));
        command.addAll(tids);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0 ? tids.size() : 0;
        } catch (IOException e) {
            return 0; // no renice here: the window simply shares the cores as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static List<String> threadsNamed(String namePrefix) {
        // the kernel keeps 15 characters of a thread's name
        String prefix = namePrefix.substring(0, Math.min(15, namePrefix.length()));
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        List<String> tids = new ArrayList<>();
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        tids.add(task.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return tids;
    }
}
