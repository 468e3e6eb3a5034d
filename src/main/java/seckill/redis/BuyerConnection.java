package seckill.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * One buyer's connection, of its own and outside any pool, for a caller that watches its calls and cuts the ones
 * that last too long (the simulation's watchdog). Its reads wait without a socket timeout: a socket with a read
 * timeout is switched to non-blocking mode by the JDK and pays a poll and a failed read on every reply, about a
 * tenth of the client's CPU in a sale of 200 threads. {@link #cut()} is what keeps such a read from waiting forever.
 *
 * <p>One thread uses it ({@link #jedis()}, {@link #close()}); any thread may {@link #cut()} it.
 */
public final class BuyerConnection implements AutoCloseable {
    private final OwnedSocketFactory sockets;
    private final JedisClientConfig config;
    private Jedis jedis;

    BuyerConnection(HostAndPort address, JedisClientConfig config) {
        this.sockets = new OwnedSocketFactory(address, config);
        this.config = config;
    }

    /**
     * The connection, opened on the first call (connected, authenticated, named, on its database), so that a cut
     * reaches it while it is still being greeted.
     *
     * @throws redis.clients.jedis.exceptions.JedisConnectionException when it cannot be opened, or was cut
     */
    public Jedis jedis() {
        if (jedis == null) {
            jedis = new Jedis(sockets, config);
        }
        return jedis;
    }

    /**
     * Waits until {@code replicas} replicas hold every write made on this connection ({@code WAIT}).
     *
     * @throws JedisConnectionException when fewer confirmed within {@code timeoutMs}: whether the write survives a
     *                                  failover is then not known, and the caller treats it as a lost reply
     */
    public void awaitReplicas(int replicas, long timeoutMs) {
        long confirmed = jedis().waitReplicas(replicas, timeoutMs);
        if (confirmed < replicas) {
            throw new JedisConnectionException("WAIT: " + confirmed + " of " + replicas + " replica(s) confirmed "
                    + "within " + timeoutMs + " ms (see --wait-replicas)");
        }
    }

    /**
     * Closes the socket from any thread without flushing, waking the thread blocked reading from it (its call
     * fails as a connection fault). A cut connection stays cut: close it and open another.
     */
    public void cut() {
        sockets.cut();
    }

    /** Closes the connection; one that is broken or cut simply goes. */
    @Override
    public void close() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException ignored) {
                // a broken connection may fail to close; its socket is closed below either way
            }
        }
        sockets.cut();
    }
}
