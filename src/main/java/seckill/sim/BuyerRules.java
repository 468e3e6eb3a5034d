package seckill.sim;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import redis.clients.jedis.Jedis;
import seckill.metrics.SaleMetrics;
import seckill.redis.RedisErrors;
import seckill.redis.RedisTarget;
import seckill.sale.Outcome;
import seckill.util.Problem;

/**
 * The rules every engine plays its buyers by, and the run's state that they share: whose turn is next, when a
 * user arrives ({@link Arrivals}), what an outcome ({@link Outcomes}) or a fault ({@link FaultRules}) means for the
 * user and for the run, who won ({@link Winners}), and why the run ended ({@link RunEnd}).
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

    private final SimulationConfig config;
    private final SaleMetrics metrics = new SaleMetrics();
    private final UserIds ids;
    private final AtomicLong nextUser = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final RunEnd end = new RunEnd();
    private final Arrivals arrivals;
    private final Winners winners;
    private final Outcomes outcomes;
    private final FaultRules faults;
    /** Null unless the run traces buyers ({@code --trace}). */
    private final Tracer tracer;
    /** What the sale sends, sampled while someone looks at it; off, a user costs it one volatile read. */
    private final CommandFeed feed = new CommandFeed();
    /** Null unless the run records every attempt ({@code --record}); set before the buyers start. */
    private AttemptLog log;
    private volatile long startEpochMs;
    /** True once the first users may arrive ({@link #start()}): people's taps are played from then on. */
    private volatile boolean started;
    /** Waited on before the start: runs of a comparison let their first users in together. */
    private volatile Runnable gate = () -> { };

    /**
     * @param claimMeansWon a user found already in {@code kill_buyers} has an item (the strategy writes both in one
     *                      step); false when it claims the user first and sells the item after
     */
    BuyerRules(SimulationConfig config, RedisTarget target, boolean claimMeansWon) {
        this.config = config;
        this.ids = new UserIds(config.seed());
        this.arrivals = new Arrivals(config, metrics);
        this.winners = new Winners(config.stock());
        this.outcomes = new Outcomes(metrics, claimMeansWon, config.buckets(), end, winners);
        this.faults = new FaultRules(target, config.redisTimeoutS(), config.pool(), metrics, end);
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
        arrivals.start(System.nanoTime());
        started = true;
    }

    /** True once the first users may arrive. */
    boolean started() {
        return started;
    }

    /**
     * Waits until the run ends (sold out, closed, stopped, Redis lost), or until the sale's time is up, which then
     * ends it ({@link EndReason#TIME_UP}), or at most {@code sliceNanos}: a sale that people buy in outlasts its
     * simulated users. True once the run has ended.
     */
    boolean awaitEndOrTimeUp(long sliceNanos) {
        long left = arrivals.startNanos() + TimeUnit.SECONDS.toNanos(config.durationS()) - System.nanoTime();
        if (end.awaitEnd(Math.min(left, sliceNanos))) {
            return true;
        }
        if (left <= sliceNanos) {
            end.end(EndReason.TIME_UP);
            return true;
        }
        return false;
    }

    long startNanos() {
        return arrivals.startNanos();
    }

    /** The next user to play, or -1 when the run has ended or every user has been taken. */
    long takeUser() {
        if (end.hasEnded()) {
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
        if (log != null) {
            turn.log = log.writerFor(index);
        }
        if (feed.isOn() && feed.sample(System.nanoTime())) {
            turn.feed = feed;
            turn.observed = true;
        }
        return turn;
    }

    /** Records every attempt (or every sampled user's) in that log from now on; before the run starts. */
    void record(AttemptLog attempts) {
        this.log = attempts;
    }

    /** Merges the recorded attempts, if any; once the buyers have left. */
    void finishRecording() {
        if (log != null) {
            log.finish(arrivals.startNanos(), startEpochMs);
        }
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
        end.waitUntil(at);
    }

    /** Makes {@link #start()} wait on this first (runs started together). */
    void gate(Runnable before) {
        gate = before;
    }

    /** The user sends its first attempt now: it takes its place in the line of arrivals (retries keep it). */
    void arrives(Turn turn) {
        winners.arrives(turn);
    }

    /** The sale's own stock, when the run joined one: fairness looks at that many first arrivals. */
    void saleStock(long stock) {
        winners.saleStock(stock);
    }

    /** Did the first to arrive win: so far, or at the end. */
    Fairness fairness() {
        return winners.fairness();
    }

    /** The traced buyers' round trips, explained from the sale's record; none when the run traces nobody. */
    List<Trace> traces(Jedis jedis) {
        return tracer == null ? List.of() : tracer.finish(jedis, arrivals.startNanos(), startEpochMs);
    }

    /** Ms from the start until the first buyer was told the stock was gone, or -1 when none was. */
    long soldOutMs() {
        long at = outcomes.soldOutNanos();
        return at == 0 ? -1 : (at - arrivals.startNanos()) / 1_000_000;
    }

    /** True when users do not all arrive at once: a spread or a pace decides when each may begin. */
    boolean arrivalsWait() {
        return arrivals.staggered();
    }

    /**
     * When the user of that index may begin, asked at {@code now}: {@code now} (or earlier) to begin at once, else
     * when to ask again ({@link Arrivals#admitAt}).
     */
    long admitAt(long index, long now) {
        return arrivals.admitAt(index, now);
    }

    /**
     * Books one attempt that began at {@code t0} (on {@link System#nanoTime}): its time and its outcome; true when
     * the user is done. Every attempt that gets an answer passes here, on either engine.
     */
    boolean settle(Turn turn, long t0, Outcome outcome) {
        long now = System.nanoTime();
        metrics.attempt(now - t0);
        if (turn.log != null) {
            turn.log.add(turn.index, ++turn.tries, outcome.ordinal(), t0, now);
        }
        boolean done = outcomes.book(turn, outcome);
        if (done) {
            arrivals.leftPlay(turn);
        }
        return done;
    }

    /** The users told they won, so far. */
    List<String> acknowledged() {
        return winners.acknowledged();
    }

    /**
     * Books an attempt begun at {@code t0} that failed: returns how many ms the user waits before trying again on a
     * fresh connection, or -1 when the run ends instead (an error that is not the connection's, or Redis away
     * longer than {@code --redis-timeout}). Every attempt without an answer passes here, on either engine.
     */
    long fault(Turn turn, long t0, RuntimeException e) {
        long now = System.nanoTime();
        // counted, but out of the latency: a failed connect or a cut call is no round trip Redis answered
        metrics.failedAttempt();
        if (turn.log != null) {
            int outcome = RedisErrors.isConnectionProblem(e) ? AttemptLog.LOST : AttemptLog.ERROR;
            turn.log.add(turn.index, ++turn.tries, outcome, t0, now);
        }
        if (turn.trace != null) {
            turn.trace.faulted(e);
        }
        long delay = faults.delay(turn, e);
        if (delay < 0) {
            arrivals.leftPlay(turn);
        }
        return delay;
    }

    /** How long one call may wait for its reply: {@code --redis-timeout}. */
    long callLimitNanos() {
        return faults.callLimitNanos();
    }

    /** A call waited longer than {@code --redis-timeout}: the run ends with an error. */
    void callTimedOut() {
        faults.callTimedOut();
    }

    /**
     * A user left before finishing, because the run was stopped or Redis was lost: after a lost reply, whether the
     * user got an item is not known.
     */
    void abandoned(Turn turn) {
        arrivals.leftPlay(turn);
        if (turn.afterFault) {
            metrics.userUnknown();
        }
    }

    /** Ends the run with an error; the first problem is the one reported. */
    void fail(Problem problem) {
        end.fail(problem);
    }

    /** Asks the run to end; the buyers finish the attempt they are in and leave. */
    void stop() {
        end.stop();
    }

    /** Ends the run for that reason unless it has ended already. */
    void end(EndReason reason) {
        end.end(reason);
    }

    boolean hasEnded() {
        return end.hasEnded();
    }

    /** True once a user who faulted is no longer played: the run was stopped or lost Redis ({@link RunEnd}). */
    boolean isAbandoned() {
        return end.isAbandoned();
    }

    EndReason endedBy() {
        return end.reason();
    }

    Problem error() {
        return end.error();
    }

    /** Buyers (threads, or the loop's connections) joining (+) or leaving (-) play. */
    void activeChanged(int delta) {
        active.addAndGet(delta);
    }

    int active() {
        return active.get();
    }
}
