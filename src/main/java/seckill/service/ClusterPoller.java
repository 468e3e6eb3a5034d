package seckill.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

import seckill.redis.RedisConnection;

/**
 * Reads the cluster twice a second for the dashboard, on a thread of its own: {@code CLUSTER NODES} from a node
 * that answers, then {@code INFO stats} from each node that is not failing. It follows whatever server the service
 * is connected to now, and says nothing while that is no cluster (or none). A node that does not answer shows
 * -1 ops/s; a cluster that does not answer at all is skipped until the next tick.
 */
final class ClusterPoller implements LabService.ClusterWatch {
    static final long PERIOD_MS = 500;
    private static final AtomicLong THREADS = new AtomicLong();

    private final Supplier<RedisConnection> current;
    private final Consumer<ClusterView> sink;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param current the service's connection now, or null while it has none */
    ClusterPoller(Supplier<RedisConnection> current, Consumer<ClusterView> sink) {
        this.current = current;
        this.sink = sink;
        this.thread = new Thread(this::loop, "seckill-ui-cluster-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    ClusterPoller start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
            RedisConnection c = current.get();
            if (c != null && c.isCluster()) {
                try {
                    sink.accept(read(c));
                } catch (RuntimeException e) {
                    c.reroute(e); // no node answered this time: the slot map is read again, and so next tick
                }
            }
            for (long left; running && (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
        }
    }

    static ClusterView read(RedisConnection c) {
        String text = c.clusterNodes();
        ClusterView bare = ClusterView.parse(text, c.slot(), Map.of());
        Map<String, Long> ops = new HashMap<>();
        for (ClusterView.ClusterNode node : bare.nodes()) {
            if (!node.failing()) {
                try {
                    ops.put(node.address(), ClusterView.opsPerSec(c.nodeInfo(node.address(), "stats")));
                } catch (RuntimeException unanswered) {
                    // shown as -1 ops/s
                }
            }
        }
        return ClusterView.parse(text, c.slot(), ops);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
