package seckill.sale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import redis.clients.jedis.Jedis;
import seckill.redis.KeyedCalls;

/**
 * A sale's winners read back from Redis in chunks, so a long list never sits in memory whole, and handed to a sink
 * one at a time in the order they bought, with the time the sale opened (for the winners' CSV).
 */
public final class SaleWinners {
    private static final int CHUNK = 10_000;

    private SaleWinners() {
    }

    /** Takes the winners one at a time. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param rank       1 for the first to buy
         * @param boughtAtMs when, by the buyer's clock; -1 when the sale holds no readable time for it
         * @param openedMs   when the sale (its earliest bucket) opened; -1 when it recorded none
         */
        void accept(long rank, String userId, long boughtAtMs, long openedMs) throws IOException;
    }

    /**
     * The winners of a sale, or of a sale split into buckets as one list, in the order they bought whichever bucket
     * sold to them (the buckets' lists merged by purchase time, each bucket's in its own order: the times are the
     * buyers' clocks), ranked as one sale's; each bucket streamed in chunks, so the whole never sits in memory.
     * Since the earliest bucket opened. Each bucket is read where it lives (on a cluster, its master); one bucket
     * on a single connection throughout. Returns how many winners went to the sink.
     */
    public static long stream(KeyedCalls calls, List<SaleKeys> buckets, Sink sink) throws IOException {
        if (buckets.size() == 1) {
            SaleKeys one = buckets.get(0);
            try {
                return calls.at(one.total(), jedis -> {
                    try {
                        return stream(jedis, one, sink);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        long openedMs = -1;
        for (SaleKeys bucket : buckets) {
            String opened = calls.at(bucket.total(), jedis -> jedis.hget(bucket.meta(), "opened_ms"));
            long at = opened == null ? -1 : parse(opened);
            openedMs = at >= 0 && (openedMs < 0 || at < openedMs) ? at : openedMs;
        }
        int chunk = Math.max(100, CHUNK / buckets.size());
        PriorityQueue<Reading> next = new PriorityQueue<>(Comparator.comparingLong(Reading::headTime)
                .thenComparingInt(Reading::order));
        for (int i = 0; i < buckets.size(); i++) {
            Reading r = new Reading(calls, buckets.get(i), i, chunk);
            if (r.more()) {
                next.add(r);
            }
        }
        long rank = 0;
        while (!next.isEmpty()) {
            Reading r = next.poll();
            sink.accept(++rank, r.headUser(), r.headTime(), openedMs);
            if (r.advance()) {
                next.add(r);
            }
        }
        return rank;
    }

    /** One sale's winners in their list's order, a chunk at a time. */
    private static long stream(Jedis jedis, SaleKeys keys, Sink sink) throws IOException {
        String opened = jedis.hget(keys.meta(), "opened_ms");
        long openedMs = opened == null ? -1 : Long.parseLong(opened);
        long rows = 0;
        long length = jedis.llen(keys.user());
        for (long from = 0; from < length; from += CHUNK) {
            List<String> users = jedis.lrange(keys.user(), from, from + CHUNK - 1);
            List<String> times = jedis.lrange(keys.times(), from, from + CHUNK - 1);
            for (int i = 0; i < users.size(); i++) {
                long at = i < times.size() ? parse(times.get(i)) : -1;
                sink.accept(from + i + 1, users.get(i), at, openedMs);
                rows++;
            }
        }
        return rows;
    }

    /** One bucket's winners, read a chunk at a time: the one at the head, and the rest of its chunk. */
    private static final class Reading {
        private final KeyedCalls calls;
        private final SaleKeys keys;
        private final int order;
        private final int chunk;
        private final long length;
        private List<String> users = List.of();
        private List<String> times = List.of();
        private long from;
        private int at;

        Reading(KeyedCalls calls, SaleKeys keys, int order, int chunk) {
            this.calls = calls;
            this.keys = keys;
            this.order = order;
            this.chunk = chunk;
            this.length = calls.at(keys.total(), jedis -> jedis.llen(keys.user()));
            fill();
        }

        private void fill() {
            long first = from;
            users = first < length
                    ? calls.at(keys.total(), jedis -> jedis.lrange(keys.user(), first, first + chunk - 1)) : List.of();
            times = users.isEmpty() ? List.of()
                    : calls.at(keys.total(), jedis -> jedis.lrange(keys.times(), first, first + chunk - 1));
            from += users.size();
            at = 0;
        }

        boolean more() {
            return at < users.size();
        }

        /** Moves past the head; false when this bucket has no winner left. */
        boolean advance() {
            if (++at == users.size()) {
                fill();
            }
            return more();
        }

        String headUser() {
            return users.get(at);
        }

        long headTime() {
            return at < times.size() ? parse(times.get(at)) : -1;
        }

        int order() {
            return order;
        }
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
