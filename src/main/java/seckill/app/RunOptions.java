package seckill.app;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.SimulationConfig;

/** The options of one sale; shared by {@code run} and {@code ui} (which fills its form with them). */
public class RunOptions {
    @Option(names = "--stock", paramLabel = "N", converter = FieldConverters.Stock.class, defaultValue = "50",
            description = "Items for sale, 1 to 100,000,000 (default: ${DEFAULT-VALUE}).")
    long stock;

    @Option(names = "--users", paramLabel = "N", converter = FieldConverters.Users.class, defaultValue = "1000",
            description = "Simulated buyers, 1 to 100,000,000 (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--pool", paramLabel = "N", converter = FieldConverters.Pool.class, defaultValue = "200",
            description = "Threads playing the buyers, 1 to 2,000 (default: ${DEFAULT-VALUE}).")
    long pool;

    @Option(names = "--duration", paramLabel = "S", converter = FieldConverters.Duration.class,
            defaultValue = "600", description = "Seconds the sale stays open (kill_flag's TTL), 1 to 604,800 "
            + "(default: ${DEFAULT-VALUE}).")
    long duration;

    @Option(names = "--strategy", paramLabel = "NAME", converter = FieldConverters.Strategy.class,
            defaultValue = "watch", description = "watch, lua, decr or naive (default: ${DEFAULT-VALUE}).")
    StrategyKind strategy;

    @Option(names = "--retries", paramLabel = "N", converter = FieldConverters.Retries.class, defaultValue = "0",
            description = "Further tries after a conflict, 0 to 1,000 (default: ${DEFAULT-VALUE}: one try per "
                    + "user, as the tutorial).")
    long retries;

    @Option(names = "--spread-ms", paramLabel = "MS", converter = FieldConverters.SpreadMs.class,
            defaultValue = "0", description = "Spread arrivals over this many ms, 0 to 3,600,000 (default: "
            + "${DEFAULT-VALUE}: all at once).")
    long spreadMs;

    @Option(names = "--seed", paramLabel = "N", converter = FieldConverters.Seed.class,
            description = "Seed of the user ids (default: a new one each run).")
    Long seed;

    @Option(names = "--join", description = "Add load to the open sale instead of opening a new one.")
    boolean join;

    @Option(names = "--naive-gap-ms", paramLabel = "MS", converter = FieldConverters.NaiveGapMs.class,
            defaultValue = "5", description = "naive only: pause between reading and writing, 0 to 10,000 "
            + "(default: ${DEFAULT-VALUE}), so the oversell shows every time.")
    long naiveGapMs;

    @Option(names = "--engine", paramLabel = "NAME", converter = FieldConverters.EngineName.class,
            defaultValue = "threads", description = "How the buyers are played: threads (a thread each, blocking, "
            + "as the tutorial) or loop (one event-loop thread holds every buyer's connection, as redis-benchmark "
            + "does; plain TCP only). Redis sees the same commands either way (default: ${DEFAULT-VALUE}).")
    EngineKind engine;

    @Option(names = "--report", paramLabel = "FILE", converter = FieldConverters.ReportFile.class,
            description = "Write the JSON run report to FILE (whole or not at all, also when the run fails).")
    Path report;

    public SimulationConfig toConfig(RedisOptions redis) {
        long s = seed != null ? seed : System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        return new SimulationConfig(redis.prefix(), strategy, stock, users, ConfigField.POOL.checkInt(pool),
                duration, ConfigField.RETRIES.checkInt(retries), spreadMs, s, join, naiveGapMs,
                redis.redisTimeoutS(), engine);
    }

    public Path report() {
        return report;
    }

    // read by the dashboard, which fills its form with these values

    public long stock() {
        return stock;
    }

    public long users() {
        return users;
    }

    public long pool() {
        return pool;
    }

    public long duration() {
        return duration;
    }

    public StrategyKind strategy() {
        return strategy;
    }

    public long retries() {
        return retries;
    }

    public long spreadMs() {
        return spreadMs;
    }

    /** The seed given, or null for a new one each run. */
    public Long seed() {
        return seed;
    }

    public boolean join() {
        return join;
    }

    public long naiveGapMs() {
        return naiveGapMs;
    }

    public EngineKind engine() {
        return engine;
    }
}
