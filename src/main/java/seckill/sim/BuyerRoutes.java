package seckill.sim;

import java.net.InetSocketAddress;

import seckill.redis.RedisConnection;
import seckill.sale.SaleKeys;

/**
 * Where each user's attempts go when they do not all go to one place: a sale in buckets ({@code --buckets}) on a
 * Redis Cluster, whose buckets' slots are spread over the masters. A user buys in the bucket its id routes to
 * ({@link SaleKeys#bucketOf}), so its attempts go to the master that holds that bucket's slot now; asked on every
 * attempt, so that a failover or a moved slot (learnt through {@link RedisConnection#reroute}) is followed. A run
 * without it (one server, or one bucket) sends every buyer where the connection is aimed, as it always has.
 */
final class BuyerRoutes {
    private final RedisConnection redis;
    /** A key of each bucket, by bucket index: its slot is the bucket's. */
    private final String[] keys;

    private BuyerRoutes(RedisConnection redis, String[] keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The routes of that sale on that connection, or null when every user goes where the connection is aimed. */
    static BuyerRoutes of(SimulationConfig config, RedisConnection redis) {
        if (!redis.isCluster() || config.buckets() == 1) {
            return null;
        }
        return new BuyerRoutes(redis, config.keys().buckets(config.buckets()).stream().map(SaleKeys::total)
                .toArray(String[]::new));
    }

    /** Where this user's attempts go now: the master of its bucket's slot. */
    InetSocketAddress address(String userId) {
        return redis.ownerAddress(keys[SaleKeys.bucketOf(userId, keys.length)]);
    }
}
