package seckill.redis;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import redis.clients.jedis.HostAndPort;

/**
 * Where calls and buyers go: on a single server always to it; on a cluster to the master that holds a slot now,
 * as its {@link ClusterRoute} knows it.
 */
final class ServerRoute {
    private final HostAndPort address;
    /** Null on a single server. */
    private final ClusterRoute cluster;
    private final Map<HostAndPort, InetSocketAddress> sockets = new ConcurrentHashMap<>();

    /** @param cluster the cluster's route, or null on a single server */
    ServerRoute(HostAndPort address, ClusterRoute cluster) {
        this.address = address;
        this.cluster = cluster;
    }

    /** The cluster's route, or null on a single server. */
    ClusterRoute cluster() {
        return cluster;
    }

    /** On a cluster, follows the master of {@code key}'s slot from now on; on a single server nothing changes. */
    void aim(String key) {
        if (cluster != null) {
            cluster.aim(key);
        }
    }

    /** On a cluster, learns from a fault where its slot is now; on a single server nothing changes. */
    void learn(Throwable fault) {
        if (cluster != null) {
            cluster.learn(fault);
        }
    }

    /** The master of the aimed slot on a cluster, else the server. */
    HostAndPort owner() {
        return cluster != null ? cluster.owner() : address;
    }

    /** The master that holds that key's slot on a cluster, else the server. */
    HostAndPort owner(String key) {
        return cluster != null ? cluster.owner(ClusterRoute.slotOf(key)) : address;
    }

    /** {@link #owner()}'s address to connect to. */
    InetSocketAddress ownerAddress() {
        return socketAddress(owner());
    }

    /** {@link #owner(String)}'s address to connect to. */
    InetSocketAddress ownerAddress(String key) {
        return socketAddress(owner(key));
    }

    /** The address to connect to, resolved once per node (a buyer on a cluster with buckets asks per attempt). */
    private InetSocketAddress socketAddress(HostAndPort where) {
        InetSocketAddress known = sockets.get(where);
        if (known != null) {
            return known;
        }
        InetSocketAddress made = new InetSocketAddress(where.getHost(), where.getPort());
        if (!made.isUnresolved()) {
            sockets.put(where, made);
        }
        return made;
    }
}
