package seckill.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.ProcessLimits;

/**
 * Stops a sale whose heap is nearly full: when a collection leaves the old generation above {@link #FULL} of its
 * limit, the run fails with one line naming {@code -Xmx}, so its buyers leave, its connections close, and the summary
 * and the report are still written, instead of the JVM spinning in the collector (deaf to SIGTERM) or dying of an
 * {@link OutOfMemoryError} midway. Watches while open; close it when the buyers are done.
 */
final class HeapGuard implements AutoCloseable {
    /** The share of a pool's limit, in use after a collection, that stops the sale. */
    static final double FULL = 0.9;

    private final NotificationEmitter emitter;
    private final NotificationListener listener;
    private final List<MemoryPoolMXBean> pools = watchedPools();

    /** Starts watching: {@code stop} is told once, on the first collection that leaves the heap nearly full. */
    HeapGuard(Consumer<Problem> stop, long pool) {
        emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        boolean[] told = new boolean[1];
        listener = (Notification n, Object handback) -> {
            if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) {
                return;
            }
            synchronized (told) {
                if (told[0]) {
                    return;
                }
                told[0] = true;
            }
            long used = pools.stream().mapToLong(p -> p.getCollectionUsage() == null ? 0
                    : p.getCollectionUsage().getUsed()).sum();
            stop.accept(Problem.of(Kind.HEAP_EXHAUSTED, ProcessLimits.mib(ProcessLimits.maxHeapBytes()),
                    ProcessLimits.mib(used), pool));
        };
        emitter.addNotificationListener(listener, null, null);
    }

    /**
     * The heap pools whose use after a collection the JVM can report past a threshold (the old generation), with
     * that threshold set at {@link #FULL} of their limit; set once for the process, and left for the next sale.
     */
    private static synchronized List<MemoryPoolMXBean> watchedPools() {
        List<MemoryPoolMXBean> watched = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = p.getUsage() == null ? -1 : p.getUsage().getMax();
            if (p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported() && max > 0) {
                watched.add(p);
                if (p.getCollectionUsageThreshold() == 0) {
                    p.setCollectionUsageThreshold((long) (max * FULL));
                }
            }
        }
        return watched;
    }

    @Override
    public void close() {
        try {
            emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException gone) {
            // removed already: nothing to stop
        }
    }

    /**
     * What an {@link OutOfMemoryError} caught in a buyer means, for the run to fail with: the heap's (or the loop's
     * direct buffers', which the heap's limit bounds) limit reached with this many buyers.
     */
    static Problem outOfMemory(long pool) {
        Runtime runtime = Runtime.getRuntime();
        return Problem.of(Kind.HEAP_EXHAUSTED, ProcessLimits.mib(ProcessLimits.maxHeapBytes()),
                ProcessLimits.mib(runtime.totalMemory() - runtime.freeMemory()), pool);
    }
}
