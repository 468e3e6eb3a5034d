package seckill.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * An open connection pool to one Redis server, sized for the simulation's thread pool plus the readers.
 * Closing it closes the pool and, when it owns one, stops the embedded server.
 */
public final class RedisConnection implements AutoCloseable {
    /** Connections beyond the thread pool: the poller, the audit, the UI's one-off reads. */
    public static final int READERS = 4;

    private final RedisTarget target;
    private final JedisPool pool;
    private final EmbeddedRedis embedded;
    private final String serverVersion;
    private final Duration timeout;
    private JedisClientConfig clientConfig;

    private RedisConnection(RedisTarget target, JedisPool pool, EmbeddedRedis embedded, String serverVersion,
                            Duration timeout) {
        this.target = target;
        this.pool = pool;
        this.embedded = embedded;
        this.serverVersion = serverVersion;
        this.timeout = timeout;
    }

    /**
     * Opens a pool and checks the server at once (reachable, authenticated), reading its version.
     *
     * @param connections the most connections the pool hands out at once
     * @param timeout     how long to wait for a connection, a reply or a free pooled connection
     * @param embedded    the embedded server this connection owns, or null
     */
    public static RedisConnection open(RedisTarget target, int connections, Duration timeout, EmbeddedRedis embedded) {
        return open(target, connections, timeout, embedded, TlsTrust.jvmDefault());
    }

    /** @param trust whom a {@code rediss://} target is trusted by; unused for {@code redis://} */
    public static RedisConnection open(RedisTarget target, int connections, Duration timeout, EmbeddedRedis embedded,
                                       TlsTrust trust) {
        JedisClientConfig config = clientConfig(target, timeout, trust);
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(connections);
        poolConfig.setMaxIdle(connections);
        poolConfig.setMinIdle(0);
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setMaxWait(timeout);
        poolConfig.setJmxEnabled(false);
        // a connection that was idle in the pool may have been killed by the server (CLIENT KILL, a restart, a
        // timeout) without anyone noticing: a PING on borrowing hands out only live ones, and borrowing is rare
        // (each thread keeps its connection until it fails)
        poolConfig.setTestOnBorrow(true);
        HostAndPort address = new HostAndPort(target.host(), target.port());
        // the first look goes around the pool: its validation would turn a refused password into a mute
        // "no connection", and the user needs to hear which it was
        String version;
        try (Jedis probe = new Jedis(address, config)) {
            version = RedisErrors.versionOf(probe.info("server"));
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw new RedisUnavailableException(RedisErrors.describe(target, e), e);
        }
        RedisConnection connection = new RedisConnection(target, new JedisPool(poolConfig, address, config), embedded,
                version, timeout);
        connection.clientConfig = config;
        return connection;
    }

    static JedisClientConfig clientConfig(RedisTarget target, Duration timeout, TlsTrust trust) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        // a socket timeout shorter than the overall limit lets a paused or half-dead server be noticed and
        // retried on a fresh connection while there is still time left
        int socketMillis = Integer.getInteger("seckill.socketTimeoutMs", Math.max(250, Math.min(millis, 2_000)));
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.max(250, Math.min(millis, 2_000)))
                .socketTimeoutMillis(socketMillis)
                .blockingSocketTimeoutMillis(socketMillis)
                .database(target.database())
                .clientName("seckill-lab")
                .ssl(target.tls());
        if (target.tls()) {
            builder.sslParameters(trust.parameters());
            if (trust.socketFactory() != null) {
                builder.sslSocketFactory(trust.socketFactory());
            }
        }
        if (target.user() != null) {
            builder.user(target.user());
        }
        if (target.password() != null) {
            builder.password(target.password());
        }
        return builder.build();
    }

    /** How this pool's connections are made (credentials, TLS, timeouts), for a connection made outside it. */
    JedisClientConfig clientConfig() {
        return clientConfig;
    }

    /** A pooled connection; close it to give it back. */
    public Jedis borrow() {
        return pool.getResource();
    }

    /** {@link #call(Duration, Function)} patient for as long as this connection's timeout. */
    public <T> T call(Function<Jedis, T> work) {
        return call(timeout, work);
    }

    /**
     * Runs work on a pooled connection. After a connection fault (killed, timed out, paused or loading server)
     * it runs it again on a fresh connection, with backoff, until {@code patience} has passed since the first
     * fault. So the work must be safe to run twice: reads, or writes whose repetition changes nothing.
     *
     * @param patience how long the server may stay away; zero for one try
     * @throws RedisUnavailableException for every Redis error that remains, as one line without the password
     */
    public <T> T call(Duration patience, Function<Jedis, T> work) {
        long firstFault = 0;
        int streak = 0;
        while (true) {
            try (Jedis jedis = pool.getResource()) {
                return work.apply(jedis);
            } catch (JedisException e) {
                long now = System.nanoTime();
                if (firstFault == 0) {
                    firstFault = now;
                }
                boolean outOfPatience = now - firstFault >= patience.toNanos() || Thread.currentThread()
                        .isInterrupted();
                if (!RedisErrors.isConnectionProblem(e)) {
                    throw new RedisUnavailableException(RedisErrors.describe(target, e), e);
                }
                if (outOfPatience) {
                    throw new RedisUnavailableException(patience.isZero() ? RedisErrors.describe(target, e)
                            : RedisErrors.lostFor(target, e, patience.toSeconds()), e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Backoff.delayMillis(streak++)));
            }
        }
    }

    public RedisTarget target() {
        return target;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Optional<EmbeddedRedis> embedded() {
        return Optional.ofNullable(embedded);
    }

    public Duration timeout() {
        return timeout;
    }

    /** A line for status bars and logs, password masked. */
    public String describe() {
        return target.masked() + " (Redis " + serverVersion + (isEmbedded() ? ", embedded" : "") + ")";
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
