package seckill.sim;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import redis.clients.jedis.Jedis;
import seckill.metrics.SaleMetrics;
import seckill.redis.Backoff;
import seckill.redis.RedisErrors;
import seckill.redis.RedisTarget;
import seckill.sale.Outcome;
import seckill.sale.SaleKeys;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * The rules every engine plays its buyers by, and the run's state that they share: whose turn is next, when a
 * user arrives, what an outcome or a fault means for the user and for the run, and why the run ended.
 *
 * <p>Each buyer takes the next user index from a counter, so no task per user is ever held (memory is flat in the
 * number of users). A run ends when the stock is gone, the flag has expired, every user is done, a stop is asked,
 * or Redis stays away longer than {@code --redis-timeout}. Safe for any number of buyers at once, except for a
 * {@link Turn}, which belongs to the one buyer playing it.
 *
 * <p>See docs/ARCHITECTURE.md, "A sale, step by step".
 */
final class BuyerRules {
    /** Once the run has been abandoned (stopped, Redis lost), a call still waiting this long is cut. */
    static final long CUT_AFTER_END_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Under a pace, waves start on this clock, so that a wave's buyers set off at the same instant. */
    static final long WAVE_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A sale is paced in about this many waves: each a crowd racing for what is left. */
    static final int WAVES = 8;

    private final SimulationConfig config;
    private final boolean claimMeansWon;
    private final RedisTarget target;
    private final SaleMetrics metrics = new SaleMetrics();
    private final UserIds ids;
    private final long callLimitNanos;
    private final AtomicLong nextUser = new AtomicLong();
    private final AtomicReference<EndReason> endedBy = new AtomicReference<>();
    private final AtomicReference<Problem> error = new AtomicReference<>();
    private final AtomicInteger active = new AtomicInteger();
    private final ArrivalLine line;
    /** Every user told it won: the wins this client acknowledged, checked against Redis after the run. */
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    /** Null unless the run traces buyers ({@code --trace}). */
    private final Tracer tracer;
    /** What the sale sends, sampled while someone looks at it; off, a user costs it one volatile read. */
    private final CommandFeed feed = new CommandFeed();
    private volatile long startEpochMs;
    /** Waited on before the start: runs of a comparison let their first users in together. */
    private volatile Runnable gate = () -> { };
    /** Open until the run is stopped or fails: a wait for the start ends there. */
    private final CountDownLatch ended = new CountDownLatch(1);
    /** The buckets a buyer was told were sold out ({@code --buckets}); the sale is over once all are. */
    private final Set<Integer> soldOutBuckets = ConcurrentHashMap.newKeySet();
    /** When the first buyer was told the stock was gone (on {@link System#nanoTime}), 0 until then. */
    private volatile long soldOutNanos;
    /** Paced buyers let in and not yet done. */
    private final AtomicLong pacedInPlay = new AtomicLong();
    private final Object waves = new Object();
    /** The tick of the wave now letting buyers in, and how many it let in. */
    private long waveTick = -1;
    private long waveAdmitted;
    private long waveCrowd;
    private volatile long startNanos;

    /**
     * @param claimMeansWon a user found already in {@code kill_buyers} has an item (the strategy writes both in one
     *                      step); false when it claims the user first and sells the item after
     */
    BuyerRules(SimulationConfig config, RedisTarget target, boolean claimMeansWon) {
        this.config = config;
        this.claimMeansWon = claimMeansWon;
        this.target = target;
        this.ids = new UserIds(config.seed());
        this.callLimitNanos = TimeUnit.SECONDS.toNanos(config.redisTimeoutS());
        this.line = new ArrivalLine(config.stock());
        this.tracer = Tracer.of(config);
    }

    SimulationConfig config() {
        return config;
    }

    SaleMetrics metrics() {
        return metrics;
    }

    /** The first users may arrive now: arrivals are spread from here, and the run's time counts from here. */
    void start() {
        gate.run();
        startEpochMs = System.currentTimeMillis();
        startNanos = System.nanoTime();
    }

    long startNanos() {
        return startNanos;
    }

    /** The next user to play, or -1 when the run has ended or every user has been taken. */
    long takeUser() {
        if (endedBy.get() != null) {
            return -1;
        }
        long index = nextUser.getAndIncrement();
        return index < config.users() ? index : -1;
    }

    /** The user of that index, with all its tries still to come. */
    Turn newTurn(long index) {
        Turn turn = new Turn(ids.id(index), index, config.retries());
        turn.paced = config.paceS() > 0;
        if (tracer != null) {
            tracer.attach(turn);
        }
        if (feed.isOn() && feed.sample(System.nanoTime())) {
            turn.feed = feed;
            turn.observed = true;
        }
        return turn;
    }

    /** The sampled feed of what the buyers send. */
    CommandFeed feed() {
        return feed;
    }

    /**
     * Waits until that instant on this machine's clock (processes started together, {@code run --start-at}), or
     * until the run is stopped meanwhile.
     */
    void waitUntil(Instant at) {
        long ms = at.toEpochMilli() - System.currentTimeMillis();
        try {
            ended.await(Math.max(0, ms), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** With buckets, notes the user's bucket as sold out; true once every bucket is (always with one). */
    private boolean allBucketsSoldOut(Turn turn) {
        if (config.buckets() == 1) {
            return true;
        }
        soldOutBuckets.add(SaleKeys.bucketOf(turn.userId, config.buckets()));
        return soldOutBuckets.size() == config.buckets();
    }

    /** Makes {@link #start()} wait on this first (runs started together). */
    void gate(Runnable before) {
        gate = before;
    }

    /** The user sends its first attempt now: it takes its place in the line of arrivals (retries keep it). */
    void arrives(Turn turn) {
        if (turn.arrival < 0) {
            turn.arrival = line.arrive();
            if (turn.trace != null) {
                turn.trace.arrival = turn.arrival;
            }
        }
    }

    /** The sale's own stock, when the run joined one: fairness looks at that many first arrivals. */
    void saleStock(long stock) {
        line.places(stock);
    }

    /** Did the first to arrive win: so far, or at the end. */
    Fairness fairness() {
        return line.fairness();
    }

    /** The traced buyers' round trips, explained from the sale's record; none when the run traces nobody. */
    List<Trace> traces(Jedis jedis) {
        return tracer == null ? List.of() : tracer.finish(jedis, startNanos, startEpochMs);
    }

    /** Ms from the start until the first buyer was told the stock was gone, or -1 when none was. */
    long soldOutMs() {
        long at = soldOutNanos;
        return at == 0 ? -1 : (at - startNanos) / 1_000_000;
    }

    /** True when users do not all arrive at once: a spread or a pace decides when each may begin. */
    boolean arrivalsWait() {
        return config.spreadMs() > 0 || config.paceS() > 0;
    }

    /**
     * When the user of that index may begin, asked at {@code now}: {@code now} (or earlier) to begin at once, else
     * when to ask again. With a spread, the user's arrival time. With a pace, users come in waves of a crowd each
     * ({@code stock / 8}, at most the pool): a new wave starts, on the tick clock, once the last one's whole crowd
     * has come and is done and the sale has fallen behind its pace (items sold in proportion to the time). The users let in by one
     * wave set off at the same instant and race; for the last few items a rush of three crowds comes, so that a
     * naive sale still oversells where everyone wants what is left.
     */
    long admitAt(long index, long now) {
        if (config.paceS() <= 0) {
            return arrivalNanos(index);
        }
        if (now - startNanos >= TimeUnit.SECONDS.toNanos(config.paceS()) || metrics.wins() >= config.stock()) {
            // the pace has run its course (or the stock is gone, oversold even): whoever is left comes freely and
            // learns that it is sold out or closed, which ends the run
            return now;
        }
        long tick = (now - startNanos) / WAVE_TICK_NANOS;
        synchronized (waves) {
            // a wave stays open until its whole crowd is in: on a busy machine its buyers may come later than the
            // tick that opened it, and a wave cut short would let the pace fall behind and call waves of a few
            if (waveAdmitted < waveCrowd) {
                waveAdmitted++;
                pacedInPlay.incrementAndGet();
                return now;
            }
            long wins = metrics.wins();
            if (tick != waveTick && pacedInPlay.get() == 0 && wins < paceTarget(now)) {
                long crowd = crowd();
                waveCrowd = config.stock() - wins <= crowd ? Math.min(config.workers(), 3 * crowd) : crowd;
                waveTick = tick;
                waveAdmitted = 1;
                pacedInPlay.incrementAndGet();
                return now;
            }
        }
        return startNanos + (tick + 1) * WAVE_TICK_NANOS;
    }

    /** How many buyers one wave lets in. */
    private long crowd() {
        return Math.max(1, Math.min(config.workers(), (config.stock() + WAVES - 1) / WAVES));
    }

    /** Items that should be sold by {@code now} for the sale to last {@code --pace} seconds. */
    private long paceTarget(long now) {
        double share = Math.min(1.0, (double) (now - startNanos) / TimeUnit.SECONDS.toNanos(config.paceS()));
        return (long) Math.ceil(config.stock() * share);
    }

    /** A paced user is done: the next wave may come once every buyer of this one is. */
    private void leftPlay(Turn turn) {
        if (turn.paced) {
            turn.paced = false;
            pacedInPlay.decrementAndGet();
        }
    }

    /**
     * When (on {@link System#nanoTime}) the user arrives, with arrivals spread evenly over {@code --spread-ms};
     * one arriving after the sale closes arrives at the close, to be told it is closed.
     */
    long arrivalNanos(long index) {
        long spreadNanos = TimeUnit.MILLISECONDS.toNanos(config.spreadMs());
        long arrival = (long) ((double) index / config.users() * spreadNanos);
        return startNanos + Math.min(arrival, TimeUnit.SECONDS.toNanos(config.durationS()));
    }

    /** Books the time of one attempt that began at {@code t0} (on {@link System#nanoTime}). */
    void attempted(long t0) {
        metrics.attempt(System.nanoTime() - t0);
    }

    /** Books the outcome of one attempt (whose time is already booked); true when the user is done. */
    boolean settle(Turn turn, Outcome outcome) {
        boolean done = book(turn, outcome);
        if (done) {
            leftPlay(turn);
        }
        return done;
    }

    private boolean book(Turn turn, Outcome outcome) {
        switch (outcome) {
            case WON, WON_STRANDED -> {
                metrics.won();
                if (outcome == Outcome.WON_STRANDED) {
                    metrics.strandedSold();
                }
                userWon(turn);
                return true;
            }
            case ALREADY_WON -> {
                metrics.alreadyWon();
                if (!turn.afterFault) {
                    metrics.userDone(false);
                } else if (claimMeansWon) {
                    // after a lost reply this is our own earlier attempt, and the claim was the sale itself
                    userWon(turn);
                } else {
                    // the claim comes before the item: whether the lost attempt got one is not known
                    metrics.userUnknown();
                }
                return true;
            }
            case SOLD_OUT -> {
                metrics.soldOut();
                metrics.userDone(false);
                if (!allBucketsSoldOut(turn)) {
                    // another bucket may still have stock for its users: only this bucket's are turned away
                    return true;
                }
                if (endedBy.compareAndSet(null, EndReason.SOLD_OUT)) {
                    soldOutNanos = System.nanoTime();
                }
                return true;
            }
            case CLOSED -> {
                metrics.closed();
                metrics.userDone(false);
                endedBy.compareAndSet(null, EndReason.TIME_UP);
                return true;
            }
            case CONFLICT -> {
                metrics.conflict();
                if (turn.conflictsLeft-- <= 0 || endedBy.get() != null) {
                    metrics.userDone(false);
                    return true;
                }
                return false;
            }
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    /** The users told they won, so far. */
    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    private void userWon(Turn turn) {
        acknowledged.add(turn.userId);
        metrics.userDone(true);
        line.won(turn.arrival);
    }

    /**
     * Books an attempt that failed (whose time is already booked): returns how many ms the user waits before
     * trying again on a fresh connection, or -1 when the run ends instead (an error that is not the
     * connection's, or Redis away longer than {@code --redis-timeout}).
     */
    long fault(Turn turn, RuntimeException e) {
        if (turn.trace != null) {
            turn.trace.faulted(e);
        }
        long delay = faultDelay(turn, e);
        if (delay < 0) {
            leftPlay(turn);
        }
        return delay;
    }

    private long faultDelay(Turn turn, RuntimeException e) {
        metrics.error();
        if (!RedisErrors.isConnectionProblem(e)) {
            fail(RedisErrors.describe(target, e));
            return -1;
        }
        long now = System.nanoTime();
        if (turn.faultSince == 0) {
            turn.faultSince = now;
        }
        if (now - turn.faultSince > callLimitNanos) {
            fail(RedisErrors.lostFor(target, e, config.redisTimeoutS()));
            return -1;
        }
        turn.afterFault = true;
        return Backoff.delayMillis(turn.faultStreak++);
    }

    /** How long one call may wait for its reply: {@code --redis-timeout}. */
    long callLimitNanos() {
        return callLimitNanos;
    }

    /** A call waited longer than {@code --redis-timeout}: the run ends with an error. */
    void callTimedOut() {
        fail(Problem.of(Kind.REDIS_TIMED_OUT, target.masked(), config.redisTimeoutS()));
    }

    /**
     * A user left before finishing, because the run was stopped or Redis was lost: after a lost reply, whether the
     * user got an item is not known.
     */
    void abandoned(Turn turn) {
        leftPlay(turn);
        if (turn.afterFault) {
            metrics.userUnknown();
        }
    }

    /** Ends the run with an error; the first problem is the one reported. */
    void fail(Problem problem) {
        error.compareAndSet(null, problem);
        endedBy.set(EndReason.ERROR);
        ended.countDown();
    }

    /** Asks the run to end; the buyers finish the attempt they are in and leave. */
    void stop() {
        endedBy.compareAndSet(null, EndReason.STOPPED);
        ended.countDown();
    }

    /** Ends the run for that reason unless it has ended already. */
    void end(EndReason reason) {
        endedBy.compareAndSet(null, reason);
    }

    boolean hasEnded() {
        return endedBy.get() != null;
    }

    /**
     * After a fault the attempt's fate is unknown (the reply may be what was lost), so the user tries again even
     * when the sale has meanwhile sold out or closed: the retry learns ALREADY_WON, SOLD_OUT or CLOSED, and the
     * counts stay true. Only a stop or a lost Redis abandons it.
     */
    boolean isAbandoned() {
        EndReason reason = endedBy.get();
        return reason == EndReason.STOPPED || reason == EndReason.ERROR;
    }

    EndReason endedBy() {
        return endedBy.get();
    }

    Problem error() {
        return error.get();
    }

    /** Buyers (threads, or the loop's connections) joining (+) or leaving (-) play. */
    void activeChanged(int delta) {
        active.addAndGet(delta);
    }

    int active() {
        return active.get();
    }
}
