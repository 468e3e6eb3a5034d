package seckill.sale;

import seckill.util.CliNames;

/** The strategies the lab can run, by their command-line names. */
public enum StrategyKind {
    /** Optimistic WATCH / MULTI / EXEC, as the tutorial. */
    WATCH("watch", true),
    /** One Lua script does the whole check-and-sell atomically. */
    LUA("lua", true),
    /** DECR a stock counter, give it back below zero; SADD for one item per user. */
    DECR("decr", true),
    /** Read, decide, write without a transaction: oversells on purpose. */
    NAIVE("naive", false);

    private final String cliName;
    private final boolean safe;

    StrategyKind(String cliName, boolean safe) {
        this.cliName = cliName;
        this.safe = safe;
    }

    public String cliName() {
        return cliName;
    }

    /** Safe strategies never oversell and never let a user win twice; {@link #NAIVE} is the counter-example. */
    public boolean isSafe() {
        return safe;
    }

    public static String allowedNames() {
        return CliNames.list(values(), StrategyKind::cliName);
    }

    /** @throws IllegalArgumentException "must be one of watch, lua, decr, naive (got 'x')" */
    public static StrategyKind fromName(String name) {
        return CliNames.find(values(), StrategyKind::cliName, name);
    }

    /**
     * @param naiveGapMs for {@link #NAIVE}: the pause between reading and writing that widens the race
     */
    public PurchaseStrategy create(SaleKeys keys, long naiveGapMs) {
        return switch (this) {
            case WATCH -> new WatchStrategy(keys);
            case LUA -> new LuaStrategy(keys);
            case DECR -> new DecrStrategy(keys);
            case NAIVE -> new NaiveStrategy(keys, naiveGapMs);
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
