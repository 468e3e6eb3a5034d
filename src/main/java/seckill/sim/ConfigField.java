package seckill.sim;

import seckill.util.Problem;
import seckill.util.ProblemException;

/**
 * Every number a sale is configured with: its option name, allowed range and default. The command line, the form
 * and the engine all check against this one table, through {@link SettingsRules}, which also reads a number typed.
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

    /** "from 1 to 100,000,000" (grouped for reading at a distance), for the help. */
    public String rangeText() {
        return this == SEED ? "any whole number" : SettingsRules.range(this).english();
    }

    /**
     * The value, when it is in range.
     *
     * @throws ProblemException naming the option and its range ({@link SettingsRules#checkField})
     */
    public long check(long value) {
        Problem outside = SettingsRules.checkField(this, value);
        if (outside != null) {
            throw new ProblemException(SettingsRules.named(this, outside));
        }
        return value;
    }

    public int checkInt(long value) {
        return Math.toIntExact(check(value));
    }

    /** Control characters (a newline, a tab) written as escapes, so that a message stays one line. */
    public static String oneLine(String s) {
        return s == null ? null : s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                .replaceAll("\\p{Cntrl}", "?");
    }
}
