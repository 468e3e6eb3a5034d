package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;

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
            byte[] k = RawCalls.bytes(key);
            List<Object> replies = OneTripTransaction.exec(jedis, tx -> tx.add(Command.INCR, k).add(Command.GET, k));
            assertThat(RawCalls.number(replies.get(0))).isEqualTo(1);
            assertThat(RawCalls.text(replies.get(1))).isEqualTo("1");
        }
    }

    @Test
    void aCommandRefusedAsItIsQueuedIsNamed_notHiddenBehindExecAbort() {
        try (Jedis jedis = redis.borrow()) {
            byte[] k = RawCalls.bytes(key);
            assertThatThrownBy(() -> OneTripTransaction.exec(jedis, tx -> tx.add(Command.INCR, k).add(Command.GET)))
                    .isInstanceOf(JedisDataException.class).hasMessageContaining("wrong number of arguments")
                    .hasMessageContaining("(GET)").hasMessageNotContaining("EXECABORT");
            assertThat(jedis.exists(key)).as("nothing of the discarded transaction ran").isFalse();
            assertThat(jedis.ping()).as("the connection stays usable").isEqualTo("PONG");
        }
    }

    @Test
    void returnsNullWhenAWatchedKeyChanged_andTheConnectionStaysUsable() {
        try (Jedis jedis = redis.borrow(); Jedis other = redis.borrow()) {
            jedis.watch(key);
            other.set(key, "10");
            assertThat(OneTripTransaction.exec(jedis, tx -> tx.add(Command.INCR, RawCalls.bytes(key)))).isNull();
            assertThat(jedis.get(key)).isEqualTo("10");
        }
    }
}
