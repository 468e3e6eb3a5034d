package seckill.sim;

import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

/**
 * One sale's settings. Built only with valid values: the constructor checks every field against
 * {@link ConfigField}, so a config that exists can be run.
 *
 * @param prefix         key prefix (may be empty)
 * @param strategy       how items are sold
 * @param stock          items for sale
 * @param users          simulated buyers
 * @param pool           threads playing them
 * @param durationS      the sale closes after this many seconds (the flag's TTL)
 * @param retries        further tries after a conflict (0: one try per user, as the tutorial)
 * @param spreadMs       arrivals spread over this many ms (0: all at once)
 * @param seed           seeds the user ids
 * @param join           add load to an open sale instead of opening a new one
 * @param naiveGapMs     the naive strategy's pause between deciding and writing
 * @param redisTimeoutS  how long Redis may stay away before the run stops with an error
 * @param engine         how the buyers are played: a thread each, or one event loop
 */
public record SimulationConfig(String prefix, StrategyKind strategy, long stock, long users, int pool,
                               long durationS, int retries, long spreadMs, long seed, boolean join,
                               long naiveGapMs, int redisTimeoutS, EngineKind engine) {

    public SimulationConfig {
        prefix = prefix == null ? "" : prefix;
        if (strategy == null) {
            throw new IllegalArgumentException("--strategy must be one of " + StrategyKind.allowedNames());
        }
        ConfigField.STOCK.check(stock);
        ConfigField.USERS.check(users);
        ConfigField.POOL.check(pool);
        ConfigField.DURATION.check(durationS);
        ConfigField.RETRIES.check(retries);
        ConfigField.SPREAD_MS.check(spreadMs);
        ConfigField.NAIVE_GAP_MS.check(naiveGapMs);
        ConfigField.REDIS_TIMEOUT.check(redisTimeoutS);
        engine = engine == null ? EngineKind.THREADS : engine;
    }

    /** The tutorial's sale: 50 items, 1000 users, 200 threads, 600 s, watch, one try per user. */
    public static SimulationConfig defaults() {
        return new SimulationConfig("", StrategyKind.WATCH, ConfigField.STOCK.defaultValue(),
                ConfigField.USERS.defaultValue(), (int) ConfigField.POOL.defaultValue(),
                ConfigField.DURATION.defaultValue(), (int) ConfigField.RETRIES.defaultValue(),
                ConfigField.SPREAD_MS.defaultValue(), ConfigField.SEED.defaultValue(), false,
                ConfigField.NAIVE_GAP_MS.defaultValue(), (int) ConfigField.REDIS_TIMEOUT.defaultValue(),
                EngineKind.THREADS);
    }

    public SaleKeys keys() {
        return new SaleKeys(prefix);
    }

    public SimulationConfig withPrefix(String p) {
        return new SimulationConfig(p, strategy, stock, users, pool, durationS, retries, spreadMs, seed, join,
                naiveGapMs, redisTimeoutS, engine);
    }

    public SimulationConfig withStrategy(StrategyKind s) {
        return new SimulationConfig(prefix, s, stock, users, pool, durationS, retries, spreadMs, seed, join,
                naiveGapMs, redisTimeoutS, engine);
    }

    public SimulationConfig withLoad(long newStock, long newUsers, int newPool, int newRetries) {
        return new SimulationConfig(prefix, strategy, newStock, newUsers, newPool, durationS, newRetries, spreadMs,
                seed, join, naiveGapMs, redisTimeoutS, engine);
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, newSeed,
                join, naiveGapMs, redisTimeoutS, engine);
    }

    public SimulationConfig withJoin(boolean newJoin) {
        return new SimulationConfig(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, seed,
                newJoin, naiveGapMs, redisTimeoutS, engine);
    }

    public SimulationConfig withSpreadMs(long ms) {
        return new SimulationConfig(prefix, strategy, stock, users, pool, durationS, retries, ms, seed, join,
                naiveGapMs, redisTimeoutS, engine);
    }

    public SimulationConfig withNaiveGapMs(long ms) {
        return new SimulationConfig(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, seed, join,
                ms, redisTimeoutS, engine);
    }

    public SimulationConfig withRedisTimeoutS(int seconds) {
        return new SimulationConfig(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, seed, join,
                naiveGapMs, seconds, engine);
    }

    public SimulationConfig withEngine(EngineKind e) {
        return new SimulationConfig(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, seed, join,
                naiveGapMs, redisTimeoutS, e);
    }

    /** Threads actually started: never more than there are users. */
    public int workers() {
        return (int) Math.min(pool, users);
    }
}
