package seckill.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.Jedis;
import seckill.metrics.MetricsSnapshot;
import seckill.metrics.SaleMetrics;
import seckill.redis.Backoff;
import seckill.redis.RedisConnection;
import seckill.redis.RedisErrors;
import seckill.redis.RedisUnavailableException;
import seckill.sale.AuditResult;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.sale.Sale;
import seckill.sale.SaleAudit;
import seckill.sale.SaleKeyException;
import seckill.sale.SaleReader;
import seckill.sale.SaleState;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * One flash sale: {@code pool} buyers at a time, each on a connection of its own, play {@code users} users
 * against Redis; a {@link ThreadPoolExecutor} of {@code pool} threads (as the tutorial) or, with
 * {@link EngineKind#LOOP}, one event-loop thread.
 *
 * <p>Each buyer takes the next user index from a counter, so no task per user is ever held (memory is flat in
 * the number of users). A run ends when the stock is gone, the flag has expired, every user is done, a stop is
 * asked, or Redis stays away longer than the configured limit.
 */
public final class Simulation {
    /** Where a run is. */
    public enum Phase { READY, RUNNING, FINISHED }

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SimulationConfig config;
    private final RedisConnection redis;
    private final SaleMetrics metrics = new SaleMetrics();
    private final PurchaseStrategy strategy;
    private final UserIds ids;
    private final AtomicLong nextUser = new AtomicLong();
    private final AtomicReference<EndReason> endedBy = new AtomicReference<>();
    private final AtomicReference<Problem> error = new AtomicReference<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger slots = new AtomicInteger();
    /** Per worker: when its current Redis call began (0: not in a call), and on which connection. */
    private final AtomicLongArray callSince;
    private final AtomicReferenceArray<Jedis> inCall;
    private volatile Phase phase = Phase.READY;
    private volatile long startNanos;

    /**
     * @throws IllegalArgumentException when the loop engine is asked to speak TLS, which it does not
     */
    public Simulation(SimulationConfig config, RedisConnection redis) {
        config.engine().checkCanReach(redis.target());
        this.config = config;
        this.redis = redis;
        this.strategy = config.strategy().create(config.keys(), config.naiveGapMs());
        this.ids = new UserIds(config.seed());
        this.callSince = new AtomicLongArray(config.workers());
        this.inCall = new AtomicReferenceArray<>(config.workers());
    }

    public SimulationConfig config() {
        return config;
    }

    public SaleMetrics metrics() {
        return metrics;
    }

    public Phase phase() {
        return phase;
    }

    /** Threads (or, in the loop engine, connections) still playing users. */
    public int activeThreads() {
        return active.get();
    }

    /** The loop engine counts its buyers' connections here, as the threads count themselves. */
    void activeChanged(int delta) {
        active.addAndGet(delta);
    }

    /** Asks the run to end; the threads finish the attempt they are in and leave. */
    public void stop() {
        endedBy.compareAndSet(null, EndReason.STOPPED);
    }

    /**
     * Opens the sale (or joins it), plays every user and audits the result. Blocks until done.
     *
     * @throws SaleKeyException          when joining a sale that is missing or whose keys have the wrong type
     * @throws RedisUnavailableException when Redis cannot be reached to open the sale
     */
    public SimulationResult run() {
        prepareSale();
        phase = Phase.RUNNING;
        if (config.engine() == EngineKind.LOOP) {
            playOnLoop();
        } else {
            playOnThreads();
        }
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
        endedBy.compareAndSet(null, EndReason.ALL_USERS_DONE);
        MetricsSnapshot last = metrics.sample();
        SaleState state = null;
        AuditResult audit = null;
        // a blip at the end is waited out like one during the sale; after Redis was already lost, one try only
        Duration patience = endedBy.get() == EndReason.ERROR ? Duration.ZERO : redisTimeout();
        try {
            state = redis.call(patience, new SaleReader(config.keys())::read);
            audit = redis.call(patience, new SaleAudit(config.keys())::audit);
        } catch (RuntimeException e) {
            error.compareAndSet(null, e instanceof RedisUnavailableException u ? u.problem()
                    : RedisErrors.describe(redis.target(), e));
            endedBy.set(EndReason.ERROR);
        }
        phase = Phase.FINISHED;
        return new SimulationResult(config, endedBy.get(), last, elapsedMs, state, audit, error.get());
    }

    /**
     * The event loop runs on a thread of its own, named as the pool's are, so that whatever treats the buyers'
     * threads specially (the dashboard lowers their priority) finds it too.
     */
    private void playOnLoop() {
        LoopEngine loop = new LoopEngine(this, strategy, redis.target());
        Thread thread = new Thread(() -> {
            try {
                loop.play();
            } catch (RuntimeException e) {
                // a bug, not a fault of Redis's (those are the lanes' own): the run ends with it, in one line
                fail(Problem.of(Kind.LOOP_FAILED, RedisErrors.describe(redis.target(), e)));
            }
        }, "seckill-user-loop");
        startNanos = System.nanoTime();
        thread.start();
        uninterruptibly(thread::join);
    }

    /** The tutorial's model: a pool of threads, each playing one user after another on its own connection. */
    private void playOnThreads() {
        int workers = config.workers();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreads("seckill-user-"));
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            executor.execute(() -> work(ready, go));
        }
        awaitQuietly(ready);
        // all threads stand at the gate, so the first users really do arrive at once, as in the tutorial
        startNanos = System.nanoTime();
        Thread watchdog = new Thread(this::watch, "seckill-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        go.countDown();
        shutdownAndWait(executor);
        watchdog.interrupt();
    }

    private Duration redisTimeout() {
        return Duration.ofSeconds(config.redisTimeoutS());
    }

    /** Opens (or checks) the sale; safe to repeat after a lost reply, since no user has arrived yet. */
    private void prepareSale() {
        Sale sale = new Sale(config.keys());
        redis.call(redisTimeout(), jedis -> {
            if (config.join()) {
                List<Problem> wrong = sale.wrongTypes(jedis);
                if (!wrong.isEmpty()) {
                    throw new SaleKeyException(Problem.of(Kind.JOIN_WRONG_TYPES, wrong));
                }
                if (!sale.exists(jedis)) {
                    throw new SaleKeyException(Problem.of(Kind.JOIN_NO_SALE, config.prefix(), config.keys().total()));
                }
            } else {
                sale.open(jedis, config.stock(), config.durationS(), config.strategy());
            }
            strategy.prepare(jedis);
            return null;
        });
    }

    private void work(CountDownLatch ready, CountDownLatch go) {
        active.incrementAndGet();
        int slot = slots.getAndIncrement();
        ready.countDown();
        Jedis[] connection = new Jedis[1];
        try {
            awaitQuietly(go);
            while (true) {
                long index = takeUser();
                if (index < 0) {
                    break;
                }
                if (config.spreadMs() > 0 && !parkUntil(arrivalNanos(index))) {
                    break;
                }
                playUser(ids.id(index), connection, slot);
            }
        } finally {
            if (connection[0] != null) {
                connection[0].close();
            }
            active.decrementAndGet();
        }
    }

    /** The next user to play, or -1 when the run has ended or every user has been taken. */
    long takeUser() {
        if (endedBy.get() != null) {
            return -1;
        }
        long index = nextUser.getAndIncrement();
        return index < config.users() ? index : -1;
    }

    String userId(long index) {
        return ids.id(index);
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

    /** One user: a try, more after conflicts up to the retries, and transparent retries after connection faults. */
    private void playUser(String userId, Jedis[] connection, int slot) {
        Turn turn = newTurn(userId);
        while (true) {
            if (turn.afterFault && isAbandoned()) {
                return;
            }
            long t0 = System.nanoTime();
            Outcome outcome;
            try {
                callSince.set(slot, t0);
                if (connection[0] == null) {
                    connection[0] = redis.borrowUntimed();
                }
                inCall.set(slot, connection[0]);
                outcome = strategy.buy(connection[0], userId);
                callSince.set(slot, 0);
            } catch (RuntimeException e) {
                callSince.set(slot, 0);
                metrics.attempt(System.nanoTime() - t0);
                discard(connection);
                long delayMs = fault(turn, e);
                if (delayMs < 0) {
                    return;
                }
                backoff(delayMs);
                continue;
            }
            metrics.attempt(System.nanoTime() - t0);
            if (settle(turn, outcome)) {
                return;
            }
        }
    }

    /** One user in play: the tries left after conflicts, and the run of connection faults they are in. */
    static final class Turn {
        final String userId;
        int conflictsLeft;
        boolean afterFault;
        long faultSince;
        int faultStreak;

        Turn(String userId, int retries) {
            this.userId = userId;
            this.conflictsLeft = retries;
        }
    }

    Turn newTurn(String userId) {
        return new Turn(userId, config.retries());
    }

    /** Books the outcome of one attempt (whose time is already booked); true when the user is done. */
    boolean settle(Turn turn, Outcome outcome) {
        switch (outcome) {
            case WON -> {
                metrics.won();
                metrics.userDone(true);
                return true;
            }
            case ALREADY_WON -> {
                metrics.alreadyWon();
                // after a lost reply this is our own earlier attempt that did go through
                metrics.userDone(turn.afterFault);
                return true;
            }
            case SOLD_OUT -> {
                metrics.soldOut();
                metrics.userDone(false);
                endedBy.compareAndSet(null, EndReason.SOLD_OUT);
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

    /**
     * Books an attempt that failed (whose time is already booked): returns how many ms the user waits before
     * trying again on a fresh connection, or -1 when the run ends instead (an error that is not the
     * connection's, or Redis away longer than {@code --redis-timeout}).
     */
    long fault(Turn turn, RuntimeException e) {
        metrics.error();
        if (!RedisErrors.isConnectionProblem(e)) {
            fail(RedisErrors.describe(redis.target(), e));
            return -1;
        }
        long now = System.nanoTime();
        if (turn.faultSince == 0) {
            turn.faultSince = now;
        }
        if (now - turn.faultSince > TimeUnit.SECONDS.toNanos(config.redisTimeoutS())) {
            fail(RedisErrors.lostFor(redis.target(), e, config.redisTimeoutS()));
            return -1;
        }
        turn.afterFault = true;
        return Backoff.delayMillis(turn.faultStreak++);
    }

    /**
     * The workers' connections wait for replies without a socket timeout (cheaper per reply), so this thread
     * keeps the limit instead: a call that has waited longer than {@code --redis-timeout} ends the run, and once
     * the run has ended (stopped, or Redis lost) a call still waiting after a second has its connection cut, so
     * every thread is released even from a server that accepts and never answers.
     */
    private void watch() {
        long limit = TimeUnit.SECONDS.toNanos(config.redisTimeoutS());
        long afterEnd = TimeUnit.SECONDS.toNanos(1);
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            long now = System.nanoTime();
            for (int i = 0; i < callSince.length(); i++) {
                long since = callSince.get(i);
                if (since == 0) {
                    continue;
                }
                long waited = now - since;
                if (waited > limit) {
                    fail(Problem.of(Kind.REDIS_TIMED_OUT, redis.target().masked(), config.redisTimeoutS()));
                }
                if (waited > limit || (isAbandoned() && waited > afterEnd)) {
                    RedisConnection.cut(inCall.get(i));
                }
            }
        }
    }

    void fail(Problem problem) {
        error.compareAndSet(null, problem);
        endedBy.set(EndReason.ERROR);
    }

    private static void discard(Jedis[] connection) {
        if (connection[0] != null) {
            try {
                connection[0].close();
            } catch (RuntimeException ignored) {
                // a broken connection may fail to close; the pool drops it either way
            }
            connection[0] = null;
        }
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

    /** Waits out a backoff, cut short by a stop. */
    private void backoff(long ms) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!isAbandoned() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), MAX_PARK_NANOS));
        }
    }

    /** Waits until the deadline in short slices; false when the run ended meanwhile. */
    private boolean parkUntil(long deadlineNanos) {
        while (true) {
            if (endedBy.get() != null) {
                return false;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(left, MAX_PARK_NANOS));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        uninterruptibly(latch::await);
    }

    private interface Wait {
        void await() throws InterruptedException;
    }

    /** Waits to the end even when interrupted meanwhile, then keeps the interrupt for the caller. */
    private static void uninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shutdownAndWait(ExecutorService executor) {
        executor.shutdown();
        uninterruptibly(() -> executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
    }
}
