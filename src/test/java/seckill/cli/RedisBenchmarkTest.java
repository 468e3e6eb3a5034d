package seckill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;

class RedisBenchmarkTest {
    @Test
    void itsRequestsAreRealPurchases_eachByAnotherUser() {
        Optional<RedisBenchmark> benchmark = RedisBenchmark.find("redis-benchmark");
        Assumptions.assumeTrue(benchmark.isPresent(), "redis-benchmark on the PATH");
        RedisConnection connection = TestRedis.connection();
        Assumptions.assumeFalse(connection.target().hasPassword() || connection.target().tls(), "plain server");

        RedisBenchmark.Result r = benchmark.get().purchase(connection, TestRedis.prefix("rb"), 4, 2_000);

        assertThat(r.skippedBecause()).isNull();
        // ids drawn at random from a billion: a repeat, which hears "already won", is rare
        assertThat(r.sold()).isGreaterThanOrEqualTo(1_990).isLessThanOrEqualTo(2_000);
    }
}
