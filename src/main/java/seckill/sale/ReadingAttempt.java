package seckill.sale;

/**
 * An attempt that decides on the client from what it reads of {@code kill_num} (watch, naive): it keeps the figure
 * it read and the item its own INCR made, for a trace to explain it by.
 */
abstract class ReadingAttempt implements Attempt {
    /** {@code kill_num} as read before deciding; -1 until read. */
    protected long seen = -1;
    /** {@code kill_num} after this attempt's INCR; -1 until written. */
    protected long after = -1;

    @Override
    public long soldSeen() {
        return seen;
    }

    @Override
    public long soldAfter() {
        return after;
    }
}
