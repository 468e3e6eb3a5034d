package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;

/** --pace: the sale is held back to sell in waves, not all to the first arrivals. */
class PaceTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String prefix = TestRedis.prefix("pace");

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    private SimulationConfig.Builder sale(StrategyKind kind, long stock, long users, long paceS) {
        return SimulationConfig.builder().prefix(prefix).strategy(kind).load(stock, users, 64, 3).paceS(paceS)
                .seed(5);
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aPacedSaleSellsInWaves_notAllToTheFirstArrivals(EngineKind engine) {
        // a ten-minute pace: after its first wave the sale waits, whatever the machine's speed
        Simulation sim = new Simulation(sale(StrategyKind.LUA, 400, 20_000, 600).engine(engine).build(), redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(sim::run);
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.metrics().sample().usersWon() > 0);
        long firstWave = 400 / Arrivals.WAVES; // 50: fewer than the pool of 64
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.metrics().sample().usersDone() >= firstWave);
        assertThat(sim.metrics().sample().usersWon()).as("one wave, then the pace holds the rest back")
                .isEqualTo(firstWave);
        sim.stop();
        SimulationResult r = running.join();
        assertThat(r.state().sold()).isEqualTo(firstWave);
        assertThat(r.auditHolds()).isTrue();
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aShortPaceSellsTheWholeStockSafely(EngineKind engine) {
        SimulationResult r = new Simulation(sale(StrategyKind.WATCH, 60, 2_000, 1).engine(engine).build(), redis).run();
        assertThat(r.state().sold()).isEqualTo(60);
        assertThat(r.auditHolds()).isTrue();
        assertThat(r.endedBy()).isEqualTo(EndReason.SOLD_OUT);
    }

    @Test
    void naiveStillOversellsUnderAPace_theLastItemsGoInARush() {
        SimulationResult r = new Simulation(sale(StrategyKind.NAIVE, 50, 2_000, 1).naiveGapMs(20).build(), redis).run();
        assertThat(r.state().oversold()).as("visible in class").isGreaterThan(1);
        assertThat(r.auditHolds()).isFalse();
    }

    @Test
    void aPaceBesideASpreadOrLongerThanTheSaleIsRefused() {
        assertThatThrownBy(() -> sale(StrategyKind.LUA, 10, 10, 5).spreadMs(1_000).build())
                .hasMessageContaining("--pace").hasMessageContaining("--spread-ms");
        assertThatThrownBy(() -> sale(StrategyKind.LUA, 10, 10, 700).durationS(600).build())
                .hasMessageContaining("--pace").hasMessageContaining("--duration");
    }
}
