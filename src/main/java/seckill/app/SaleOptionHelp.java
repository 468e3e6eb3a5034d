package seckill.app;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import seckill.sim.ConfigField;

/**
 * The command line's view of {@link ConfigField}, the one table of a sale's numbers. A sale option names its field
 * by its description key ({@code sale.stock}): its default comes from the table (this is picocli's default
 * provider), and so does the range its help text states (this is the bundle picocli reads descriptions from). Only
 * the few words saying what a number is live here. Options without such a key ({@code bench}'s own load) keep
 * their own defaults and text.
 */
public final class SaleOptionHelp extends java.util.ListResourceBundle implements IDefaultValueProvider {
    /** How a sale option's description key starts: {@code sale.} and the field's option name. */
    static final String KEY = "sale.";
    private static final Map<ConfigField, String> WHAT = new EnumMap<>(Map.ofEntries(
            Map.entry(ConfigField.STOCK, "Items for sale"),
            Map.entry(ConfigField.USERS, "Simulated buyers"),
            Map.entry(ConfigField.POOL, "Buyers in play at once (threads, or the loop's connections)"),
            Map.entry(ConfigField.DURATION, "Seconds the sale stays open (kill_flag's TTL)"),
            Map.entry(ConfigField.RETRIES, "Further tries after a conflict (0: one try per user, as the tutorial)"),
            Map.entry(ConfigField.SPREAD_MS, "Spread arrivals over this many ms (0: all at once)"),
            Map.entry(ConfigField.PACE, "Make the sale last about this many seconds, whatever the users and stock: "
                    + "waves of up to the pool race as without a pace, with pauses between them (0: off; "
                    + "not with --spread-ms)"),
            Map.entry(ConfigField.NAIVE_GAP_MS, "naive only: pause in ms between reading and writing, so the "
                    + "oversell shows every time"),
            Map.entry(ConfigField.REDIS_TIMEOUT, "Seconds Redis may stay away before giving up"),
            Map.entry(ConfigField.TRACE, "Record every round trip of this many buyers, sampled from the seed: what "
                    + "was sent, what came back, when, and who broke an aborted WATCH (0: none)"),
            Map.entry(ConfigField.WAIT_REPLICAS, "Confirm a win only once this many replicas hold it (WAIT), so "
                    + "that a failover loses none (0: as soon as the master answers)"),
            Map.entry(ConfigField.BUCKETS, "Split the stock into this many buckets, each a whole sale under the "
                    + "prefix's hash tag numbered ({sale}: gives {sale.0}:, {sale.1}:, …); each user buys in the one "
                    + "bucket a hash of its id picks, so nobody wins twice"),
            Map.entry(ConfigField.SEED, "Seed of the user ids")));

    /**
     * The description key of {@code --buckets} where a sale is read, not opened ({@code status}, {@code audit},
     * {@code reset}): the number of the sale's own buckets, by default as the sale recorded it.
     */
    static final String RECORDED_BUCKETS = "recorded.buckets";

    /** The help line of a field: what it is, its range and its default. */
    static String describe(ConfigField field) {
        String what = WHAT.get(field);
        if (field == ConfigField.SEED) {
            return what + ", " + field.rangeText() + " (default: a new one each run).";
        }
        return what + ", " + field.rangeText() + " (default: ${DEFAULT-VALUE}).";
    }

    @Override
    protected Object[][] getContents() {
        Object[] recorded = {RECORDED_BUCKETS, "The sale's buckets, " + ConfigField.BUCKETS.rangeText()
                + " (default: as the sale recorded when it was opened, else 1)."};
        return Stream.concat(Arrays.stream(ConfigField.values()).map(f -> new Object[] {KEY + f.optionName(),
                describe(f)}), Stream.<Object[]>of(recorded)).toArray(Object[][]::new);
    }

    /** A sale option's default from the table; null for every other option (picocli then uses its own). */
    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || !option.descriptionKey().startsWith(KEY)) {
            return null;
        }
        for (ConfigField field : ConfigField.values()) {
            if (field != ConfigField.SEED && option.descriptionKey().equals(KEY + field.optionName())) {
                return Long.toString(field.defaultValue());
            }
        }
        return null;
    }
}
