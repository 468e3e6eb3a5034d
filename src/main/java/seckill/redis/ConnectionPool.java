package seckill.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;

/**
 * The pooled connections of a {@link RedisConnection}: one pool on a single server; on a cluster, a pool per node,
 * kept by the {@link ClusterRoute} that knows which node holds which slot.
 */
final class ConnectionPool implements AutoCloseable {
    /** The pool on a single server; null on a cluster, where {@link #cluster} keeps a pool per node. */
    private final JedisPool pool;
    private final ClusterRoute cluster;

    /**
     * @param connections the most connections the pool hands out at once (per node, on a cluster)
     * @param timeout     how long to wait for a free pooled connection
     * @param seeds       on a cluster, the nodes to learn the slot map from besides {@code address}; null on a
     *                    single server
     */
    ConnectionPool(int connections, Duration timeout, HostAndPort address, JedisClientConfig config,
                   List<RedisTarget> seeds) {
        if (seeds != null) {
            Set<HostAndPort> nodes = new LinkedHashSet<>();
            nodes.add(address);
            seeds.forEach(s -> nodes.add(new HostAndPort(s.host(), s.port())));
            this.pool = null;
            this.cluster = new ClusterRoute(nodes, config, poolConfig(connections, timeout));
        } else {
            this.pool = new JedisPool(ConnectionPool.<Jedis>poolConfig(connections, timeout), address, config);
            this.cluster = null;
        }
    }

    private static <T> GenericObjectPoolConfig<T> poolConfig(int connections, Duration timeout) {
        GenericObjectPoolConfig<T> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(connections);
        config.setMaxIdle(connections);
        config.setMinIdle(0);
        config.setBlockWhenExhausted(true);
        config.setMaxWait(timeout);
        config.setJmxEnabled(false);
        // a connection that was idle in the pool may have been killed by the server (CLIENT KILL, a restart, a
        // timeout) without anyone noticing: a PING on borrowing hands out only live ones, and borrowing is rare
        // (each thread keeps its connection until it fails)
        config.setTestOnBorrow(true);
        return config;
    }

    /** The route of the cluster whose nodes' pools these are; null on a single server. */
    ClusterRoute cluster() {
        return cluster;
    }

    /** A pooled connection to the server, or on a cluster to the master of the aimed slot; close it to give it back. */
    Jedis borrow() {
        return cluster != null ? cluster.borrow() : pool.getResource();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        } else {
            cluster.close();
        }
    }
}
