package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;

class OneTripTransactionTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String key = TestRedis.prefix("one-trip") + "counter";

    @AfterEach
    void deleteOwnKey() {
        try (Jedis jedis = redis.borrow()) {
            jedis.del(key);
        }
    }

    @Test
    void returnsTheRepliesOfTheQueuedCommands() {
        try (Jedis jedis = redis.borrow()) {
            List<Object> replies = OneTripTransaction.exec(jedis, tx -> {
                tx.incr(key);
                tx.get(key);
            });
            assertThat(RawCalls.number(replies.get(0))).isEqualTo(1);
            assertThat(RawCalls.text(replies.get(1))).isEqualTo("1");
        }
    }

    @Test
    void returnsNullWhenAWatchedKeyChanged_andTheConnectionStaysUsable() {
        try (Jedis jedis = redis.borrow(); Jedis other = redis.borrow()) {
            jedis.watch(key);
            other.set(key, "10");
            assertThat(OneTripTransaction.exec(jedis, tx -> tx.incr(key))).isNull();
            assertThat(jedis.get(key)).isEqualTo("10");
        }
    }
}
