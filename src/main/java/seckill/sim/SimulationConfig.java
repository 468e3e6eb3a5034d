package seckill.sim;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;
import seckill.util.ProblemException;

/**
 * One sale's settings: the one shape the command line, the form and the engine share. Built only with valid values:
 * the constructor asks {@link SettingsRules} (every number against {@link ConfigField}, the one table of defaults and
 * ranges, and the rules between settings), so a config that exists can be run. Made through {@link #builder()},
 * whose unset fields take that table's defaults.
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
 * @param paceS          the sale lasts about this many seconds: waves of up to the pool, paused between (0: off)
 * @param traceBuyers    how many buyers, sampled from the seed, have every round trip recorded (0: none)
 * @param waitReplicas   replicas that must hold a win (WAIT) before the buyer is told it won (0: none)
 * @param buckets        the stock split into this many buckets, each a sale of its own ({@code SaleBuckets}); 1: none
 * @param students       people buy too, beside the simulated users ({@link HumanBuyers}): the sale then ends only
 *                       when it sells out, its time is up or it is stopped, and {@code users} may be 0
 */
public record SimulationConfig(String prefix, StrategyKind strategy, long stock, long users, int pool,
                               long durationS, int retries, long spreadMs, long seed, boolean join,
                               long naiveGapMs, int redisTimeoutS, EngineKind engine, long paceS,
                               int traceBuyers, int waitReplicas, int buckets, boolean students) {

    public SimulationConfig {
        prefix = prefix == null ? "" : prefix;
        engine = engine == null ? EngineKind.THREADS : engine;
        refuseIfAny(SettingsRules.check(of(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, seed,
                join, naiveGapMs, redisTimeoutS, engine, paceS, traceBuyers, waitReplicas, buckets, students)));
    }

    private static void refuseIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(problems.get(0));
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
        return of(prefix, strategy, stock, users, pool, durationS, retries, spreadMs, seed, join, naiveGapMs,
                redisTimeoutS, engine, paceS, traceBuyers, waitReplicas, buckets, students);
    }

    private static Builder of(String prefix, StrategyKind strategy, long stock, long users, int pool, long durationS,
                              int retries, long spreadMs, long seed, boolean join, long naiveGapMs, int redisTimeoutS,
                              EngineKind engine, long paceS, int traceBuyers, int waitReplicas, int buckets,
                              boolean students) {
        return builder().prefix(prefix).strategy(strategy).stock(stock).users(users).pool(pool).durationS(durationS)
                .retries(retries).spreadMs(spreadMs).seed(seed).join(join).naiveGapMs(naiveGapMs)
                .redisTimeoutS(redisTimeoutS).engine(engine).paceS(paceS).traceBuyers(traceBuyers)
                .waitReplicas(waitReplicas).buckets(buckets).students(students);
    }

    /** A seed for a run that was given none: differs from run to run and from process to process. */
    public static long newSeed() {
        return System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    }

    public SaleKeys keys() {
        return new SaleKeys(prefix);
    }

    /** Threads actually started: never more than there are users (none for a sale of students alone). */
    public int workers() {
        return (int) Math.min(pool, users);
    }

    /** Settings being put together; {@link #build()} checks them all. */
    public static final class Builder {
        private String prefix = "";
        private StrategyKind strategy = StrategyKind.WATCH;
        private EngineKind engine = EngineKind.THREADS;
        private boolean join;
        private boolean students;
        /** Every number but the seed, each at its default until set; the seed only once given. */
        private final Map<ConfigField, Long> numbers = new EnumMap<>(ConfigField.class);

        private Builder() {
            for (ConfigField field : ConfigField.values()) {
                if (field != ConfigField.SEED) {
                    numbers.put(field, field.defaultValue());
                }
            }
        }

        /** A number by its field, e.g. to set what a lesson sets; {@code SEED} gives the seed too. */
        public Builder set(ConfigField field, long value) {
            numbers.put(field, value);
            return this;
        }

        /** The number set for the field, else its default (the seed's when none was given). */
        public long get(ConfigField field) {
            return numbers.getOrDefault(field, field.defaultValue());
        }

        String prefix() {
            return prefix;
        }

        StrategyKind strategy() {
            return strategy;
        }

        EngineKind engine() {
            return engine;
        }

        boolean students() {
            return students;
        }

        /** People buy too ({@link HumanBuyers}): the sale waits for them, and {@code users} may be 0. */
        public Builder students(boolean value) {
            students = value;
            return this;
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
            return set(ConfigField.STOCK, value);
        }

        public Builder users(long value) {
            return set(ConfigField.USERS, value);
        }

        public Builder pool(long value) {
            return set(ConfigField.POOL, value);
        }

        public Builder durationS(long value) {
            return set(ConfigField.DURATION, value);
        }

        public Builder retries(long value) {
            return set(ConfigField.RETRIES, value);
        }

        /** The four numbers a load is usually told by. */
        public Builder load(long newStock, long newUsers, long newPool, long newRetries) {
            return stock(newStock).users(newUsers).pool(newPool).retries(newRetries);
        }

        public Builder spreadMs(long value) {
            return set(ConfigField.SPREAD_MS, value);
        }

        /** The seed of the user ids; null: a new one at each {@link #build()}. */
        public Builder seed(Long value) {
            if (value == null) {
                numbers.remove(ConfigField.SEED);
                return this;
            }
            return set(ConfigField.SEED, value);
        }

        public Builder seed(long value) {
            return seed(Long.valueOf(value));
        }

        public Builder join(boolean value) {
            join = value;
            return this;
        }

        public Builder naiveGapMs(long value) {
            return set(ConfigField.NAIVE_GAP_MS, value);
        }

        public Builder redisTimeoutS(long value) {
            return set(ConfigField.REDIS_TIMEOUT, value);
        }

        public Builder engine(EngineKind value) {
            engine = value;
            return this;
        }

        public Builder paceS(long value) {
            return set(ConfigField.PACE, value);
        }

        public Builder traceBuyers(long value) {
            return set(ConfigField.TRACE, value);
        }

        /** Replicas that must hold a win (WAIT) before the buyer is told it won; 0: none. */
        public Builder waitReplicas(long value) {
            return set(ConfigField.WAIT_REPLICAS, value);
        }

        /** Buckets the stock is split into; 1: none. */
        public Builder buckets(long value) {
            return set(ConfigField.BUCKETS, value);
        }

        /**
         * @throws ProblemException the first of {@link SettingsRules#check}'s problems (a number out of its range
         *                          naming its option and the range), checked before a number is narrowed to an int
         */
        public SimulationConfig build() {
            refuseIfAny(SettingsRules.check(this));
            Long seed = numbers.get(ConfigField.SEED);
            return new SimulationConfig(prefix, strategy, get(ConfigField.STOCK), get(ConfigField.USERS),
                    (int) get(ConfigField.POOL), get(ConfigField.DURATION), (int) get(ConfigField.RETRIES),
                    get(ConfigField.SPREAD_MS), seed != null ? seed : newSeed(), join, get(ConfigField.NAIVE_GAP_MS),
                    (int) get(ConfigField.REDIS_TIMEOUT), engine, get(ConfigField.PACE), (int) get(ConfigField.TRACE),
                    (int) get(ConfigField.WAIT_REPLICAS), (int) get(ConfigField.BUCKETS), students);
        }
    }
}
