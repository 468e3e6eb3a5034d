package seckill.ui.common;

import java.util.Locale;

/**
 * Every number and time the window shows, written the same way in both languages (digits, grouping and units do
 * not change with the language): the tiles, the winners table and its count, the charts' axes.
 */
public final class Formats {
    /** The locale of numbers on screen, whatever the window's language. */
    static final Locale NUMBERS = Locale.ROOT;
    /** What a tile shows for a value not known (no sale, or another client's counters). */
    public static final String UNKNOWN = "—";

    private Formats() {
    }

    /** {@code 12,345}. */
    public static String count(long n) {
        return String.format(NUMBERS, "%,d", n);
    }

    /** A rate rounded to a whole number, or a dash when not known. */
    public static String perSecond(double perS) {
        return Double.isNaN(perS) ? UNKNOWN : count(Math.round(perS));
    }

    /** {@code 3.2 ms}, {@code 143 ms} (three digits say enough), or a dash when not known. */
    public static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return UNKNOWN;
        }
        return String.format(NUMBERS, ms >= 99.95 ? "%,.0f ms" : "%.1f ms", ms);
    }

    /**
     * A time to live as {@code m:ss} (or {@code h:mm:ss}), rounded up so that 0:00 means over.
     *
     * @param ttlMillis -2 for a closed sale, -1 for no expiry
     */
    public static String timeLeft(long ttlMillis, String closed) {
        if (ttlMillis == -2) {
            return closed;
        }
        if (ttlMillis == -1) {
            return "∞";
        }
        long s = (ttlMillis + 999) / 1000;
        return s >= 3600 ? String.format(NUMBERS, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(NUMBERS, "%d:%02d", s / 60, s % 60);
    }

    /** When a winner bought, after the sale opened: {@code +1.250 s}, or a dash when not known. */
    public static String sinceOpen(long ms) {
        return ms < 0 ? UNKNOWN : String.format(NUMBERS, "+%.3f s", ms / 1000.0);
    }

    /** A time on a trace's timeline, since the sale opened: {@code +133.2 ms}. */
    public static String sinceOpenMs(double ms) {
        return String.format(NUMBERS, "+%.1f ms", ms);
    }

    /** A wall-clock time as {@code redis-cli MONITOR} prints it: seconds since 1970, to the µs. */
    public static String monitorTime(long epochMicros) {
        return String.format(NUMBERS, "%d.%06d", Math.floorDiv(epochMicros, 1_000_000),
                Math.floorMod(epochMicros, 1_000_000));
    }
}
