package seckill.redis;

import redis.clients.jedis.Jedis;

/**
 * One connection made like a pool's but outside it, whose bytes and round trips are counted
 * ({@link CountingSocketFactory}): what a reader's work (the dashboard's poller) costs, measured without relying on
 * the server's global counters, which every other client moves too.
 */
public final class CountedConnection implements AutoCloseable {
    private final CountingSocketFactory counter;
    private final Jedis jedis;
    private final KeyedCalls calls;

    /** Connects like the given pool's connections (same server, credentials, TLS and timeouts). */
    public CountedConnection(RedisConnection like) {
        this.counter = new CountingSocketFactory(like);
        this.jedis = counter.connect();
        this.calls = KeyedCalls.on(jedis);
    }

    /** Every key on this one connection (one server). */
    public KeyedCalls calls() {
        return calls;
    }

    public long bytesIn() {
        return counter.bytesIn();
    }

    public long bytesOut() {
        return counter.bytesOut();
    }

    /** Times the client turned from sending to reading ({@link CountingSocketFactory#roundTrips}). */
    public long roundTrips() {
        return counter.roundTrips();
    }

    @Override
    public void close() {
        jedis.close();
    }
}
