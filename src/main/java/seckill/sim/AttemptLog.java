package seckill.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import seckill.sale.Outcome;

/**
 * Every attempt of a run, as it happened ({@code run --record}): who, which try, when it was sent and answered, and
 * how it ended. Each buyer thread appends to chunks of its own (primitive arrays, the first doubled up to
 * {@value #CHUNK} attempts, then a new chunk every {@value #CHUNK}), so recording takes no lock and makes no object
 * per attempt; the chunks are merged, sorted by the time sent, once the run is over ({@link #finish}).
 *
 * <p>Above {@link #DEFAULT_CAP} attempts (the users times their tries) only every k-th user, by index, is recorded
 * ({@link #every()}): all of that user's attempts, none of the others'.
 */
public final class AttemptLog {
    /** The most attempts kept before sampling users. */
    public static final long DEFAULT_CAP = 4_000_000;
    /** Outcomes after the sale's own: the reply was lost (a connection fault), or Redis answered an error. */
    static final int LOST = Outcome.values().length;
    static final int ERROR = LOST + 1;
    private static final String[] NAMES = names();
    static final int CHUNK = 1 << 14;
    /**
     * A writer's first chunk, doubled up to {@link #CHUNK}: the window records every run, and 200 buyers each
     * taking a whole chunk (384 KB) as the sale opens would be 75 MB for a sale of a thousand attempts.
     */
    static final int FIRST = 1 << 6;

    private final UserIds ids;
    private final int every;
    private final ConcurrentLinkedQueue<Writer> writers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Writer> mine = ThreadLocal.withInitial(this::newWriter);
    private Attempts finished;

    /** A log of the run with those settings, sampling users when they may make more than {@code cap} attempts. */
    public AttemptLog(SimulationConfig config, long cap) {
        this.ids = new UserIds(config.seed());
        long most = config.users() * (config.retries() + 1L);
        this.every = (int) Math.max(1, (most + cap - 1) / cap);
    }

    /** 1 when every user is recorded, else k: only the users whose index is a multiple of k. */
    public int every() {
        return every;
    }

    /** The name an outcome code is written with: {@code won}, {@code sold_out}, …, {@code lost}, {@code error}. */
    public static String outcomeName(int code) {
        return NAMES[code];
    }

    /** The writer of the calling thread for that user's attempts, or null when the user is not sampled. */
    Writer writerFor(long index) {
        return index % every == 0 ? mine.get() : null;
    }

    private Writer newWriter() {
        Writer w = new Writer();
        writers.add(w);
        return w;
    }

    /** Merges every thread's chunks, sorted by the time sent; call once the buyers have all left. */
    void finish(long startNanos, long startEpochMs) {
        int total = 0;
        for (Writer w : writers) {
            total += w.size();
        }
        Attempts all = new Attempts(total, startNanos, startEpochMs, ids);
        int at = 0;
        for (Writer w : writers) {
            at = w.copyTo(all, at);
        }
        all.sortBySent();
        finished = all;
        writers.clear();
    }

    /** The attempts, once the run is over; null before. */
    public Attempts attempts() {
        return finished;
    }

    private static String[] names() {
        Outcome[] outcomes = Outcome.values();
        String[] names = new String[outcomes.length + 2];
        for (Outcome o : outcomes) {
            names[o.ordinal()] = o.name().toLowerCase(Locale.ROOT);
        }
        names[LOST] = "lost";
        names[ERROR] = "error";
        return names;
    }

    /** One thread's attempts, in chunks; only that thread appends, and only after the run is anything read. */
    static final class Writer {
        private final List<long[]> full = new ArrayList<>();
        private long[] chunk = new long[FIRST * 3];
        private int used;

        /**
         * One attempt: the user's index, its try (from 1), its outcome code, sent and answered on
         * {@link System#nanoTime}.
         */
        void add(long index, int n, int outcome, long sent, long answered) {
            if (used == chunk.length) {
                if (chunk.length < CHUNK * 3) {
                    chunk = Arrays.copyOf(chunk, chunk.length * 2);
                } else {
                    full.add(chunk);
                    chunk = new long[CHUNK * 3];
                    used = 0;
                }
            }
            chunk[used] = Attempts.pack(index, n, outcome);
            chunk[used + 1] = sent;
            chunk[used + 2] = answered;
            used += 3;
        }

        int size() {
            return (full.size() * CHUNK * 3 + used) / 3;
        }

        int copyTo(Attempts all, int at) {
            for (long[] c : full) {
                at = all.copy(c, c.length, at);
            }
            return all.copy(chunk, used, at);
        }
    }
}
