package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

class BuyerConnectionTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String key = TestRedis.prefix("buyer-cut") + "never-pushed";

    @AfterEach
    void deleteOwnKey() {
        try (Jedis jedis = redis.borrow()) {
            jedis.del(key);
        }
    }

    @Test
    void readsWaitWithoutASocketTimeout_andTheConnectionIsMadeLikeThePools() {
        try (BuyerConnection buyer = redis.newBuyer()) {
            Jedis jedis = buyer.jedis();
            assertThat(jedis.getConnection().getSoTimeout()).isZero();
            assertThat(jedis.clientGetname()).isEqualTo("seckill-lab");
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(buyer.jedis()).as("one connection, opened once").isSameAs(jedis);
        }
    }

    @Test
    void aCutWakesAThreadBlockedReading_andTheServerSeesTheConnectionGo() {
        BuyerConnection buyer = redis.newBuyer();
        long id = buyer.jedis().clientId();
        // BLPOP with no timeout on a key nobody pushes to: the read blocks until the connection goes
        CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> buyer.jedis().blpop(0, key));
        await().until(() -> clientInfo(id).contains("cmd=blpop"));
        assertThat(blocked).isNotDone();

        buyer.cut();

        await().atMost(Duration.ofSeconds(10)).until(blocked::isDone);
        assertThat(blocked).isCompletedExceptionally();
        assertThat(blocked.handle((v, e) -> e instanceof CompletionException c ? c.getCause() : e).join())
                .isInstanceOf(JedisConnectionException.class);
        await().until(() -> clientInfo(id).isEmpty());
        buyer.close();
    }

    @Test
    void aCutConnectionStaysCut() {
        try (BuyerConnection buyer = redis.newBuyer()) {
            buyer.cut();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(buyer::jedis))
                    .isInstanceOf(JedisConnectionException.class);
        }
    }

    private String clientInfo(long id) {
        try (Jedis jedis = redis.borrow()) {
            return jedis.clientList(id).strip();
        }
    }
}
