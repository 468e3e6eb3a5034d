package seckill.metrics;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and latency of one run. Workers write wait-free (LongAdder, {@link Recorder#recordValue}); one reader
 * at a time takes interval snapshots with {@link #sample()}, which also folds each interval into the total.
 */
public final class SaleMetrics {
    static final int DIGITS = 3;

    private final LongAdder attempts = new LongAdder();
    private final LongAdder wins = new LongAdder();
    private final LongAdder soldOut = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder alreadyWon = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder usersDone = new LongAdder();
    private final LongAdder usersWon = new LongAdder();
    private final LongAdder usersUnknown = new LongAdder();
    private final LongAdder strandedSold = new LongAdder();
    private final Recorder recorder = new Recorder(DIGITS);

    private final Histogram overall = new Histogram(DIGITS);
    private Histogram interval;
    private final long startNanos;
    private long lastNanos;
    private long lastAttempts;
    private long lastWins;
    private long lastConflicts;

    public SaleMetrics() {
        startNanos = System.nanoTime();
        lastNanos = startNanos;
    }

    /** One attempt's round trip(s), in nanoseconds. */
    public void attempt(long nanos) {
        attempts.increment();
        recorder.recordValue(Math.max(1, nanos / 1_000));
    }

    /** One attempt that got no answer (a failed connect, a lost reply): counted, but not in the latency. */
    public void failedAttempt() {
        attempts.increment();
    }

    public void won() {
        wins.increment();
    }

    public void soldOut() {
        soldOut.increment();
    }

    public void closed() {
        closed.increment();
    }

    public void alreadyWon() {
        alreadyWon.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void error() {
        errors.increment();
    }

    /** A win of an item that a lost connection had stranded (decr's gate had counted it taken). */
    public void strandedSold() {
        strandedSold.increment();
    }

    /** A user who is done without knowing whether they won: the reply that would have said so was lost. */
    public void userUnknown() {
        usersDone.increment();
        usersUnknown.increment();
    }

    public void userDone(boolean won) {
        usersDone.increment();
        if (won) {
            usersWon.increment();
        }
    }

    public long attempts() {
        return attempts.sum();
    }

    /** Attempts that sold an item so far. */
    public long wins() {
        return wins.sum();
    }

    public long usersDone() {
        return usersDone.sum();
    }

    /**
     * The last sample of a run: as {@link #sample()}, and the whole run's histogram encoded
     * ({@link LatencyHistograms}) in its overall latency, for a report that {@code merge} can add up.
     */
    public synchronized MetricsSnapshot finalSample() {
        MetricsSnapshot s = sample();
        LatencySummary o = s.overall();
        return new MetricsSnapshot(s.elapsedMs(), s.attempts(), s.wins(), s.soldOut(), s.closed(), s.alreadyWon(),
                s.conflicts(), s.errors(), s.usersDone(), s.usersWon(), s.usersUnknown(), s.strandedSold(),
                s.attemptsPerS(), s.winsPerS(), s.conflictsPerS(), s.interval(),
                new LatencySummary(o.p50(), o.p90(), o.p99(), o.p999(), o.max(), o.count(),
                        LatencyHistograms.encode(overall)));
    }

    /** The counters now, and the interval since the last call. Callers take turns (synchronized). */
    public synchronized MetricsSnapshot sample() {
        long now = System.nanoTime();
        interval = recorder.getIntervalHistogram(interval);
        overall.add(interval);
        long a = attempts.sum();
        long w = wins.sum();
        long c = conflicts.sum();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        MetricsSnapshot snapshot = new MetricsSnapshot((now - startNanos) / 1_000_000, a, w, soldOut.sum(),
                closed.sum(), alreadyWon.sum(), c, errors.sum(), usersDone.sum(), usersWon.sum(), usersUnknown.sum(),
                strandedSold.sum(),
                (a - lastAttempts) / seconds, (w - lastWins) / seconds, (c - lastConflicts) / seconds,
                LatencySummary.of(interval), LatencySummary.of(overall));
        lastNanos = now;
        lastAttempts = a;
        lastWins = w;
        lastConflicts = c;
        return snapshot;
    }
}
