package seckill.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import redis.clients.jedis.Jedis;
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
