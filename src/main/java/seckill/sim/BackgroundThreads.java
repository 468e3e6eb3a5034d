package seckill.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Daemon threads that give way to everything else on the machine: they are born at the lowest OS priority. On Linux
 * a thread is created with its creator's nice value and scheduling policy, so every one of them is started by one
 * spawner thread that lowered itself once ({@code renice -n 19}, then {@code chrt --idle -p 0}, on its own thread
 * id) before it started any. They run their first instruction at that priority: 200 buyers cost no process each,
 * and none of them competes with the window while a shell gets round to lowering it. Lowering one's own priority
 * needs no privilege. Where {@code /proc/thread-self}, {@code sh}, {@code renice} or {@code chrt} is missing
 * (Windows, macOS), that step is skipped silently and only {@link Thread#setPriority} is lowered, which the JVM may
 * ignore.
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
    private static final Spawner SPAWNER = new Spawner();

    private final NamedThreads names;

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
        this.names = new NamedThreads(namePrefix);
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
        Thread t = new BornLow(r, names.nextName());
        t.setDaemon(true);
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

    /**
     * Lowers the threads to nice 19 and the idle policy, and returns when done. Nice 19 alone is not enough: the
     * scheduler weighs each thread, and 200 of them at 19 still outweigh the window's one; the idle policy
     * ({@code SCHED_IDLE}, which lowering needs no privilege for) runs them only when nothing else wants the core.
     *
     * @return false where there is no shell or no {@code renice} to do it
     */
    private static boolean lower(List<String> tids) {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "renice -n 19 -p \"$@\" >/dev/null 2>&1; command -v chrt >/dev/null || exit 0; "
                        + "for t; do chrt --idle -p 0 \"$t\" 2>/dev/null; done", "sh"));
        command.addAll(tids);
        try {
            // a thread that has ended meanwhile only makes renice say so: the others are lowered all the same
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            return true;
        } catch (IOException e) {
            return false; // no shell here: the threads simply share the cores as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** A thread that the spawner starts, so that it is created with the spawner's priority. */
    private static final class BornLow extends Thread {
        BornLow(Runnable r, String name) {
            super(r, name);
        }

        // not synchronized, as Thread's own is: the spawner's super.start() takes this thread's monitor
        @Override
        public void start() {
            SPAWNER.start(this);
        }

        void startHere() {
            super.start();
        }
    }

    /** The one thread that starts every {@link BornLow}, lowered once before its first. */
    private static final class Spawner {
        private record Request(BornLow thread, CompletableFuture<Void> started) {
        }

        private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
        private Thread thread;

        void start(BornLow t) {
            if (Thread.currentThread() == running()) {
                t.startHere();
                return;
            }
            CompletableFuture<Void> started = new CompletableFuture<>();
            requests.add(new Request(t, started));
            try {
                started.join();
            } catch (CompletionException e) {
                // what Thread.start throws (a thread started twice, no memory for one more) reaches its caller as is
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }

        private synchronized Thread running() {
            if (thread == null) {
                thread = new Thread(this::serve, "seckill-spawner");
                thread.setDaemon(true);
                thread.start();
            }
            return thread;
        }

        private void serve() {
            String tid = ownTid();
            if (tid != null) {
                lower(List.of(tid));
            }
            while (true) {
                Request request;
                try {
                    request = requests.take();
                } catch (InterruptedException e) {
                    continue; // nobody interrupts it; it serves as long as the JVM runs
                }
                try {
                    request.thread().startHere();
                    request.started().complete(null);
                } catch (Throwable e) {
                    request.started().completeExceptionally(e);
                }
            }
        }
    }

    /** Lowers the queued threads on a helper thread that runs while there is something to do. */
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
                if (!lower(batch)) {
                    missing = true;
                    pending.clear();
                }
            }
        }
    }
}
