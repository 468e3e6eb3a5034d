package seckill.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import seckill.redis.Batch;
import seckill.redis.RespText;

/**
 * What the sale sends, sampled: the round trips of a few buyers, as they happen, in a bounded ring that buyers write
 * without a lock and a reader drains at its own pace. Off until asked for; while on, at most one user is sampled
 * per interval ({@link #DEFAULT_USER_INTERVAL_NANOS} unless given; all of that user's round trips, so a WATCH is
 * followed by its EXEC), which keeps it to a few dozen lines a second however fast the sale goes. While off, a user
 * costs one volatile read.
 *
 * <p>The lines are the client's: the commands as sent and the replies as read, stamped with this machine's clock,
 * so a class can hold them beside {@code redis-cli MONITOR}, which shows the same commands as the server took them.
 */
public final class CommandFeed {
    /** Lines kept; a reader that falls further behind skips the oldest. */
    public static final int CAPACITY = 256;
    /** About five users a second: with their two or three round trips each, a few dozen lines. */
    public static final long DEFAULT_USER_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** A slot of the ring: the line and its number, so that a reader can tell a slot overwritten. */
    private record Slot(long seq, FeedLine line) {
    }

    /**
     * What a reader got: the lines in order, where to read from next time, and how many it missed (overwritten
     * before it came).
     */
    public record Read(List<FeedLine> lines, long next, long missed) {
    }

    private final AtomicReferenceArray<Slot> ring = new AtomicReferenceArray<>(CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong nextSampleNanos = new AtomicLong(Long.MIN_VALUE);
    private final long userIntervalNanos;
    private volatile boolean on;

    public CommandFeed() {
        this(DEFAULT_USER_INTERVAL_NANOS);
    }

    /** @param userIntervalNanos at most one user sampled per this many nanoseconds */
    public CommandFeed(long userIntervalNanos) {
        this.userIntervalNanos = userIntervalNanos;
    }

    /** Starts or stops sampling; a user already sampled keeps feeding until its turn ends. */
    public void setOn(boolean on) {
        this.on = on;
    }

    public boolean isOn() {
        return on;
    }

    /** Lines written so far (the next line's number). */
    public long written() {
        return written.get();
    }

    /** Whether the user arriving now is sampled: only while on, and at most one per interval. */
    boolean sample(long nowNanos) {
        if (!on) {
            return false;
        }
        long next = nextSampleNanos.get();
        return (next == Long.MIN_VALUE || nowNanos - next >= 0)
                && nextSampleNanos.compareAndSet(next, nowNanos + userIntervalNanos);
    }

    void sent(String userId, Batch batch) {
        add(new FeedLine(nowMicros(), userId, false, batch.describe()));
    }

    void answered(String userId, List<Object> replies) {
        List<String> text = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            text.add(RespText.reply(reply));
        }
        add(new FeedLine(nowMicros(), userId, true, text));
    }

    /** Adds a line, overwriting the oldest once full; any thread. */
    public void add(FeedLine line) {
        long seq = written.getAndIncrement();
        ring.set((int) (seq % CAPACITY), new Slot(seq, line));
    }

    /**
     * The lines from number {@code from} on, oldest first. A line whose writer has taken its number but not yet
     * stored it ends the read there (the next read starts with it); lines overwritten meanwhile are counted missed.
     */
    public Read since(long from) {
        long end = written.get();
        long start = Math.max(from, end - CAPACITY);
        long missed = start - from;
        List<FeedLine> lines = new ArrayList<>();
        long seq = start;
        for (; seq < end; seq++) {
            Slot slot = ring.get((int) (seq % CAPACITY));
            if (slot == null || slot.seq() < seq) {
                break; // its writer is storing it: read it next time
            }
            if (slot.seq() > seq) {
                missed++; // overwritten while we read
                continue;
            }
            lines.add(slot.line());
        }
        return new Read(lines, seq, missed);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
