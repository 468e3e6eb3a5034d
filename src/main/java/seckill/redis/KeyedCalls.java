package seckill.redis;

import java.util.function.Function;

import redis.clients.jedis.Jedis;

/**
 * Work on the server that holds a key: on one server every key is on the one connection; on a Redis Cluster each
 * key's work goes to the master of its slot ({@link RedisConnection#callKeyed}). A sale in buckets
 * ({@code --buckets}) is read, opened, audited and reset through it, bucket by bucket, each where it lives.
 */
public interface KeyedCalls {
    /** Runs work on a connection to the server that holds {@code key}. */
    <T> T at(String key, Function<Jedis, T> work);

    /**
     * The server that holds {@code key}, as a name to group keys by ({@code host:port} on a cluster), or null when
     * every key is on one server and may share a transaction (a cluster's transaction stays within one slot).
     */
    default String where(String key) {
        return null;
    }

    /** Every key on that one connection (one server). */
    static KeyedCalls on(Jedis jedis) {
        return new KeyedCalls() {
            @Override
            public <T> T at(String key, Function<Jedis, T> work) {
                return work.apply(jedis);
            }
        };
    }
}
