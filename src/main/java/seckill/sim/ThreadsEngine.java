package seckill.sim;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import seckill.redis.BuyerConnection;
import seckill.redis.RedisConnection;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;

/**
 * The tutorial's model: a {@link ThreadPoolExecutor} of {@code pool} threads, each playing one user after another
 * on a connection of its own and blocking on it for every reply. The threads gather at a gate first, so the first
 * users really do arrive at once, as in the tutorial; a {@link Watchdog} keeps {@code --redis-timeout}.
 */
final class ThreadsEngine implements Engine {
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final PurchaseStrategy strategy;
    private final RedisConnection redis;
    /** Null when every buyer speaks to one server (or master); else where each user's attempts go. */
    private final BuyerRoutes routes;
    private final ThreadFactory threads;

    /**
     * @param routes  where each user's attempts go, or null when all go where the connection is aimed
     * @param threads makes the pool's threads
     */
    ThreadsEngine(PurchaseStrategy strategy, RedisConnection redis, BuyerRoutes routes, ThreadFactory threads) {
        this.strategy = strategy;
        this.redis = redis;
        this.routes = routes;
        this.threads = threads;
    }

    @Override
    public void play(BuyerRules rules) {
        int workers = rules.config().workers();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        Watchdog watchdog = new Watchdog(rules, workers);
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            Buyer buyer = new Buyer(rules, watchdog, i);
            executor.execute(() -> buyer.work(ready, go));
        }
        Waits.await(ready);
        // all threads stand at the gate
        rules.start();
        Thread watching = watchdog.start();
        go.countDown();
        executor.shutdown();
        Waits.uninterruptibly(() -> executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        watching.interrupt();
    }

    /**
     * One pool thread: its slot in the watchdog's view, and its connection, kept until it fails. With routes, its
     * connection to each master it has reached: the one in use, and the others parked until a user needs them.
     */
    private final class Buyer {
        private final BuyerRules rules;
        private final Watchdog watchdog;
        private final int slot;
        private BuyerConnection connection;
        /** With routes: where {@link #connection} goes, and the connections parked, by where they go. */
        private InetSocketAddress at;
        private final Map<InetSocketAddress, BuyerConnection> parked = new HashMap<>();

        Buyer(BuyerRules rules, Watchdog watchdog, int slot) {
            this.rules = rules;
            this.watchdog = watchdog;
            this.slot = slot;
        }

        void work(CountDownLatch ready, CountDownLatch go) {
            rules.activeChanged(1);
            ready.countDown();
            try {
                Waits.await(go);
                boolean waits = rules.arrivalsWait();
                while (true) {
                    long index = rules.takeUser();
                    if (index < 0) {
                        break;
                    }
                    if (waits && !arrive(index)) {
                        break;
                    }
                    play(rules.newTurn(index));
                }
            } catch (OutOfMemoryError e) {
                // the run ends naming the limit, and every buyer leaves, instead of this one dying alone
                rules.fail(HeapGuard.outOfMemory(rules.config().pool()));
            } finally {
                discard();
                parked.values().forEach(BuyerConnection::close);
                rules.activeChanged(-1);
            }
        }

        /** One user: a try, more after conflicts up to the retries, and retries after connection faults. */
        private void play(Turn turn) {
            rules.arrives(turn);
            while (true) {
                if (turn.afterFault && rules.isAbandoned()) {
                    rules.abandoned(turn);
                    return;
                }
                long t0 = System.nanoTime();
                Outcome outcome;
                try {
                    watchdog.callBegins(slot, t0);
                    if (routes != null) {
                        route(routes.address(turn.userId));
                    }
                    if (connection == null) {
                        connection = routes == null ? redis.newBuyer() : redis.newBuyer(at);
                        watchdog.connection(slot, connection);
                    }
                    outcome = turn.observed ? strategy.buy(connection.jedis(), turn.userId, turn)
                            : strategy.buy(connection.jedis(), turn.userId);
                    if (rules.config().waitReplicas() > 0 && outcome.holdsItem()) {
                        // the user hears of the win only once that many replicas hold it
                        connection.awaitReplicas(rules.config().waitReplicas(),
                                Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(rules.callLimitNanos()) / 2));
                    }
                    watchdog.callEnds(slot);
                } catch (RuntimeException e) {
                    watchdog.callEnds(slot);
                    // on a cluster a MOVED or a lost master tells where the sale's slot is now
                    redis.reroute(e);
                    long delayMs = rules.fault(turn, t0, e);
                    discard();
                    if (delayMs < 0) {
                        return;
                    }
                    backoff(delayMs);
                    continue;
                }
                if (rules.settle(turn, t0, outcome)) {
                    return;
                }
            }
        }

        /** The next call goes to that master: on the connection parked there, if any, else on a new one. */
        private void route(InetSocketAddress to) {
            if (connection != null && to.equals(at)) {
                return;
            }
            if (connection != null) {
                parked.put(at, connection);
            }
            at = to;
            connection = parked.remove(to);
            if (connection != null) {
                watchdog.connection(slot, connection);
            }
        }

        private void discard() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }

        /** Waits out a backoff, cut short by a stop. */
        private void backoff(long ms) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
            while (!rules.isAbandoned() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), MAX_PARK_NANOS));
            }
        }

        /** Waits until the user may begin (its arrival, or its wave under a pace); false when the run ended. */
        private boolean arrive(long index) {
            while (true) {
                long now = System.nanoTime();
                long at = rules.admitAt(index, now);
                if (at - now <= 0) {
                    return true;
                }
                if (!parkUntil(at)) {
                    return false;
                }
            }
        }

        /** Waits until the deadline in short slices; false when the run ended meanwhile. */
        private boolean parkUntil(long deadlineNanos) {
            while (true) {
                if (rules.hasEnded()) {
                    return false;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                LockSupport.parkNanos(Math.min(left, MAX_PARK_NANOS));
            }
        }
    }
}
