package seckill.sim;

import java.util.concurrent.TimeUnit;

/**
 * When the {@link EventLoop} looks at its lanes' timers and limits: at the earliest timer that is due, and at
 * least every 50 ms for the calls waiting too long; and since when the run has been abandoned (stopped, Redis
 * lost), for the calls it cuts. Used by the loop's one thread only.
 */
final class LoopClock {
    private static final long WATCH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private long earliestWake = Long.MAX_VALUE;
    private long nextWatch;
    private long abandonedAt;

    /** The loop starts now: its first look at the limits is due a watch from now. */
    void start(long now) {
        nextWatch = now + WATCH_EVERY_NANOS;
    }

    /** How many ms the selector may wait before the next look; 0 or less when it is due now. */
    long waitMillis(long now) {
        long wake = Math.min(earliestWake, nextWatch);
        return (wake - now + 999_999) / 1_000_000;
    }

    /** A timer is due or the limits are to be looked at. */
    boolean isDue(long now) {
        return now >= earliestWake || now >= nextWatch;
    }

    /**
     * A look begins: the timers still waiting set the next wake ({@link #wakeAt}) afresh, and a run seen abandoned
     * for the first time is so from now.
     */
    void look(long now, boolean abandoned) {
        if (abandonedAt == 0 && abandoned) {
            abandonedAt = now;
        }
        earliestWake = Long.MAX_VALUE;
        nextWatch = now + WATCH_EVERY_NANOS;
    }

    /** A lane's timer waits until {@code at}. */
    void wakeAt(long at) {
        earliestWake = Math.min(earliestWake, at);
    }

    boolean isAbandoned() {
        return abandonedAt != 0;
    }
}
