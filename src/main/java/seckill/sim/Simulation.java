package seckill.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import seckill.metrics.MetricsSnapshot;
import seckill.metrics.SaleMetrics;
import seckill.redis.RedisConnection;
import seckill.redis.RedisErrors;
import seckill.redis.RedisUnavailableException;
import seckill.sale.AuditResult;
import seckill.sale.BucketedStrategy;
import seckill.sale.PurchaseStrategy;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeyException;
import seckill.sale.SaleKeys;
import seckill.sale.SaleMeta;
import seckill.sale.SaleState;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * One flash sale: {@code pool} buyers at a time, each on a connection of its own, play {@code users} users
 * against Redis; a {@link java.util.concurrent.ThreadPoolExecutor} of {@code pool} threads (as the tutorial) or, with
 * {@link EngineKind#LOOP}, one event-loop thread. The run opens (or joins) the sale, lets the engine play the
 * users by the {@link BuyerRules}, then reads the sale back and audits it.
 * See docs/ARCHITECTURE.md, "A sale, step by step" and "Engines".
 */
public final class Simulation {
    /** Where a run is. */
    public enum Phase { READY, RUNNING, FINISHED }

    /**
     * How long a stopped run waits for Redis to answer before it closes the sale, reads it back and audits it:
     * a stop during an outage ends at once, not after {@code --redis-timeout}, its sale not audited.
     */
    static final Duration STOPPED_PATIENCE = Duration.ofSeconds(1);
    /** How often a sale people buy in is read, to end it once its last item is sold. */
    private static final long SOLD_OUT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final SimulationConfig config;
    private final RedisConnection redis;
    private final PurchaseStrategy strategy;
    private final SaleBuckets buckets;
    /** Null unless the sale's buckets are spread over a cluster's masters. */
    private final BuyerRoutes routes;
    private final ThreadFactory buyers;
    private final BuyerRules rules;
    private final HumanBuyers humans;
    private volatile Phase phase = Phase.READY;
    private volatile boolean checked;

    /**
     * A run whose buyers' threads are daemons named {@code seckill-user-1}, {@code -2}, … (or, on the loop,
     * {@code seckill-user-loop}).
     *
     * @throws IllegalArgumentException when the loop engine is asked to speak TLS, which it does not
     */
    public Simulation(SimulationConfig config, RedisConnection redis) {
        this(config, redis, NamedThreads.buyers(config.engine()));
    }

    /**
     * @param buyers makes the threads that play the users: the pool's threads, or the loop's one thread (e.g.
     *               {@link BackgroundThreads} to run them at low priority)
     * @throws IllegalArgumentException when the loop engine is asked to speak TLS or to a cluster, which it does
     *                                  not, or when a cluster's sale has a prefix without a hash tag
     */
    public Simulation(SimulationConfig config, RedisConnection redis, ThreadFactory buyers) {
        config.engine().checkCanReach(redis);
        config = forServer(config, redis);
        this.config = config;
        this.redis = redis;
        this.buyers = buyers;
        this.strategy = config.buckets() == 1 ? config.strategy().create(config.keys(), config.naiveGapMs())
                : new BucketedStrategy(config.strategy(), config.keys(), config.buckets(), config.naiveGapMs());
        this.buckets = new SaleBuckets(config.keys(), config.buckets());
        this.routes = BuyerRoutes.of(config, redis);
        this.rules = new BuyerRules(config, redis.target(), strategy.claimMeansWon());
        this.humans = new HumanBuyers(config, redis, strategy, routes, rules, buckets);
    }

    /**
     * The sale as this server will hold it: on a Redis Cluster under a prefix with a hash tag ({@code {seckill}:}
     * when none was given), the connection aimed at its slot's master (with buckets, the master that records the
     * split; each bucket's buyers go to their bucket's, {@link BuyerRoutes}); elsewhere as it is.
     */
    public static SimulationConfig forServer(SimulationConfig config, RedisConnection redis) {
        if (!redis.isCluster()) {
            return config;
        }
        String prefix = SaleKeys.onCluster(config.prefix());
        SimulationConfig onCluster = prefix.equals(config.prefix()) ? config
                : config.toBuilder().prefix(prefix).build();
        redis.aim(onCluster.keys().total());
        return onCluster;
    }

    public SimulationConfig config() {
        return config;
    }

    public SaleMetrics metrics() {
        return rules.metrics();
    }

    public Phase phase() {
        return phase;
    }

    /** Lets the first users in only once {@code gate} has returned (a comparison's runs start together). */
    void gate(Runnable gate) {
        rules.gate(gate);
    }

    /**
     * What the buyers send, sampled, for a window to show beside {@code redis-cli MONITOR}: off until
     * {@link CommandFeed#setOn} asks for it.
     */
    public CommandFeed feed() {
        return rules.feed();
    }

    /**
     * Lets the first users in only at that instant ({@code run --start-at}), so that several processes joining one
     * sale start together; the sale is opened or joined before. A stop meanwhile ends the wait, and the run.
     */
    public void startAt(Instant at) {
        rules.gate(() -> rules.waitUntil(at));
    }

    /**
     * Records every attempt of the run ({@code run --record}), sampling users above {@code cap} attempts; call before
     * {@link #run}. The log's {@link AttemptLog#attempts()} are there once the run is over.
     */
    public AttemptLog record(long cap) {
        AttemptLog log = new AttemptLog(config, cap);
        rules.record(log);
        return log;
    }

    /**
     * The people who buy in this sale beside the simulated users (a class's phones): their taps are played from the
     * start until the run ends. A run whose config says {@link SimulationConfig#students()} waits for them.
     */
    public HumanBuyers humans() {
        return humans;
    }

    /** Threads (or, in the loop engine, connections) still playing users. */
    public int activeThreads() {
        return rules.active();
    }

    /** Asks the run to end; the buyers finish the attempt they are in and leave. */
    public void stop() {
        rules.stop();
    }

    /**
     * Opens the sale (or joins it), plays every user and audits the result. Blocks until done.
     *
     * @throws SaleKeyException          when joining a sale that is missing or whose keys have the wrong type, or
     *                                   running one under a bucket's own prefix
     * @throws seckill.util.ProblemException when the server cannot give the sale what it asks ({@link #check})
     * @throws RedisUnavailableException when Redis cannot be reached to open the sale
     */
    public SimulationResult run() {
        check();
        prepareSale();
        phase = Phase.RUNNING;
        try (HeapGuard heap = new HeapGuard(rules::fail, config.pool())) {
            play();
        }
        humans.finish();
        rules.finishRecording();
        long elapsedMs = (System.nanoTime() - rules.startNanos()) / 1_000_000;
        rules.end(EndReason.ALL_USERS_DONE);
        MetricsSnapshot last = rules.metrics().finalSample();
        SaleState state = null;
        List<SaleState> bucketStates = List.of();
        AuditResult audit = null;
        List<Trace> traces = List.of();
        List<String> lostWinners = List.of();
        // a blip at the end is waited out like one during the sale; after Redis was already lost, one try only
        Duration patience = rules.endedBy() == EndReason.ERROR ? Duration.ZERO : redisTimeout();
        try {
            if (rules.endedBy() == EndReason.STOPPED) {
                // whoever stopped it is waiting: a Redis that does not answer now is not waited for
                Problem silent = redis.unansweredWithin(STOPPED_PATIENCE);
                if (silent != null) {
                    throw new RedisUnavailableException(Problem.of(Kind.REDIS_AFTER_STOP, silent,
                            STOPPED_PATIENCE.toSeconds()), null);
                }
            }
            if (rules.endedBy() == EndReason.STOPPED && !config.join()) {
                // a stopped sale is over for every client, as if its time were up; one joined is not ours to end
                redis.callKeyed(patience, calls -> {
                    buckets.close(calls);
                    return null;
                });
            }
            bucketStates = redis.callKeyed(patience, buckets::read);
            state = SaleBuckets.sum(bucketStates);
            audit = redis.callKeyed(patience, buckets::audit);
            if (last.usersWon() > state.sold()) {
                // every confirmed win must be an item sold in Redis; other clients can only add to what is sold
                audit = audit.with(Problem.of(Kind.CONFIRMED_OVER_SOLD, last.usersWon(), state.sold()));
            }
            List<String> acknowledged = rules.acknowledged();
            lostWinners = redis.callKeyed(patience, calls -> buckets.missing(calls, acknowledged));
            if (!lostWinners.isEmpty()) {
                audit = audit.with(Problem.of(Kind.LOST_WINS, lostWinners.size(), lostWinners.get(0)));
            }
            traces = redis.call(patience, rules::traces);
        } catch (RuntimeException e) {
            rules.fail(e instanceof RedisUnavailableException u ? u.problem()
                    : RedisErrors.describe(redis.target(), e));
        } catch (OutOfMemoryError e) {
            // the acknowledged winners checked against kill_user did not fit: what was read stays, the limit is named
            rules.fail(HeapGuard.outOfMemory(config.pool()));
        }
        phase = Phase.FINISHED;
        return new SimulationResult(config, rules.endedBy(), last, elapsedMs, state, audit, rules.error(),
                rules.fairness(), rules.soldOutMs(), traces, lostWinners, bucketStates, buckets.masters(redis),
                config.students() ? humans.count() : HumanBuyers.Count.NONE);
    }

    /** Plays the simulated users, if any, and waits for the people buying beside them, if any. */
    private void play() {
        if (config.users() > 0) {
            engine().play(rules);
        } else {
            rules.start(); // a sale of people alone
        }
        if (config.students()) {
            awaitPeople();
        }
    }

    /**
     * A sale people buy in ends when it sells out, when its time is up or when it is stopped: not when its simulated
     * users are done. Sold out is also the last item sold, which no one may have been told yet: the sale is read
     * a few times a second.
     */
    private void awaitPeople() {
        while (!rules.awaitEndOrTimeUp(SOLD_OUT_CHECK_NANOS)) {
            SaleState now = humans.read();
            if (now != null && now.exists() && now.stockLeft() == 0) {
                rules.end(EndReason.SOLD_OUT);
            }
        }
    }

    /**
     * What the sale needs of this process and of the server, checked before anything is sold ({@link #run}
     * checks it too): an open file and memory for each buyer's connection ({@link LimitChecks}), and as many
     * replicas as {@code --wait-replicas} asks on every master it writes to.
     *
     * @throws seckill.util.ProblemException when the process or the server cannot give the sale what it asks
     */
    public void check() {
        if (!checked) {
            LimitChecks.check(config.engine(), 1, config.workers(), config.pool());
            ServerChecks.replicas(config, redis);
            checked = true;
        }
    }

    private Engine engine() {
        return switch (config.engine()) {
            case THREADS -> new ThreadsEngine(strategy, redis, routes, buyers);
            case LOOP -> new LoopEngine(strategy, redis, routes, buyers);
        };
    }

    private Duration redisTimeout() {
        return Duration.ofSeconds(config.redisTimeoutS());
    }

    /**
     * Opens (or checks) the sale, each bucket where it lives; safe to repeat after a lost reply, since no user has
     * arrived yet.
     */
    private void prepareSale() {
        redis.callKeyed(redisTimeout(), calls -> {
            SaleMeta.refuseABucket(calls, config.keys());
            if (config.join()) {
                int recorded = SaleMeta.checkedSplit(calls, config.keys());
                if (recorded != config.buckets()) {
                    throw new SaleKeyException(Problem.of(Kind.JOIN_BUCKETS, recorded, config.buckets()));
                }
                List<Problem> wrong = buckets.wrongTypes(calls);
                if (!wrong.isEmpty()) {
                    throw new SaleKeyException(Problem.of(Kind.JOIN_WRONG_TYPES, wrong));
                }
                long stock = 0;
                for (SaleKeys bucket : buckets.keys()) {
                    String total = calls.at(bucket.total(), jedis -> jedis.get(bucket.total()));
                    if (total == null) {
                        throw new SaleKeyException(Problem.of(Kind.JOIN_NO_SALE, bucket.prefix(), bucket.total()));
                    }
                    stock += Long.parseLong(total);
                }
                rules.saleStock(stock);
            } else {
                buckets.open(calls, config.stock(), config.durationS(), config.strategy());
            }
            if (strategy instanceof BucketedStrategy bucketed) {
                bucketed.prepare(calls);
            } else {
                calls.at(config.keys().total(), jedis -> {
                    strategy.prepare(jedis);
                    return null;
                });
            }
            return null;
        });
    }
}
