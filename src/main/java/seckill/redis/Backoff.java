package seckill.redis;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next try after a connection fault: 20 ms doubling to 500 ms, with jitter so that
 * hundreds of threads that lost their connections at the same moment do not all come back at the same moment.
 */
public final class Backoff {
    static final long FIRST_MS = 20;
    static final long MOST_MS = 500;

    private Backoff() {
    }

    /** @param streak faults in a row before this wait, from 0 */
    public static long delayMillis(int streak) {
        long ms = Math.min(MOST_MS, FIRST_MS << Math.min(Math.max(streak, 0), 5));
        return ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
    }
}
