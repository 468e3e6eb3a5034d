package seckill.sim;

/**
 * A run's recorded attempts ({@link AttemptLog}), sorted by the time each was sent; times in nanoseconds since the
 * buyers were let in, on this machine's monotonic clock. Held as primitive arrays: a few million attempts cost
 * 24 bytes each.
 */
public final class Attempts {
    /** The most tries of one user a packed entry tells apart; more are kept as this many. */
    private static final int MAX_TRY = 0xFFFF;

    /** Per attempt: the user's index, its try and its outcome, packed ({@link #pack}). */
    private final long[] who;
    private final long[] sent;
    private final long[] answered;
    private final long startNanos;
    private final long startEpochMs;
    private final UserIds ids;

    Attempts(int size, long startNanos, long startEpochMs, UserIds ids) {
        this.who = new long[size];
        this.sent = new long[size];
        this.answered = new long[size];
        this.startNanos = startNanos;
        this.startEpochMs = startEpochMs;
        this.ids = ids;
    }

    /** The user's index in bits 24 and up (users are at most 10^8 < 2^27), the try in 8-23, the outcome in 0-7. */
    static long pack(long index, int n, int outcome) {
        return index << 24 | (long) Math.min(n, MAX_TRY) << 8 | outcome;
    }

    /** Appends a chunk of packed triples (who, sent, answered) from {@code at}; returns where the next goes. */
    int copy(long[] chunk, int length, int at) {
        for (int i = 0; i < length; i += 3, at++) {
            who[at] = chunk[i];
            sent[at] = chunk[i + 1] - startNanos;
            answered[at] = chunk[i + 2] - startNanos;
        }
        return at;
    }

    public int size() {
        return who.length;
    }

    /** When the buyers were let in, by this machine's wall clock (epoch ms). */
    public long startEpochMs() {
        return startEpochMs;
    }

    public long userIndex(int i) {
        return who[i] >>> 24;
    }

    public String userId(int i) {
        return ids.id(userIndex(i));
    }

    /** The user's try, from 1 (conflicts and faults each start another). */
    public int attempt(int i) {
        return (int) (who[i] >>> 8 & MAX_TRY);
    }

    /** {@link AttemptLog#outcomeName}'s code. */
    public int outcome(int i) {
        return (int) (who[i] & 0xFF);
    }

    public String outcomeName(int i) {
        return AttemptLog.outcomeName(outcome(i));
    }

    /** True when the attempt ended with a fault and no reply: it has no answer time. */
    public boolean lost(int i) {
        return outcome(i) == AttemptLog.LOST;
    }

    /** Sent, in ns since the buyers were let in. */
    public long sentNanos(int i) {
        return sent[i];
    }

    /** Answered (or given up on, for a lost reply), in ns since the buyers were let in. */
    public long answeredNanos(int i) {
        return answered[i];
    }

    /** Sorts the three arrays together by the time sent: a bottom-up merge sort of positions, stable. */
    void sortBySent() {
        int n = who.length;
        int[] order = new int[n];
        int[] spare = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(order, spare, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n));
            }
            int[] swap = order;
            order = spare;
            spare = swap;
        }
        permute(who, order);
        permute(sent, order);
        permute(answered, order);
    }

    private void merge(int[] from, int[] to, int lo, int mid, int hi) {
        int a = lo;
        int b = mid;
        for (int k = lo; k < hi; k++) {
            to[k] = b >= hi || a < mid && sent[from[a]] <= sent[from[b]] ? from[a++] : from[b++];
        }
    }

    private static void permute(long[] values, int[] order) {
        long[] copy = values.clone();
        for (int i = 0; i < order.length; i++) {
            values[i] = copy[order[i]];
        }
    }
}
