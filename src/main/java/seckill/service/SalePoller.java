package seckill.service;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import redis.clients.jedis.Jedis;
import seckill.metrics.MetricsSnapshot;
import seckill.metrics.SaleMetrics;
import seckill.redis.Backoff;
import seckill.redis.RedisConnection;
import seckill.redis.RedisErrors;
import seckill.sale.SaleKeys;
import seckill.sale.SaleReader;
import seckill.sale.SaleState;

/**
 * The dashboard's one reader of Redis: a thread of its own, about ten ticks a second, one round trip per tick
 * ({@link SaleReader#read}, a single MULTI/EXEC) that brings only the winners not seen yet. It reads the sale, not
 * the engine's memory, so a sale driven by any other client through the same keys shows the same way.
 *
 * <p>When Redis is lost it says so once per tick and tries again after {@link Backoff}'s growing pause, never
 * sooner than its own period, so the dashboard recovers by itself soon after the server is back.
 */
final class SalePoller implements PollStream {
    static final long PERIOD_MS = 100;
    private static final AtomicLong SOURCES = new AtomicLong();

    private final RedisConnection redis;
    private final SaleReader reader;
    private final Consumer<PollSnapshot> sink;
    private final Consumer<SalePoller> closed;
    private final long source = SOURCES.incrementAndGet();
    private final Thread thread;
    private volatile SaleMetrics metrics;
    private volatile boolean running = true;

    private long next;
    private long openedMs = Long.MIN_VALUE;

    /** @param closed told once the poller is closed, so whoever keeps a list of them can forget it */
    SalePoller(RedisConnection redis, SaleKeys keys, Consumer<PollSnapshot> sink, Consumer<SalePoller> closed) {
        this.redis = redis;
        this.reader = new SaleReader(keys);
        this.sink = sink;
        this.closed = closed;
        this.thread = new Thread(this::loop, "seckill-ui-poller-" + source);
        thread.setDaemon(true);
    }

    SalePoller start() {
        thread.start();
        return this;
    }

    @Override
    public long source() {
        return source;
    }

    @Override
    public void follow(SaleMetrics runMetrics) {
        this.metrics = runMetrics;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        closed.accept(this);
    }

    private void loop() {
        int failures = 0;
        while (running) {
            long started = System.nanoTime();
            long pauseMs = PERIOD_MS;
            try {
                sink.accept(tick());
                failures = 0;
            } catch (RuntimeException e) {
                // the pool drops the broken connection; the next tick borrows a fresh one (on a cluster, from
                // the master that holds the sale now)
                redis.reroute(e);
                sink.accept(PollSnapshot.lost(source, RedisErrors.describe(redis.target(), e)));
                pauseMs = Math.max(PERIOD_MS, Backoff.delayMillis(failures++));
            }
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(pauseMs);
            for (long left; running && (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
        }
    }

    private PollSnapshot tick() {
        SaleState state;
        try (Jedis jedis = redis.borrow()) {
            state = reader.read(jedis, next, SaleReader.DEFAULT_BATCH);
        }
        SaleMetrics m = metrics;
        MetricsSnapshot sample = m == null ? null : m.sample();
        boolean restarted = false;
        boolean reopened = openedMs != Long.MIN_VALUE && state.openedMs() != openedMs;
        if (reopened || state.winners() < next) {
            // the sale was opened anew (or reset) under our feet: what we have belongs to the old one
            restarted = true;
            next = 0;
            state = withoutWinners(state);
        } else {
            next = state.nextIndex();
        }
        openedMs = state.openedMs();
        return PollSnapshot.of(source, state, sample, restarted);
    }

    private static SaleState withoutWinners(SaleState s) {
        return new SaleState(s.total(), s.sold(), s.winners(), s.ttlMillis(), s.openedMs(), 0, List.of(), List.of(),
                s.readAtMs());
    }
}
