package seckill.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.LPosParams;
import seckill.redis.BuyerConnection;
import seckill.redis.RedisConnection;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;

/**
 * Buyers played by people (a class's phones): each tap is one attempt through the sale's own strategy, on
 * connections of this object's own, booked by the same {@link BuyerRules} as the simulated users: one item per user,
 * never past the stock, the arrival line, the metrics, the acknowledged wins checked after the run. A person's user
 * is played like a simulated one with endless retries: a conflict only asks for another tap, a win, a sold-out or a
 * closed sale is the person's last answer. Taps before the sale opens are {@link Tap#NOT_OPEN}; after it has
 * ended, its end's answer. Safe for any number of callers; one person's taps are played one at a time.
 */
public final class HumanBuyers {
    /** Connections kept for taps at once; more taps wait for one. */
    static final int CONNECTIONS = 16;

    /** What a tap came to. */
    public enum Tap { WON, SOLD_OUT, CLOSED, NOT_OPEN, ALREADY_WON, CONFLICT, ERROR }

    /**
     * One tap's answer.
     *
     * @param tap  what it came to
     * @param rank the item the user holds (its place in {@code kill_user}, from 1) when {@link Tap#WON} or
     *             {@link Tap#ALREADY_WON} and known, else -1
     */
    public record Answer(Tap tap, long rank) {
        static Answer of(Tap tap) {
            return new Answer(tap, -1);
        }
    }

    /** People in this sale and the people of it who won, for its result. */
    public record Count(long joined, long won) {
        public static final Count NONE = new Count(0, 0);
    }

    private final SimulationConfig config;
    private final RedisConnection redis;
    private final PurchaseStrategy strategy;
    private final BuyerRoutes routes;
    private final BuyerRules rules;
    private final SaleBuckets buckets;
    private final Set<String> roster = ConcurrentHashMap.newKeySet();
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final AtomicLong nextIndex;
    private final AtomicLong won = new AtomicLong();
    private final Queue<BuyerConnection> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore connections = new Semaphore(CONNECTIONS);
    /** Taps hold it shared; the run's end takes it whole, so that no tap is in flight when the sale is read. */
    private final ReadWriteLock playing = new ReentrantReadWriteLock();
    private volatile boolean finished;

    HumanBuyers(SimulationConfig config, RedisConnection redis, PurchaseStrategy strategy, BuyerRoutes routes,
                BuyerRules rules, SaleBuckets buckets) {
        this.config = config;
        this.redis = redis;
        this.strategy = strategy;
        this.routes = routes;
        this.rules = rules;
        this.buckets = buckets;
        this.nextIndex = new AtomicLong(config.users());
    }

    /** One person and its user in play; its taps are played one at a time. */
    private static final class Person {
        final Turn turn;
        /** The last answer once it is final (a win, sold out, closed), else null. */
        Answer last;

        Person(Turn turn) {
            this.turn = turn;
        }

        /** The last answer told again: a win is {@link Tap#ALREADY_WON} the second time. */
        Answer again() {
            return last.tap() == Tap.WON ? new Answer(Tap.ALREADY_WON, last.rank()) : last;
        }
    }

    /** A person is in the sale from now on (counted as joined), whether it taps or not. */
    public void admit(String userId) {
        roster.add(userId);
    }

    /** True once the first users may arrive, and until the run ends. */
    public boolean isOpen() {
        return rules.started() && !rules.hasEnded();
    }

    /** True once the run has ended (its result being made, or made). */
    public boolean hasEnded() {
        return rules.hasEnded();
    }

    /** People admitted, and those of them told they won. */
    public Count count() {
        return new Count(roster.size(), won.get());
    }

    /**
     * One tap by that user: an attempt through the sale's strategy, unless the sale is not open yet, has ended, or
     * has already given the user its last answer. Blocks on Redis for at most {@code --redis-timeout}.
     */
    public Answer tap(String userId) {
        if (!rules.started()) {
            return Answer.of(Tap.NOT_OPEN);
        }
        admit(userId);
        Person person = people.computeIfAbsent(userId,
                id -> new Person(new Turn(id, nextIndex.getAndIncrement(), Integer.MAX_VALUE)));
        if (!playing.readLock().tryLock()) {
            return ended(person);
        }
        try {
            synchronized (person) {
                if (person.last != null) {
                    return person.again();
                }
                if (finished || rules.hasEnded()) {
                    return ended(person);
                }
                return play(person);
            }
        } finally {
            playing.readLock().unlock();
        }
    }

    private Answer play(Person person) {
        Turn turn = person.turn;
        rules.arrives(turn);
        long t0 = System.nanoTime();
        BuyerConnection connection = null;
        Outcome outcome;
        long rank = -1;
        try {
            connection = borrow(turn.userId);
            outcome = strategy.buy(connection.jedis(), turn.userId);
            if (outcome.holdsItem()) {
                rank = rank(connection.jedis(), turn.userId);
            }
        } catch (RuntimeException e) {
            giveBack(connection, false);
            redis.reroute(e);
            rules.fault(turn, t0, e);
            return Answer.of(Tap.ERROR);
        }
        giveBack(connection, true);
        boolean done = rules.settle(turn, t0, outcome);
        Answer answer = new Answer(tap(outcome), rank);
        if (outcome == Outcome.WON || outcome == Outcome.WON_STRANDED) {
            won.incrementAndGet();
        }
        if (done && outcome != Outcome.CONFLICT) {
            // a conflict as the run ends is no last answer: the next tap hears how the run ended
            person.last = answer;
        }
        return answer;
    }

    private static Tap tap(Outcome outcome) {
        return switch (outcome) {
            case WON, WON_STRANDED -> Tap.WON;
            case SOLD_OUT -> Tap.SOLD_OUT;
            case CLOSED -> Tap.CLOSED;
            case ALREADY_WON -> Tap.ALREADY_WON;
            case CONFLICT -> Tap.CONFLICT;
        };
    }

    /** The answer of a run that has ended: its last answer to this person, else sold out or closed. */
    private Answer ended(Person person) {
        synchronized (person) {
            if (person.last != null) {
                return person.again();
            }
        }
        return Answer.of(rules.endedBy() == EndReason.SOLD_OUT ? Tap.SOLD_OUT : Tap.CLOSED);
    }

    /** The user's place in its bucket's {@code kill_user}, from 1 (searched from the newest), or -1. */
    private long rank(Jedis jedis, String userId) {
        SaleKeys keys = buckets.keys().get(SaleKeys.bucketOf(userId, buckets.size()));
        Long at = jedis.lpos(keys.user(), userId, LPosParams.lPosParams().rank(-1));
        return at == null ? -1 : at + 1;
    }

    private BuyerConnection borrow(String userId) {
        connections.acquireUninterruptibly();
        try {
            if (routes != null) {
                return redis.newBuyer(routes.address(userId));
            }
            BuyerConnection c = idle.poll();
            return c != null ? c : redis.newBuyer();
        } catch (RuntimeException e) {
            connections.release();
            throw e;
        }
    }

    /** Puts a connection back for the next tap, or closes it (failed, routed, or the run over). */
    private void giveBack(BuyerConnection connection, boolean healthy) {
        if (connection == null) {
            return;
        }
        if (healthy && routes == null && !finished) {
            idle.add(connection);
        } else {
            connection.close();
        }
        connections.release();
    }

    /**
     * The sale as Redis holds it now (summed over its buckets), or null when Redis cannot be read at once. One
     * round trip on the pool's readers; what a class's screen shows a few times a second.
     */
    public SaleState read() {
        try {
            return SaleBuckets.sum(redis.callKeyed(Duration.ZERO, buckets::read));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The run has ended: waits for the taps in flight, then closes the connections; later taps get the end. */
    void finish() {
        playing.writeLock().lock();
        try {
            finished = true;
        } finally {
            playing.writeLock().unlock();
        }
        BuyerConnection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }
}
