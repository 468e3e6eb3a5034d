package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;

class RedisConnectorTest {
    @Test
    void startsAndUsesTheEmbeddedServerWhenNothingAnswersAndNoUrlWasGiven() throws Exception {
        int closedPort = EmbeddedRedis.freeLoopbackPort();
        List<String> notices = new ArrayList<>();
        RedisConnector connector = new RedisConnector(null, "redis://127.0.0.1:" + closedPort);
        int port;
        try (RedisConnection connection = connector.connect(null, false, 8, Duration.ofSeconds(5), notices::add)) {
            assertThat(connection.isEmbedded()).isTrue();
            assertThat(notices).singleElement().asString().contains("embedded redis-server");
            port = connection.target().port();
            try (Jedis jedis = connection.borrow()) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
            assertThat(connection.serverVersion()).matches("\\d+\\.\\d+.*");
        }
        // stopped with the connection: the port no longer answers
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anExplicitUrlThatDoesNotAnswerIsAnError_notAFallback() throws Exception {
        int closedPort = EmbeddedRedis.freeLoopbackPort();
        RedisConnector connector = new RedisConnector(null, RedisTarget.DEFAULT_URL);
        assertThatThrownBy(() -> connector.connect("redis://127.0.0.1:" + closedPort, false, 4,
                Duration.ofSeconds(2), line -> { }))
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void embeddedOptionForcesTheEmbeddedServer() {
        RedisConnector connector = new RedisConnector(null, RedisTarget.DEFAULT_URL);
        try (RedisConnection connection = connector.connect(null, true, 4, Duration.ofSeconds(5), line -> { })) {
            assertThat(connection.isEmbedded()).isTrue();
            assertThat(connection.describe()).contains("embedded");
        }
    }
}
