package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.exceptions.JedisConnectionException;
import seckill.util.ProcessLimits;

class OutOfFilesTest {
    @Test
    void theOpenFilesLimitReachedIsNoConnectionProblemToRetry_whileARefusedConnectionIs() {
        JedisConnectionException outOfFiles = new JedisConnectionException("Failed to create socket.",
                new SocketException("Too many open files"));
        JedisConnectionException refused = new JedisConnectionException("Failed to connect",
                new ConnectException("Connection refused"));

        assertThat(ProcessLimits.isOutOfFiles(outOfFiles)).isTrue();
        assertThat(RedisErrors.isConnectionProblem(outOfFiles)).isFalse();
        assertThat(ProcessLimits.isOutOfFiles(refused)).isFalse();
        assertThat(RedisErrors.isConnectionProblem(refused)).isTrue();
    }

    @Test
    void theSystemSaysTheLimitAsTheJvmTellsIt() throws IOException {
        long limit = ProcessLimits.maxOpenFiles();
        long open = ProcessLimits.openFiles();
        assertThat(limit).isPositive();
        assertThat(open).isPositive().isLessThanOrEqualTo(limit);
        List<SocketChannel> channels = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                channels.add(SocketChannel.open());
            }
            assertThat(ProcessLimits.openFiles()).isGreaterThanOrEqualTo(open + 10);
        } finally {
            for (SocketChannel c : channels) {
                c.close();
            }
        }
    }
}
