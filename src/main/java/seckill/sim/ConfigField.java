package seckill.sim;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Every number a sale is configured with: its option name, allowed range and default. The command line, the form
 * and the engine all check against this one table.
 */
public enum ConfigField {
    STOCK("stock", 1, 100_000_000, 50),
    USERS("users", 1, 100_000_000, 1_000),
    POOL("pool", 1, 2_000, 200),
    DURATION("duration", 1, 604_800, 600),
    RETRIES("retries", 0, 1_000, 0),
    SPREAD_MS("spread-ms", 0, 3_600_000, 0),
    PACE("pace", 0, 3_600, 0),
    NAIVE_GAP_MS("naive-gap-ms", 0, 10_000, 5),
    REDIS_TIMEOUT("redis-timeout", 1, 300, 5),
    TRACE("trace", 0, 1_000, 0),
    WAIT_REPLICAS("wait-replicas", 0, 16, 0),
    BUCKETS("buckets", 1, 1_024, 1),
    SEED("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0);

    private final String name;
    private final long min;
    private final long max;
    private final long defaultValue;

    ConfigField(String name, long min, long max, long defaultValue) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
    }

    /** The option's name without dashes, e.g. {@code spread-ms}. */
    public String optionName() {
        return name;
    }

    public String option() {
        return "--" + name;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public long defaultValue() {
        return defaultValue;
    }

    /** "from 1 to 100,000,000" (grouped for reading at a distance). */
    public String rangeText() {
        if (this == SEED) {
            return "any whole number";
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        f.setGroupingUsed(true);
        return "from " + f.format(min) + " to " + f.format(max);
    }

    /**
     * Parses a command-line argument: digits only, with an optional sign. No grouping separators: {@code 1,5} is not
     * fifteen. The exception's message names the option and the allowed range, on one line.
     */
    public long parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(option() + " is empty; it must be " + expected());
        }
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option() + " must be " + expected() + " (got '" + abbreviate(text)
                    + "')");
        }
        return check(value);
    }

    private String expected() {
        return this == SEED ? "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : "a whole number " + rangeText();
    }

    public long check(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option() + " must be " + rangeText() + " (got " + value + ")");
        }
        return value;
    }

    public int checkInt(long value) {
        return Math.toIntExact(check(value));
    }

    /** What was typed, short and on one line: a newline inside it is shown as \n, not obeyed. */
    private static String abbreviate(String s) {
        String t = oneLine(s.strip());
        return t.length() <= 24 ? t : t.substring(0, 24) + "…";
    }

    /** Control characters (a newline, a tab) written as escapes, so that a message stays one line. */
    public static String oneLine(String s) {
        return s == null ? null : s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                .replaceAll("\\p{Cntrl}", "?");
    }
}
