package seckill.redis;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;
import seckill.util.Problem;

/**
 * An open connection pool to one Redis server (on a cluster, one per node: {@link ConnectionPool}), sized for the
 * simulation's thread pool plus the readers, the calls made on it, where they go ({@link ServerRoute}), and the
 * maker of the buyers' own connections ({@link #newBuyer()}). Closing it closes the pool and, when it owns one,
 * stops the embedded server.
 */
public final class RedisConnection implements AutoCloseable {
    /** Connections beyond the thread pool: the poller, the audit, the UI's one-off reads. */
    public static final int READERS = 4;

    private final RedisTarget target;
    private final ConnectionPool pool;
    private final ServerRoute route;
    private final EmbeddedRedis embedded;
    private final String serverVersion;
    private final Duration timeout;
    private final JedisClientConfig clientConfig;
    private final JedisClientConfig buyerConfig;

    /** @param seeds on a cluster, the nodes to learn the slot map from; null on a single server */
    private RedisConnection(RedisTarget target, EmbeddedRedis embedded, String serverVersion, Duration timeout,
                            int connections, HostAndPort address, JedisClientConfig clientConfig,
                            JedisClientConfig buyerConfig, List<RedisTarget> seeds) {
        this.target = target;
        this.embedded = embedded;
        this.serverVersion = serverVersion;
        this.timeout = timeout;
        this.clientConfig = clientConfig;
        this.buyerConfig = buyerConfig;
        this.pool = new ConnectionPool(connections, timeout, address, clientConfig, seeds);
        this.route = new ServerRoute(address, pool.cluster());
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
        return open(target, connections, timeout, embedded, trust, List.of(target));
    }

    /** @param seeds on a cluster, the nodes to learn the slot map from (the target among them) */
    static RedisConnection open(RedisTarget target, int connections, Duration timeout, EmbeddedRedis embedded,
                                TlsTrust trust, List<RedisTarget> seeds) {
        JedisClientConfig config = ClientConfigs.pooled(target, timeout, trust);
        HostAndPort address = new HostAndPort(target.host(), target.port());
        // the first look goes around the pool: its validation would turn a refused password into a mute
        // "no connection", and the user needs to hear which it was
        String version;
        boolean clustered;
        try (Jedis probe = new Jedis(address, config)) {
            version = RedisErrors.versionOf(probe.info("server"));
            clustered = isClusterEnabled(probe.info("cluster"));
        } catch (RuntimeException e) {
            throw unavailable(target, embedded, e);
        }
        try {
            return new RedisConnection(target, embedded, version, timeout, connections, address, config,
                    ClientConfigs.buyer(target, timeout, trust), clustered ? seeds : null);
        } catch (RuntimeException e) {
            // the cluster's slot map could not be read
            throw unavailable(target, embedded, e);
        }
    }

    /** The server cannot be used: the embedded one this connection was to own is stopped. */
    private static RedisUnavailableException unavailable(RedisTarget target, EmbeddedRedis embedded,
                                                         RuntimeException e) {
        if (embedded != null) {
            embedded.close();
        }
        return new RedisUnavailableException(RedisErrors.describe(target, e), e);
    }

    /** {@code INFO cluster} says {@code cluster_enabled:1} on a node of a Redis Cluster. */
    static boolean isClusterEnabled(String info) {
        return info != null && info.lines().anyMatch(l -> l.trim().equals("cluster_enabled:1"));
    }

    /** How this pool's connections are made (credentials, TLS, timeouts), for a connection made outside it. */
    JedisClientConfig clientConfig() {
        return clientConfig;
    }

    /** A pooled connection; close it to give it back. */
    public Jedis borrow() {
        return pool.borrow();
    }

    /** True on a node of a Redis Cluster: every call then goes to the master of the slot {@link #aim}ed at. */
    public boolean isCluster() {
        return route.cluster() != null;
    }

    /**
     * On a cluster, sends every later call and buyer to the master that holds {@code key}'s slot (a sale's keys
     * share one, by their hash tag); on a single server nothing changes.
     */
    public void aim(String key) {
        route.aim(key);
    }

    /**
     * On a cluster, learns from a buyer's fault where its slot is now (MOVED, a master that died), so that the
     * next {@link #newBuyer()} reaches it; on a single server nothing changes.
     */
    public void reroute(Throwable fault) {
        route.learn(fault);
    }

    /**
     * On a cluster, {@code CLUSTER NODES} (every node, its role, flags and slots) as a node that answers sees it.
     *
     * @throws IllegalStateException on a single server
     */
    public String clusterNodes() {
        return requireCluster().clusterNodes();
    }

    /** On a cluster, one section of a node's INFO ({@code host:port} as CLUSTER NODES names it). */
    public String nodeInfo(String hostAndPort, String section) {
        return requireCluster().info(hostAndPort, section);
    }

    /** On a cluster, the slot the calls are aimed at (the sale's). */
    public int slot() {
        return requireCluster().slot();
    }

    private ClusterRoute requireCluster() {
        ClusterRoute cluster = route.cluster();
        if (cluster == null) {
            throw new IllegalStateException("not a Redis Cluster: " + target.masked());
        }
        return cluster;
    }

    /** Where a buyer's connection goes now: on a cluster the sale's master, else the server. */
    public InetSocketAddress ownerAddress() {
        return route.ownerAddress();
    }

    /** Where a buyer's connection for that key goes now: on a cluster the master of its slot, else the server. */
    public InetSocketAddress ownerAddress(String key) {
        return route.ownerAddress(key);
    }

    /** On a cluster, the master the calls go to now, as host:port; else the server's. */
    public String owner() {
        return hostAndPort(route.owner());
    }

    /** On a cluster, the master that holds that key's slot now, as host:port; else the server's. */
    public String owner(String key) {
        return hostAndPort(route.owner(key));
    }

    private static String hostAndPort(HostAndPort where) {
        return where.getHost() + ":" + where.getPort();
    }

    /**
     * A buyer's connection of its own, outside the pool, made like the pool's (credentials, TLS, database, name)
     * but with reads that wait without a timeout; it is opened on its first use. See {@link BuyerConnection}.
     */
    public BuyerConnection newBuyer() {
        return new BuyerConnection(route.owner(), buyerConfig);
    }

    /** A buyer's connection, as {@link #newBuyer()}, to the server at that address (a master's, on a cluster). */
    public BuyerConnection newBuyer(InetSocketAddress at) {
        return new BuyerConnection(new HostAndPort(at.getHostString(), at.getPort()), buyerConfig);
    }

    /**
     * Whether the server (on a cluster, the master aimed at) answers a {@code PING} on a fresh connection within
     * {@code limit}, however long this connection's timeouts are: null when it does, else what is wrong (a paused or
     * silent server: {@code did not answer in time}). A probe still waiting then is cut, so nothing is left behind.
     */
    public Problem unansweredWithin(Duration limit) {
        BuyerConnection probe = newBuyer();
        CompletableFuture<Problem> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (probe) {
                probe.jedis().ping();
                answer.complete(null);
            } catch (RuntimeException e) {
                answer.complete(RedisErrors.describe(target, e));
            }
        }, "seckill-redis-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return answer.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            probe.cut();
            return Problem.of(Problem.Kind.REDIS_NO_ANSWER, target.masked());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.cut();
            return Problem.of(Problem.Kind.REDIS_NO_ANSWER, target.masked());
        }
    }

    /** {@link #call(Duration, Function)} patient for as long as this connection's timeout. */
    public <T> T call(Function<Jedis, T> work) {
        return call(timeout, work);
    }

    /** {@link #callAt(String, Duration, Function)} patient for as long as this connection's timeout. */
    public <T> T callAt(String key, Function<Jedis, T> work) {
        return callAt(key, timeout, work);
    }

    /**
     * As {@link #call(Duration, Function)}, on a pooled connection to the server that holds {@code key}: on a
     * cluster the master of its slot (whichever slot the calls are aimed at), followed through MOVED and failovers
     * as {@code call} follows the aimed one; on a single server it is {@code call}.
     */
    public <T> T callAt(String key, Duration patience, Function<Jedis, T> work) {
        ClusterRoute cluster = route.cluster();
        if (cluster == null) {
            return call(patience, work);
        }
        int slot = ClusterRoute.slotOf(key);
        return call(() -> cluster.borrow(slot), patience, work);
    }

    /** {@link #callKeyed(Duration, Function)} patient for as long as this connection's timeout. */
    public <T> T callKeyed(Function<KeyedCalls, T> work) {
        return callKeyed(timeout, work);
    }

    /**
     * Work over keys that may live on several masters (a sale's buckets): on a single server all of it on one
     * pooled connection, run again as a whole after a connection fault; on a cluster each key's part on its
     * slot's master ({@link #callAt}), run again by itself. Either way {@code patience} as {@link #call}'s.
     */
    public <T> T callKeyed(Duration patience, Function<KeyedCalls, T> work) {
        if (!isCluster()) {
            return call(patience, jedis -> work.apply(KeyedCalls.on(jedis)));
        }
        return work.apply(new KeyedCalls() {
            @Override
            public <R> R at(String key, Function<Jedis, R> part) {
                return callAt(key, patience, part);
            }

            @Override
            public String where(String key) {
                return owner(key);
            }
        });
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
        return call(this::borrow, patience, work);
    }

    private <T> T call(Supplier<Jedis> borrowing, Duration patience, Function<Jedis, T> work) {
        long giveUpAt = 0;
        for (int streak = 0; ; streak++) {
            try (Jedis jedis = borrowing.get()) {
                return work.apply(jedis);
            } catch (JedisException e) {
                reroute(e);
                if (!RedisErrors.isConnectionProblem(e)) {
                    throw new RedisUnavailableException(RedisErrors.describe(target, e), e);
                }
                long now = System.nanoTime();
                if (streak == 0) {
                    giveUpAt = now + patience.toNanos();
                }
                if (now - giveUpAt >= 0 || Thread.currentThread().isInterrupted()) {
                    throw new RedisUnavailableException(patience.isZero() ? RedisErrors.describe(target, e)
                            : RedisErrors.lostFor(target, e, patience.toSeconds()), e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Backoff.delayMillis(streak)));
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

    /** A line for status bars and logs, password masked. */
    public String describe() {
        return target.masked() + " (Redis " + serverVersion + (isEmbedded() ? ", embedded" : "")
                + (isCluster() ? ", cluster" : "") + ")";
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
