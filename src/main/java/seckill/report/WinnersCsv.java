package seckill.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import redis.clients.jedis.Jedis;
import seckill.redis.KeyedCalls;
import seckill.sale.SaleKeys;

/** The winners as CSV: rank, user id, purchase time and milliseconds since the sale opened, read from Redis. */
public final class WinnersCsv {
    public static final String HEADER = "rank,user_id,bought_at_ms,ms_since_open";
    private static final int CHUNK = 10_000;

    private WinnersCsv() {
    }

    /** Streams the winners from Redis in chunks, so a long list never sits in memory whole. */
    public static long export(Jedis jedis, SaleKeys keys, Path file) throws IOException {
        String opened = jedis.hget(keys.meta(), "opened_ms");
        long openedMs = opened == null ? -1 : Long.parseLong(opened);
        long[] rows = {0};
        Exports.writeAtomically(file, out -> {
            out.write(HEADER);
            out.write('\n');
            long length = jedis.llen(keys.user());
            for (long from = 0; from < length; from += CHUNK) {
                List<String> users = jedis.lrange(keys.user(), from, from + CHUNK - 1);
                List<String> times = jedis.lrange(keys.times(), from, from + CHUNK - 1);
                for (int i = 0; i < users.size(); i++) {
                    long at = i < times.size() ? parse(times.get(i)) : -1;
                    out.write(row(from + i + 1, users.get(i), at, openedMs));
                    out.write('\n');
                    rows[0]++;
                }
            }
        });
        return rows[0];
    }

    /**
     * The winners of a sale split into buckets as one list, in the order they bought whichever bucket sold to them
     * (the buckets' lists merged by purchase time, each bucket's in its own order: the times are the buyers' clocks),
     * ranked as one sale's; each bucket streamed in chunks, so the whole never sits in memory. Since the earliest
     * bucket opened. Each bucket is read where it lives (on a cluster, its master). One bucket:
     * {@link #export(Jedis, SaleKeys, Path)}.
     */
    public static long export(KeyedCalls calls, List<SaleKeys> buckets, Path file) throws IOException {
        if (buckets.size() == 1) {
            SaleKeys one = buckets.get(0);
            try {
                return calls.at(one.total(), jedis -> {
                    try {
                        return export(jedis, one, file);
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
        long since = openedMs;
        long[] rows = {0};
        Exports.writeAtomically(file, out -> {
            out.write(HEADER);
            out.write('\n');
            while (!next.isEmpty()) {
                Reading r = next.poll();
                out.write(row(++rows[0], r.headUser(), r.headTime(), since));
                out.write('\n');
                if (r.advance()) {
                    next.add(r);
                }
            }
        });
        return rows[0];
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
            users = first < length ? calls.at(keys.total(), jedis -> jedis.lrange(keys.user(), first, first + chunk - 1))
                    : List.of();
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

    /** One line; the id is quoted when it holds a comma, quote or line break (ids come from any client). */
    public static String row(long rank, String userId, long boughtAtMs, long openedMs) {
        String since = boughtAtMs >= 0 && openedMs >= 0 ? Long.toString(boughtAtMs - openedMs) : "";
        String at = boughtAtMs >= 0 ? Long.toString(boughtAtMs) : "";
        return rank + "," + quote(userId) + "," + at + "," + since;
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
