package seckill.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Daemon threads that give way to everything else on the machine: each lowers its own OS priority as it starts.
 * On Linux the thread reads its id from {@code /proc/thread-self} and queues it; one helper thread lowers them in
 * batches, one shell for whatever has queued meanwhile ({@code renice -n 19}, then {@code chrt --idle -p 0} each).
 * Lowering one's own priority needs no privilege. Where {@code /proc/thread-self}, {@code sh}, {@code renice} or
 * {@code chrt} is missing (Windows, macOS), that step is skipped silently and only {@link Thread#setPriority} is
 * lowered, which the JVM may ignore.
 *
 * <p>Pass it to {@link Simulation#Simulation(SimulationConfig, seckill.redis.RedisConnection, ThreadFactory)} so
 * that a window on a small machine comes first: a sale's buyer threads are runnable most of the time, and the
 * scheduler shares the cores per thread, not per purpose.
 */
public final class BackgroundThreads implements ThreadFactory {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path OWN_TASKS = Path.of("/proc/self/task");
    /**
     * What the JVM names its optimising (C2) compiler threads, as {@code /proc} shows it (cut to 15 characters). Not
     * C1's: the window's own code needs them to be compiled at all, and lowering them made frames far slower.
     */
    static final java.util.Set<String> COMPILERS = java.util.Set.of("C2 CompilerThre");
    private static final Renicer RENICER = new Renicer();

    private final ThreadFactory named;

    /** Threads named as the simulation names its buyers: {@code seckill-user-1}, {@code -2}, … */
    public BackgroundThreads() {
        this(NamedThreads.BUYER_PREFIX);
    }

    /**
     * Threads named the prefix and a number from 1. The JVM's optimising compiler threads give way too: compiling
     * the buyers' code as they start, they took the window's frames away for 200–400 ms at a time on two cores, and
     * the window only needs them to go on when the cores are free.
     */
    public BackgroundThreads(String namePrefix) {
        this.named = new NamedThreads(namePrefix);
        lowerCompilers();
    }

    /** Queues the JVM's C2 compiler threads (it may start more as it goes: each factory looks again). */
    private static void lowerCompilers() {
        try (var tasks = Files.list(OWN_TASKS)) {
            tasks.filter(task -> {
                try {
                    return COMPILERS.contains(Files.readString(task.resolve("comm")).strip());
                } catch (IOException | RuntimeException e) {
                    return false; // the thread has ended meanwhile
                }
            }).forEach(task -> RENICER.add(task.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            // no /proc here (Windows, macOS): the compiler threads keep their priority
        }
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = named.newThread(() -> {
            String tid = ownTid();
            if (tid != null) {
                RENICER.add(tid);
            }
            r.run();
        });
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    /** The calling thread's id as the kernel knows it ({@code …/task/<tid>}), or null where it cannot be read. */
    static String ownTid() {
        try {
            Path link = Files.readSymbolicLink(THREAD_SELF).getFileName();
            return link == null ? null : link.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Renices the queued threads on a helper thread that runs while there is something to do. */
    private static final class Renicer {
        private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean missing;

        void add(String tid) {
            if (missing) {
                return;
            }
            pending.add(tid);
            if (draining.compareAndSet(false, true)) {
                Thread helper = new Thread(this::drain, "seckill-renice");
                helper.setDaemon(true);
                helper.start();
            }
        }

        private void drain() {
            while (true) {
                List<String> batch = new ArrayList<>();
                for (String tid = pending.poll(); tid != null; tid = pending.poll()) {
                    batch.add(tid);
                }
                if (batch.isEmpty()) {
                    draining.set(false);
                    // a thread that queued after the poll but saw the helper still draining is not left behind
                    if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                renice(batch);
            }
        }

        private void renice(List<String> tids) {
            // nice 19 alone is not enough: the scheduler weighs each thread, and 200 of them at 19 still outweigh
            // the window's one; the idle policy (SCHED_IDLE, which lowering needs no privilege for) runs them only
            // when nothing else wants the core
            List<String> command = new ArrayList<>(List.of("sh", "-c",
                    "renice -n 19 -p \"$@\" >/dev/null 2>&1; command -v chrt >/dev/null || exit 0; "
                            + "for t; do chrt --idle -p 0 \"$t\" 2>/dev/null; done", "sh"));
            command.addAll(tids);
            try {
                // a thread that has ended meanwhile only makes renice say so: the others are lowered all the same
                new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                // no renice here: the threads simply share the cores as before
                missing = true;
                pending.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
