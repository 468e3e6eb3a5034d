package seckill.sim;

import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

/**
 * One sale's settings: the one shape the command line, the form and the engine share. Built only with valid values:
 * the constructor checks every number against {@link ConfigField}, the one table of defaults and ranges, so a config
 * that exists can be run. Made through {@link #builder()}, whose unset fields take that table's defaults.
 *
 * @param prefix         key prefix (may be empty)
 * @param strategy       how items are sold
 * @param stock          items for sale
 * @param users          simulated buyers
 * @param pool           buyers in play at once (threads, or the loop's connections)
 * @param durationS      the sale closes after this many seconds (the flag's TTL)
 * @param retries        further tries after a conflict (0: one try per user, as the tutorial)
 * @param spreadMs       arrivals spread over this many ms (0: all at once)
 * @param seed           seeds the user ids
 * @param join           add load to an open sale instead of opening a new one
 * @param naiveGapMs     the naive strategy's pause between deciding and writing
 * @param redisTimeoutS  how long Redis may stay away before the run stops with an error
 * @param engine         how the buyers are played: a thread each, or one event loop
 * @param paceS          the sale lasts about this many seconds: buyers arrive in waves as it falls behind (0: off)
 * @param traceBuyers    how many buyers, sampled from the seed, have every round trip recorded (0: none)
 * @param waitReplicas   replicas that must hold a win (WAIT) before the buyer is told it won (0: none)
 * @param buckets        the stock split into this many buckets, each a sale of its own ({@code SaleBuckets}); 1: none
 */
public record SimulationConfig(String prefix, StrategyKind strategy, long stock, long users, int pool,
                               long durationS, int retries, long spreadMs, long seed, boolean join,
                               long naiveGapMs, int redisTimeoutS, EngineKind engine, long paceS,
                               int traceBuyers, int waitReplicas, int buckets) {

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
        ConfigField.PACE.check(paceS);
        ConfigField.TRACE.check(traceBuyers);
        ConfigField.WAIT_REPLICAS.check(waitReplicas);
        ConfigField.BUCKETS.check(buckets);
        engine = engine == null ? EngineKind.THREADS : engine;
        if (paceS > 0 && spreadMs > 0) {
            throw new IllegalArgumentException("--pace and --spread-ms: choose one (a pace spreads the arrivals "
                    + "itself)");
        }
        if (waitReplicas > 0 && engine == EngineKind.LOOP) {
            throw new IllegalArgumentException("--wait-replicas goes with --engine threads (the loop does not wait "
                    + "for replicas)");
        }
        if (buckets > 1) {
            Problem untagged = SaleKeys.bucketsProblem(prefix, buckets);
            if (untagged != null) {
                throw new IllegalArgumentException(untagged.english());
            }
            if (buckets > stock) {
                throw new IllegalArgumentException("--buckets must be at most --stock (" + stock + "): each bucket "
                        + "holds at least one item (got " + buckets + ")");
            }
            if (traceBuyers > 0) {
                throw new IllegalArgumentException("--trace goes with --buckets 1 (a trace reads one sale's record)");
            }
        }
        if (paceS > durationS) {
            throw new IllegalArgumentException("--pace must be at most --duration (" + durationS + " s): the sale "
                    + "closes then (got " + paceS + ")");
        }
    }

    /** The tutorial's sale: 50 items, 1000 users, 200 threads, 600 s, watch, one try per user; seed 0. */
    public static SimulationConfig defaults() {
        return builder().seed(ConfigField.SEED.defaultValue()).build();
    }

    /** Every field at its default; the seed new for each build unless one is given. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change a few. */
    public Builder toBuilder() {
        return builder().prefix(prefix).strategy(strategy).stock(stock).users(users).pool(pool).durationS(durationS)
                .retries(retries).spreadMs(spreadMs).seed(seed).join(join).naiveGapMs(naiveGapMs)
                .redisTimeoutS(redisTimeoutS).engine(engine).paceS(paceS).traceBuyers(traceBuyers)
                .waitReplicas(waitReplicas).buckets(buckets);
    }

    /** A seed for a run that was given none: differs from run to run and from process to process. */
    public static long newSeed() {
        return System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    }

    public SaleKeys keys() {
        return new SaleKeys(prefix);
    }

    /** Threads actually started: never more than there are users. */
    public int workers() {
        return (int) Math.min(pool, users);
    }

    /** Settings being put together; {@link #build()} checks them all. */
    public static final class Builder {
        private String prefix = "";
        private StrategyKind strategy = StrategyKind.WATCH;
        private long stock = ConfigField.STOCK.defaultValue();
        private long users = ConfigField.USERS.defaultValue();
        private long pool = ConfigField.POOL.defaultValue();
        private long durationS = ConfigField.DURATION.defaultValue();
        private long retries = ConfigField.RETRIES.defaultValue();
        private long spreadMs = ConfigField.SPREAD_MS.defaultValue();
        private Long seed;
        private boolean join;
        private long naiveGapMs = ConfigField.NAIVE_GAP_MS.defaultValue();
        private long redisTimeoutS = ConfigField.REDIS_TIMEOUT.defaultValue();
        private EngineKind engine = EngineKind.THREADS;
        private long paceS = ConfigField.PACE.defaultValue();
        private long traceBuyers = ConfigField.TRACE.defaultValue();
        private long waitReplicas = ConfigField.WAIT_REPLICAS.defaultValue();
        private long buckets = ConfigField.BUCKETS.defaultValue();

        private Builder() {
        }

        public Builder prefix(String value) {
            prefix = value;
            return this;
        }

        public Builder strategy(StrategyKind value) {
            strategy = value;
            return this;
        }

        public Builder stock(long value) {
            stock = value;
            return this;
        }

        public Builder users(long value) {
            users = value;
            return this;
        }

        public Builder pool(long value) {
            pool = value;
            return this;
        }

        public Builder durationS(long value) {
            durationS = value;
            return this;
        }

        public Builder retries(long value) {
            retries = value;
            return this;
        }

        /** The four numbers a load is usually told by. */
        public Builder load(long newStock, long newUsers, long newPool, long newRetries) {
            return stock(newStock).users(newUsers).pool(newPool).retries(newRetries);
        }

        public Builder spreadMs(long value) {
            spreadMs = value;
            return this;
        }

        /** The seed of the user ids; null: a new one at each {@link #build()}. */
        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder seed(long value) {
            return seed(Long.valueOf(value));
        }

        public Builder join(boolean value) {
            join = value;
            return this;
        }

        public Builder naiveGapMs(long value) {
            naiveGapMs = value;
            return this;
        }

        public Builder redisTimeoutS(long value) {
            redisTimeoutS = value;
            return this;
        }

        public Builder engine(EngineKind value) {
            engine = value;
            return this;
        }

        public Builder paceS(long value) {
            paceS = value;
            return this;
        }

        public Builder traceBuyers(long value) {
            traceBuyers = value;
            return this;
        }

        /** Replicas that must hold a win (WAIT) before the buyer is told it won; 0: none. */
        public Builder waitReplicas(long value) {
            waitReplicas = value;
            return this;
        }

        /** Buckets the stock is split into; 1: none. */
        public Builder buckets(long value) {
            buckets = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the option and its range, for a value out of range */
        public SimulationConfig build() {
            return new SimulationConfig(prefix, strategy, stock, users, ConfigField.POOL.checkInt(pool), durationS,
                    ConfigField.RETRIES.checkInt(retries), spreadMs, seed != null ? seed : newSeed(), join,
                    naiveGapMs, ConfigField.REDIS_TIMEOUT.checkInt(redisTimeoutS), engine, paceS,
                    ConfigField.TRACE.checkInt(traceBuyers), ConfigField.WAIT_REPLICAS.checkInt(waitReplicas),
                    ConfigField.BUCKETS.checkInt(buckets));
        }
    }
}
