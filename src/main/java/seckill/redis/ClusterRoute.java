package seckill.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Where a sale lives on a Redis Cluster. Every key of a sale carries one hash tag, so the sale is one slot and one
 * master at a time: this route keeps the master (the "owner") of every slot asked about, the aimed one (the sale's)
 * first, and the slot map behind them, through Jedis's cluster support ({@link ClusterConnectionProvider}:
 * discovery, the slot map, a pool per node). A buyer's connection is opened to the owner of its sale's slot (with
 * {@code --buckets}, its bucket's) and runs WATCH … EXEC, EVALSHA and the DECR steps there as on a single server.
 *
 * <p>An owner changes in two ways, and both reach every buyer through a fault: a slot that moved answers MOVED
 * (the new owner is in the reply), and a master that died refuses connections (the slot map is read again from
 * the nodes that are left until a replica has taken over, and every owner known is looked up again). ASK, TRYAGAIN
 * and CLUSTERDOWN mean the slot is moving or the cluster is electing: the caller waits and tries again, bounded by
 * {@code --redis-timeout}. See docs/ARCHITECTURE.md, "Redis Cluster".
 */
final class ClusterRoute implements AutoCloseable {
    /** The slot map is read again at most this often, however many buyers lost their connection at once. */
    private static final long RENEW_EVERY_NANOS = Duration.ofMillis(100).toNanos();
    /** The slots of a Redis Cluster. */
    static final int SLOTS = 16_384;

    private final ClusterConnectionProvider provider;
    private final AtomicLong lastRenew = new AtomicLong(System.nanoTime() - RENEW_EVERY_NANOS);
    /** The master of each slot asked about, as far as this client knows; null for a slot never asked about. */
    private final AtomicReferenceArray<HostAndPort> owners = new AtomicReferenceArray<>(SLOTS);
    /** Where a slot that no node serves (the map not read yet, a master failing) is looked for meanwhile. */
    private final HostAndPort seed;
    private volatile int slot;

    /** @param seeds the node that answered first, then the others given */
    ClusterRoute(Set<HostAndPort> seeds, JedisClientConfig config, GenericObjectPoolConfig<Connection> poolConfig) {
        this.provider = new ClusterConnectionProvider(seeds, config, poolConfig);
        this.seed = seeds.iterator().next();
        this.slot = 0;
    }

    /** The slot of a key, as the cluster computes it (the hash tag's, when the key has one). */
    static int slotOf(String key) {
        return JedisClusterCRC16.getSlot(key);
    }

    /** From now on the route follows the master of {@code key}'s slot. */
    void aim(String key) {
        slot = slotOf(key);
    }

    int slot() {
        return slot;
    }

    /** The master that holds the aimed slot, as far as this client knows. */
    HostAndPort owner() {
        return owner(slot);
    }

    /** The master that holds that slot, as far as this client knows. */
    HostAndPort owner(int s) {
        HostAndPort known = owners.get(s);
        if (known != null) {
            return known;
        }
        HostAndPort found = ownerOf(s, seed);
        return owners.compareAndSet(s, null, found) ? found : owners.get(s);
    }

    /** A pooled connection to the owner of the aimed slot; closing it gives it back. */
    Jedis borrow() {
        return borrow(slot);
    }

    /** A pooled connection to the owner of that slot; closing it gives it back. */
    Jedis borrow(int s) {
        return new Jedis(provider.getConnection(owner(s)));
    }

    /**
     * Learns from a fault where a slot is now: a MOVED names the slot's new owner; a lost connection or a cluster
     * that is electing asks the nodes again (rate-limited).
     *
     * @return true when the fault was about the route (a retry may reach the slot elsewhere)
     */
    boolean learn(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof JedisRedirectionException redirect && t.getMessage() != null
                    && t.getMessage().startsWith("MOVED")) {
                owners.set(redirect.getSlot(), redirect.getTargetNode());
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("MOVED ")) {
                moved(message);
                return true;
            }
        }
        if (RedisErrors.isConnectionProblem(fault)) {
            renew();
            return true;
        }
        return false;
    }

    /** A MOVED reply read raw ("MOVED 15495 127.0.0.1:7103"), perhaps with our note of the key after it. */
    private void moved(String message) {
        String[] parts = message.split(" ");
        if (parts.length >= 3 && parts[1].matches("\\d{1,5}")) {
            int s = Integer.parseInt(parts[1]);
            int colon = parts[2].lastIndexOf(':');
            if (s < owners.length() && colon > 0) {
                owners.set(s, new HostAndPort(parts[2].substring(0, colon),
                        Integer.parseInt(parts[2].substring(colon + 1))));
            }
        }
    }

    /** Reads the slot map again from the nodes, unless it was read in the last 100 ms; every owner known follows it. */
    void renew() {
        long last = lastRenew.get();
        long now = System.nanoTime();
        if (now - last < RENEW_EVERY_NANOS || !lastRenew.compareAndSet(last, now)) {
            return;
        }
        try {
            provider.renewSlotCache();
        } catch (RuntimeException e) {
            return; // no node answered: the owners stay as they were, and the next fault asks again
        }
        for (int s = 0; s < owners.length(); s++) {
            HostAndPort known = owners.get(s);
            if (known != null) {
                owners.set(s, ownerOf(s, known));
            }
        }
    }

    private HostAndPort ownerOf(int s, HostAndPort otherwise) {
        HostAndPort node = provider.getNode(s);
        return node != null ? node : otherwise;
    }

    /** {@code CLUSTER NODES} as the owner sees it, or as the first node that answers does. */
    String clusterNodes() {
        RuntimeException last = null;
        List<HostAndPort> asked = new ArrayList<>();
        asked.add(owner());
        provider.getNodes().keySet().forEach(k -> asked.add(HostAndPort.from(k)));
        for (HostAndPort node : asked) {
            try (Jedis jedis = new Jedis(provider.getConnection(node))) {
                return jedis.clusterNodes();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last != null ? last : new IllegalStateException("no cluster node known");
    }

    /** One section of a node's {@code INFO}. */
    String info(String hostAndPort, String section) {
        try (Jedis jedis = new Jedis(provider.getConnection(HostAndPort.from(hostAndPort)))) {
            return jedis.info(section);
        }
    }

    @Override
    public void close() {
        provider.close();
    }
}
