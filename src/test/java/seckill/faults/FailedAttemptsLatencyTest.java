package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seckill.metrics.MetricsSnapshot;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.StrategyKind;
import seckill.sim.EngineKind;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

@Tag("faults")
class FailedAttemptsLatencyTest {
    /**
     * The server dies mid-sale: every attempt after that fails to connect, in microseconds. Those are counted as
     * attempts and errors, but the latency is only of the round trips Redis answered.
     */
    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void failedConnectsNeverEnterTheLatencyHistogram(EngineKind engine) throws Exception {
        SimulationConfig config = FaultFixtures.sale(StrategyKind.LUA, 100_000, 100_000, 8, 60_000).toBuilder()
                .engine(engine).redisTimeoutS(1).build();
        SimulationResult r;
        try (PrivateRedis server = PrivateRedis.start();
             RedisConnection redis = server.connect(4, Duration.ofSeconds(5))) {
            Simulation simulation = new Simulation(config, redis);
            CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
            await().atMost(Duration.ofSeconds(60)).until(() -> simulation.metrics().sample().usersWon() >= 20);
            server.killHard();
            // the bound only keeps a hang from blocking the build; it asserts nothing about speed
            r = running.get(60, TimeUnit.SECONDS);
        }
        MetricsSnapshot m = r.metrics();
        assertThat(r.endedBy()).isEqualTo(EndReason.ERROR);
        assertThat(m.errors()).as("attempts that failed").isPositive();
        assertThat(m.overall().count()).as("round trips in the latency histogram")
                .isEqualTo(m.attempts() - m.errors()).isPositive();
    }
}
