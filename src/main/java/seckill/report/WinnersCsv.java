package seckill.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import seckill.redis.KeyedCalls;
import seckill.sale.SaleKeys;
import seckill.sale.SaleWinners;

/** The winners as CSV: rank, user id, purchase time and milliseconds since the sale opened, read from Redis. */
public final class WinnersCsv {
    public static final String HEADER = "rank,user_id,bought_at_ms,ms_since_open";

    private WinnersCsv() {
    }

    /**
     * The winners of a sale, or of a sale split into buckets as one list in the order they bought, written whole or
     * not at all; streamed from Redis ({@link SaleWinners#stream}), so a long list never sits in memory whole.
     * Returns the rows written.
     */
    public static long export(KeyedCalls calls, List<SaleKeys> buckets, Path file) throws IOException {
        long[] rows = {0};
        Exports.writeAtomically(file, out -> {
            out.write(HEADER);
            out.write('\n');
            rows[0] = SaleWinners.stream(calls, buckets, (rank, userId, boughtAtMs, openedMs) -> {
                out.write(row(rank, userId, boughtAtMs, openedMs));
                out.write('\n');
            });
        });
        return rows[0];
    }

    /** One line; the id is quoted when it holds a comma, quote or line break (ids come from any client). */
    private static String row(long rank, String userId, long boughtAtMs, long openedMs) {
        String since = boughtAtMs >= 0 && openedMs >= 0 ? Long.toString(boughtAtMs - openedMs) : "";
        String at = boughtAtMs >= 0 ? Long.toString(boughtAtMs) : "";
        return rank + "," + quote(userId) + "," + at + "," + since;
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
