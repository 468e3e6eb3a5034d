package seckill.faults;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;
import seckill.redis.PrivateRedis;

/**
 * The fault: a thread that kills every normal client connection of a private server ({@code CLIENT KILL TYPE
 * normal}, sparing its own) at random intervals, so that some cuts land between a command's arrival at the server
 * and its reply's arrival at the client.
 */
final class ConnectionKiller implements AutoCloseable {
    private final PrivateRedis server;
    private final long minGapMs;
    private final long maxGapMs;
    private final AtomicLong killed = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    ConnectionKiller(PrivateRedis server, long minGapMs, long maxGapMs) {
        this.server = server;
        this.minGapMs = minGapMs;
        this.maxGapMs = maxGapMs;
        this.thread = new Thread(this::killUntilStopped, "connection-killer");
        thread.setDaemon(true);
    }

    ConnectionKiller start() {
        thread.start();
        return this;
    }

    private void killUntilStopped() {
        ClientKillParams everyNormalClient = ClientKillParams.clientKillParams().type(ClientType.NORMAL)
                .skipMe(ClientKillParams.SkipMe.YES);
        Jedis admin = null;
        while (!stopped) {
            try {
                if (admin == null) {
                    admin = server.admin();
                }
                killed.addAndGet(admin.clientKill(everyNormalClient));
                rounds.incrementAndGet();
            } catch (RuntimeException e) {
                // the killer's own connection is spared, but the server may be down for another fault
                if (admin != null) {
                    admin.close();
                }
                admin = null;
            }
            // the random gap is the fault's shape, not a synchronisation
            long gap = ThreadLocalRandom.current().nextLong(minGapMs, maxGapMs + 1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(gap));
        }
        if (admin != null) {
            admin.close();
        }
    }

    /** Connections killed so far. */
    long killed() {
        return killed.get();
    }

    long rounds() {
        return rounds.get();
    }

    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
