package seckill.students;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per key (a player, an address): {@code burst} at once, then {@code perSecond}. Holds at most
 * {@code maxKeys} keys, forgetting the full buckets when it would hold more. Thread-safe.
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(double perSecond, double burst, int maxKeys) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
    }

    /** Takes one token for the key: true when it had one (the request may go on). */
    boolean take(String key) {
        long now = System.nanoTime();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            forgetFull(now);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            refill(b, now);
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        }
    }

    /** True when the key has no token left now (without taking one). */
    boolean exhausted(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return false;
        }
        synchronized (b) {
            refill(b, System.nanoTime());
            return b.tokens < 1;
        }
    }

    private void refill(Bucket b, long now) {
        b.tokens = Math.min(burst, b.tokens + (now - b.at) * perSecond / TimeUnit.SECONDS.toNanos(1));
        b.at = now;
    }

    private void forgetFull(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                refill(e.getValue(), now);
                return e.getValue().tokens >= burst;
            }
        });
    }

    void forget(String key) {
        buckets.remove(key);
    }
}
