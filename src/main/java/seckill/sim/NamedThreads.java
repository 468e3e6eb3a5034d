package seckill.sim;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Daemon threads with readable names, so a profile or a thread dump shows whose they are. */
final class NamedThreads implements ThreadFactory {
    /** The buyers' threads: {@code seckill-user-1}, {@code -2}, … in the pool; {@code seckill-user-loop}, the loop. */
    static final String BUYER_PREFIX = "seckill-user-";

    private final IntFunction<String> name;
    private final AtomicInteger count = new AtomicInteger();

    /** Threads named the prefix and a number from 1. */
    NamedThreads(String prefix) {
        this(n -> prefix + n);
    }

    private NamedThreads(IntFunction<String> name) {
        this.name = name;
    }

    /** How the 2-argument {@link Simulation} names the buyers' threads of that engine. */
    static NamedThreads buyers(EngineKind engine) {
        return engine == EngineKind.LOOP ? new NamedThreads(n -> BUYER_PREFIX + "loop")
                : new NamedThreads(BUYER_PREFIX);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, nextName());
        t.setDaemon(true);
        return t;
    }

    /** The next thread's name. */
    String nextName() {
        return name.apply(count.incrementAndGet());
    }
}
