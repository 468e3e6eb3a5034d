package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

/**
 * --pace: the sale lasts longer, in waves of up to the pool racing as an unpaced sale's buyers do, so that what a
 * strategy gets wrong (naive oversells, WATCH without retries leaves stock) shows at any pace.
 */
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

    /** The lessons' sale: ConfigField's stock, users and pool, one try each, under a pace. */
    private SimulationConfig lesson(StrategyKind kind, EngineKind engine, long paceS) {
        SimulationConfig.Builder sale = SimulationConfig.builder().prefix(prefix).strategy(kind).engine(engine)
                .paceS(paceS).seed(5);
        List.of(ConfigField.STOCK, ConfigField.USERS, ConfigField.POOL, ConfigField.RETRIES)
                .forEach(field -> sale.set(field, field.defaultValue()));
        return sale.build();
    }

    /** kill_num and kill_total as Redis holds them; fails when the sale left no figures. */
    private long[] soldOfStock() {
        SaleKeys keys = new SaleKeys(prefix);
        try (Jedis jedis = redis.borrow()) {
            String sold = jedis.get(keys.num());
            String stock = jedis.get(keys.total());
            assertThat(sold).as("kill_num").isNotNull();
            assertThat(stock).as("kill_total").isNotNull();
            return new long[] {Long.parseLong(sold), Long.parseLong(stock)};
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aPacedSaleSellsInWavesOfThePool_notAllToTheFirstArrivals(EngineKind engine) {
        // a ten-minute pace: after its first wave the sale waits, whatever the machine's speed
        Simulation sim = new Simulation(sale(StrategyKind.LUA, 400, 20_000, 600).engine(engine).build(), redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(sim::run);
        long firstWave = 64; // the pool: 400 items are more than a wave buys
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

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void lessonOne_naiveOversellsAtAPace_asWithout(EngineKind engine) {
        // naive's gap is not a lesson's number: a wide one keeps the first wave's readers ahead of its first write
        // even where a busy machine wakes 200 threads one after another
        SimulationConfig config = lesson(StrategyKind.NAIVE, engine, 10).toBuilder().naiveGapMs(20).build();
        SimulationResult r = new Simulation(config, redis).run();
        long[] soldOfStock = soldOfStock();
        assertThat(soldOfStock[0]).as("kill_num > kill_total").isGreaterThan(soldOfStock[1]);
        assertThat(r.auditHolds()).isFalse();
    }

    /**
     * Each wave races: WATCH aborts, users lose and stock is left, held on the event loop, the lessons' engine. 200
     * threads on a small, busy machine set off one after another, and there even an unpaced sale of these numbers
     * may see no conflict at all (Lesson says why the lessons run on the loop): on threads the pace must keep only
     * the invariants.
     */
    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void lessonTwo_watchWithoutRetriesAtAPace_leavesStockOnTheLoop_andHoldsOnBoth(EngineKind engine) {
        SimulationResult r = new Simulation(lesson(StrategyKind.WATCH, engine, 3), redis).run();
        long[] soldOfStock = soldOfStock();
        assertThat(soldOfStock[0]).as("kill_num <= kill_total").isLessThanOrEqualTo(soldOfStock[1]);
        assertThat(r.auditHolds()).isTrue();
        if (engine == EngineKind.LOOP) {
            assertThat(r.metrics().conflicts()).as("WATCH aborted").isPositive();
            assertThat(r.usersLost()).as("users lost").isPositive();
            assertThat(soldOfStock[0]).as("kill_num < kill_total").isLessThan(soldOfStock[1]);
            assertThat(r.endedBy()).isEqualTo(EndReason.ALL_USERS_DONE);
        }
    }

    /**
     * A pace long beside the unpaced sale (well under a second), on the lessons' engine: each strategy keeps its
     * race. One engine, as each run takes the eight seconds; the lessons' tests above run both.
     */
    @Test
    void twoThousandItemsAtAPaceOfEight_eachStrategyRacesAsUnpaced() {
        for (StrategyKind kind : List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA)) {
            SimulationConfig config = SimulationConfig.builder().prefix(prefix).strategy(kind).stock(2_000)
                    .users(20_000).paceS(8).engine(EngineKind.LOOP).seed(5).build();
            SimulationResult r = new Simulation(config, redis).run();
            long[] soldOfStock = soldOfStock();
            switch (kind) {
                case NAIVE -> assertThat(soldOfStock[0]).as("naive: kill_num > kill_total")
                        .isGreaterThan(soldOfStock[1]);
                case WATCH -> assertThat(soldOfStock[0]).as("watch: kill_num < kill_total")
                        .isLessThan(soldOfStock[1]);
                default -> {
                    assertThat(soldOfStock[0]).as("lua: kill_num").isEqualTo(2_000);
                    assertThat(r.auditHolds()).as("lua's audit").isTrue();
                }
            }
            TestRedis.reset(prefix);
        }
    }

    @Test
    void aPaceBesideASpreadOrLongerThanTheSaleIsRefused() {
        assertThatThrownBy(() -> sale(StrategyKind.LUA, 10, 10, 5).spreadMs(1_000).build())
                .hasMessageContaining("--pace").hasMessageContaining("--spread-ms");
        assertThatThrownBy(() -> sale(StrategyKind.LUA, 10, 10, 700).durationS(600).build())
                .hasMessageContaining("--pace").hasMessageContaining("--duration");
    }
}
