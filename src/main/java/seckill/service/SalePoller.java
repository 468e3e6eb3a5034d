package seckill.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import seckill.metrics.MetricsSnapshot;
import seckill.metrics.SaleMetrics;
import seckill.redis.Backoff;
import seckill.redis.KeyedCalls;
import seckill.redis.RedisConnection;
import seckill.redis.RedisErrors;
import seckill.redis.RedisUnavailableException;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.SaleReader;
import seckill.sale.SaleState;
import seckill.sim.ConfigField;

/**
 * The dashboard's one reader of Redis: a thread of its own, about ten ticks a second, one round trip per tick
 * ({@link SaleBuckets#read(seckill.redis.KeyedCalls, long[], int)}: MULTI/EXEC) that brings only the winners not
 * seen yet. It reads the sale, not the engine's memory, so a sale driven by any other client through the same keys
 * shows the same way.
 *
 * <p>A sale split into buckets is read every tick, every bucket in the same round trip: the snapshot carries their
 * sum (the tiles, charts and audit show the sale as one) and each bucket's figures, and the buckets' new winners in
 * the order they bought. Only every {@value SaleBuckets#WHOLE_EVERY}th tick (and after a bucket was missing or looked
 * reset) reads every figure; the ticks between ask only for what selling changes ({@link SaleBuckets#readSince}), a
 * quarter of the bytes. Watching a sale another client opened, the number of buckets is the one
 * {@code {T}:kill_meta} records ({@link SaleBuckets#recorded}), read again while no sale shows, after the sale was
 * opened anew, and every {@value #RECHECK_TICKS} ticks.
 *
 * <p>When Redis is lost it says so once per tick and tries again after {@link Backoff}'s growing pause, never
 * sooner than its own period, so the dashboard recovers by itself soon after the server is back.
 */
final class SalePoller implements PollStream {
    static final long PERIOD_MS = 100;
    /** Watching, how often the number of buckets the sale records is read again (a second round trip then). */
    static final int RECHECK_TICKS = 10;
    private static final AtomicLong SOURCES = new AtomicLong();

    private final RedisConnection redis;
    private final SaleKeys keys;
    /** Read the number of buckets from the sale's record, rather than keep the one given. */
    private final boolean asRecorded;
    private final Consumer<PollSnapshot> sink;
    private final BiConsumer<SaleMetrics, PollSnapshot> polled;
    private final Consumer<SalePoller> closed;
    private final long source = SOURCES.incrementAndGet();
    private final Thread thread;
    private volatile SaleMetrics metrics;
    private volatile boolean running = true;

    // the poller's thread alone
    private SaleBuckets buckets;
    /** Each bucket's next winner to read. */
    private long[] next;
    /** When each bucket was opened, as last read; null before the first tick. */
    private long[] openedMs;
    /**
     * Each bucket as last read (no winners), for a tick that asks only what changed; null: read them whole next
     * (none read yet, one missing, or the sale opened anew).
     */
    private List<SaleState> last;
    private int ticksToRecheck;
    private int ticksToWhole;
    /** The number of buckets changed under a watched sale: what is on screen belongs to the old split. */
    private boolean resplit;

    /**
     * @param buckets how many buckets the sale is split into, or 0 to follow the number the sale records
     * @param polled  told of every tick while it follows a local run's counters, before the sink (to record it)
     * @param closed  told once the poller is closed, so whoever keeps a list of them can forget it
     */
    SalePoller(RedisConnection redis, SaleKeys keys, int buckets, Consumer<PollSnapshot> sink,
               BiConsumer<SaleMetrics, PollSnapshot> polled, Consumer<SalePoller> closed) {
        this.redis = redis;
        this.keys = keys;
        this.asRecorded = buckets == 0;
        this.buckets = new SaleBuckets(keys, asRecorded ? 1 : buckets);
        this.next = new long[this.buckets.size()];
        this.sink = sink;
        this.polled = polled;
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
            SaleMetrics following = metrics;
            PollSnapshot snapshot;
            try {
                snapshot = tick(following);
                failures = 0;
            } catch (RuntimeException e) {
                // the pool has dropped the broken connection; the next tick borrows a fresh one (on a cluster,
                // from the master that holds the sale now)
                snapshot = PollSnapshot.lost(source, e instanceof RedisUnavailableException u ? u.problem()
                        : RedisErrors.describe(redis.target(), e));
                pauseMs = Math.max(PERIOD_MS, Backoff.delayMillis(failures++));
            }
            if (following != null) {
                polled.accept(following, snapshot);
            }
            sink.accept(snapshot);
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(pauseMs);
            for (long left; running && (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
        }
    }

    private PollSnapshot tick(SaleMetrics m) {
        List<SaleState> states = redis.callKeyed(Duration.ZERO, this::read);
        MetricsSnapshot sample = m == null ? null : m.sample();
        long seen = LongStream.of(next).sum();
        boolean restarted = resplit;
        resplit = false;
        for (int i = 0; i < states.size(); i++) {
            SaleState s = states.get(i);
            // the sale was opened anew (or reset) under our feet: what we have belongs to the old one
            restarted |= openedMs != null && s.openedMs() != openedMs[i] || s.winners() < next[i];
        }
        openedMs = states.stream().mapToLong(SaleState::openedMs).toArray();
        if (restarted) {
            Arrays.fill(next, 0);
            states = states.stream().map(SalePoller::withoutWinners).toList();
            seen = 0;
        } else {
            for (int i = 0; i < states.size(); i++) {
                next[i] = states.get(i).nextIndex();
            }
        }
        SaleState sum = sum(states, seen);
        if (asRecorded && (restarted || !sum.exists())) {
            ticksToRecheck = 0;
        }
        if (states.size() == 1) {
            return PollSnapshot.of(source, sum, sample, restarted);
        }
        List<SaleState> levels = states.stream().map(SalePoller::withoutWinners).toList();
        // what changed can be asked alone only of buckets all there: one missing may be opening as we read
        last = restarted || !sum.exists() ? null : levels;
        return PollSnapshot.of(source, sum, levels, sample, restarted);
    }

    /**
     * One round trip for the buckets (one per master on a cluster), every figure or what changed; watching, now and
     * then another first for how many buckets the sale records.
     */
    private List<SaleState> read(KeyedCalls calls) {
        if (asRecorded && ticksToRecheck-- <= 0) {
            ticksToRecheck = RECHECK_TICKS;
            int n = (int) ConfigField.BUCKETS.check(SaleBuckets.recorded(calls, keys));
            if (n != buckets.size()) {
                buckets = new SaleBuckets(keys, n);
                next = new long[n];
                openedMs = null;
                last = null;
                resplit = true;
            }
        }
        if (buckets.size() == 1 || last == null || ticksToWhole-- <= 0) {
            ticksToWhole = SaleBuckets.WHOLE_EVERY - 1;
            return buckets.read(calls, next, SaleReader.DEFAULT_BATCH);
        }
        return buckets.readSince(calls, last, next, SaleReader.DEFAULT_BATCH);
    }

    /**
     * The buckets as one sale: their figures added up, and their new winners in the order they bought, numbered on
     * from the {@code seen} already brought.
     */
    private static SaleState sum(List<SaleState> states, long seen) {
        if (states.size() == 1) {
            return states.get(0);
        }
        SaleState sum = SaleBuckets.sum(states);
        record Winner(String id, long at) {
        }
        List<Winner> winners = new ArrayList<>();
        for (SaleState s : states) {
            for (int i = 0; i < s.newWinners().size(); i++) {
                winners.add(new Winner(s.newWinners().get(i), s.newTimes().get(i)));
            }
        }
        winners.sort(Comparator.comparingLong(Winner::at));
        return new SaleState(sum.total(), sum.sold(), sum.winners(), sum.ttlMillis(), sum.openedMs(), seen,
                winners.stream().map(Winner::id).toList(), winners.stream().map(Winner::at).toList(),
                sum.readAtMs());
    }

    private static SaleState withoutWinners(SaleState s) {
        return new SaleState(s.total(), s.sold(), s.winners(), s.ttlMillis(), s.openedMs(), 0, List.of(), List.of(),
                s.readAtMs());
    }
}
