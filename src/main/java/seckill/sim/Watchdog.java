package seckill.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import seckill.redis.BuyerConnection;

/**
 * Keeps {@code --redis-timeout} for the threads engine. The buyers' connections wait for replies without a socket
 * timeout (cheaper per reply), so this thread keeps the limit instead: a call that has waited longer than
 * {@code --redis-timeout} ends the run, and once the run has been abandoned (stopped, or Redis lost) a call still
 * waiting after a second has its connection cut, so every buyer is released even from a server that accepts and
 * never answers.
 */
final class Watchdog {
    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final BuyerRules rules;
    /** Per buyer: when its current Redis call began (0: not in a call), and on which connection. */
    private final AtomicLongArray callSince;
    private final AtomicReferenceArray<BuyerConnection> connections;

    Watchdog(BuyerRules rules, int buyers) {
        this.rules = rules;
        this.callSince = new AtomicLongArray(buyers);
        this.connections = new AtomicReferenceArray<>(buyers);
    }

    /** The buyer in that slot began a call at {@code t0} (on {@link System#nanoTime}). */
    void callBegins(int slot, long t0) {
        callSince.set(slot, t0);
    }

    void callEnds(int slot) {
        callSince.set(slot, 0);
    }

    /** The connection the buyer in that slot calls on from now on. */
    void connection(int slot, BuyerConnection connection) {
        connections.set(slot, connection);
    }

    /** Starts watching on a daemon thread of its own; interrupt it to stop. */
    Thread start() {
        Thread thread = new Thread(this::watch, "seckill-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void watch() {
        long limit = rules.callLimitNanos();
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(EVERY_NANOS);
            long now = System.nanoTime();
            for (int i = 0; i < callSince.length(); i++) {
                long since = callSince.get(i);
                if (since == 0) {
                    continue;
                }
                long waited = now - since;
                if (waited > limit) {
                    rules.callTimedOut();
                }
                if (waited > limit || (rules.isAbandoned() && waited > BuyerRules.CUT_AFTER_END_NANOS)) {
                    BuyerConnection connection = connections.get(i);
                    if (connection != null) {
                        connection.cut();
                    }
                }
            }
        }
    }
}
