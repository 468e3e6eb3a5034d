package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleInRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

class SimulationTest {
    private final RedisConnection redis = TestRedis.connection();
    private final List<String> prefixes = new ArrayList<>();

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    private SimulationConfig config(StrategyKind kind, long stock, long users, int pool, int retries) {
        String prefix = TestRedis.prefix("sim-" + kind.cliName());
        prefixes.add(prefix);
        return SimulationConfig.builder().prefix(prefix).strategy(kind)
                .load(stock, users, pool, retries).seed(prefixes.size()).build();
    }

    static Stream<Arguments> safeStrategiesUnderLoads() {
        List<Arguments> cases = new ArrayList<>();
        for (EngineKind engine : EngineKind.values()) {
            for (StrategyKind kind : List.of(StrategyKind.WATCH, StrategyKind.LUA, StrategyKind.DECR)) {
                cases.add(Arguments.of(engine, kind, 50, 1_000, 200, 0));    // the tutorial
                cases.add(Arguments.of(engine, kind, 50, 1_000, 200, 50));   // with many retries
                cases.add(Arguments.of(engine, kind, 300, 300, 64, 1_000));  // users equal to the stock
                cases.add(Arguments.of(engine, kind, 500, 120, 32, 3));      // fewer users than the stock
            }
        }
        return cases.stream();
    }

    @DisplayName("safe strategies: the audit holds under every load, every time")
    @ParameterizedTest(name = "{0} engine, {1}: stock {2}, users {3}, pool {4}, retries {5}")
    @MethodSource("safeStrategiesUnderLoads")
    void neverSellsMoreThanTheStockNorToAnyoneTwice(EngineKind engine, StrategyKind kind, int stock, int users,
                                                    int pool, int retries) {
        // repeated, so that a race that shows one time in a few is caught
        for (int round = 0; round < 3; round++) {
            SimulationConfig c = config(kind, stock, users, pool, retries).toBuilder().engine(engine).build();
            SimulationResult r = new Simulation(c, redis).run();
            assertThat(r.audit().violations()).isEmpty();
            assertThat(r.auditHolds()).isTrue();
            assertThat(SaleInRedis.check(redis, c.keys()).sold()).as("kill_num").isEqualTo(r.state().sold());
            assertThat(r.state().sold()).isLessThanOrEqualTo(stock).isEqualTo(r.state().winners());
            assertThat(r.audit().uniqueWinners()).isEqualTo(r.state().winners());
            assertThat(r.metrics().usersWon()).isEqualTo(r.state().winners());
            assertThat(r.metrics().errors()).isZero();
            if (users <= stock && (kind != StrategyKind.WATCH || retries >= users)) {
                // enough stock and enough patience: everybody gets one
                assertThat(r.state().sold()).isEqualTo(users);
                assertThat(r.endedBy()).isEqualTo(EndReason.ALL_USERS_DONE);
            }
            if (kind != StrategyKind.WATCH && users > stock) {
                assertThat(r.state().sold()).isEqualTo(stock);
                assertThat(r.endedBy()).isEqualTo(EndReason.SOLD_OUT);
            }
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void watchWithOneTryPerUserCountsItsConflicts_andWithRetriesSellsOut(EngineKind engine) {
        SimulationResult oneTry = new Simulation(config(StrategyKind.WATCH, 50, 1_000, 200, 0).toBuilder()
                .engine(engine).build(), redis).run();
        assertThat(oneTry.metrics().attempts()).isEqualTo(oneTry.metrics().usersDone());
        assertThat(oneTry.metrics().wins() + oneTry.metrics().conflicts() + oneTry.metrics().soldOut())
                .isEqualTo(oneTry.metrics().attempts());
        SimulationResult patient = new Simulation(config(StrategyKind.WATCH, 50, 1_000, 200, 1_000)
                .toBuilder().engine(engine).build(), redis).run();
        assertThat(patient.state().sold()).isEqualTo(50);
        assertThat(patient.endedBy()).isEqualTo(EndReason.SOLD_OUT);
    }

    @Nested
    @DisplayName("two simulations on one sale")
    class TwoAtOnce {
        @Test
        void theSameUserIdsFromTwoSimulationsNeverWinTwice() {
            for (StrategyKind kind : List.of(StrategyKind.WATCH, StrategyKind.LUA, StrategyKind.DECR)) {
                SimulationConfig first = config(kind, 400, 600, 50, 100).toBuilder().seed(7).build();
                try (Jedis jedis = redis.borrow()) {
                    new seckill.sale.Sale(first.keys()).open(jedis, 400, 600, kind);
                }
                // both join the same open sale with the same seed: every id is raced for by two processes, one
                // on threads and one on an event loop
                SimulationConfig a = first.toBuilder().join(true).build();
                CompletableFuture<SimulationResult> ra = CompletableFuture.supplyAsync(() ->
                        new Simulation(a, redis).run());
                CompletableFuture<SimulationResult> rb = CompletableFuture.supplyAsync(() ->
                        new Simulation(a.toBuilder().engine(EngineKind.LOOP).build(), redis).run());
                SimulationResult x = ra.join();
                SimulationResult y = rb.join();
                assertThat(x.auditHolds()).isTrue();
                assertThat(y.auditHolds()).isTrue();
                assertThat(y.state().winners()).isEqualTo(400);
                assertThat(x.metrics().usersWon() + y.metrics().usersWon()).isEqualTo(400);
            }
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aClosedSaleEndsTheRunAsTimeUp_sellingNothing(EngineKind engine) {
        SimulationConfig c = config(StrategyKind.LUA, 10, 100, 8, 0);
        try (Jedis jedis = redis.borrow()) {
            new seckill.sale.Sale(c.keys()).open(jedis, 10, 600, StrategyKind.LUA);
            jedis.del(new SaleKeys(c.prefix()).flag());
        }
        SimulationResult r = new Simulation(c.toBuilder().join(true).engine(engine).build(), redis).run();
        assertThat(r.endedBy()).isEqualTo(EndReason.TIME_UP);
        assertThat(r.state().sold()).isZero();
        assertThat(r.metrics().closed()).isPositive();
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void naiveWithAGapOversells_andTheAuditSaysSo(EngineKind engine) {
        SimulationConfig c = config(StrategyKind.NAIVE, 20, 400, 100, 0).toBuilder().naiveGapMs(20).engine(engine)
                .build();
        SimulationResult r = new Simulation(c, redis).run();
        assertThat(r.auditHolds()).isFalse();
        assertThat(r.state().oversold()).isPositive();
        assertThat(r.audit().violations()).anySatisfy(v -> assertThat(v.kind()).isEqualTo(Problem.Kind.OVERSOLD));
        assertThat(r.audit().violations()).anySatisfy(v -> assertThat(v.english()).startsWith("oversold"));
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void stopReleasesEveryThread(EngineKind engine) {
        SimulationConfig c = config(StrategyKind.LUA, 10, 1_000, 16, 0).toBuilder().spreadMs(3_600_000)
                .engine(engine).build();
        Simulation sim = new Simulation(c, redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(sim::run);
        org.awaitility.Awaitility.await().until(() -> sim.metrics().attempts() > 0);
        sim.stop();
        SimulationResult r = running.join();
        assertThat(r.endedBy()).isEqualTo(EndReason.STOPPED);
        assertThat(sim.activeThreads()).isZero();
        assertThat(r.auditHolds()).isTrue();
        // a stopped sale is closed for every client: no one else keeps buying from it
        assertThat(r.state().isOpen()).isFalse();
        try (Jedis jedis = redis.borrow()) {
            assertThat(jedis.exists(c.keys().flag())).isFalse();
            assertThat(jedis.exists(c.keys().total())).as("the sale itself stays, to be read and audited").isTrue();
        }
    }

    @Test
    void aStoppedJoinedRunLeavesTheSaleItJoinedOpen() {
        SimulationConfig c = config(StrategyKind.LUA, 10, 1_000, 16, 0).toBuilder().spreadMs(3_600_000).build();
        Simulation opener = new Simulation(c, redis);
        CompletableFuture<SimulationResult> opened = CompletableFuture.supplyAsync(opener::run);
        org.awaitility.Awaitility.await().until(() -> opener.metrics().attempts() > 0);
        Simulation joined = new Simulation(c.toBuilder().join(true).build(), redis);
        CompletableFuture<SimulationResult> joining = CompletableFuture.supplyAsync(joined::run);
        org.awaitility.Awaitility.await().until(() -> joined.metrics().attempts() > 0);
        joined.stop();
        assertThat(joining.join().endedBy()).isEqualTo(EndReason.STOPPED);
        try (Jedis jedis = redis.borrow()) {
            assertThat(jedis.exists(c.keys().flag())).as("still the opener's sale").isTrue();
        }
        opener.stop();
        assertThat(opened.join().state().isOpen()).isFalse();
    }

    /** On a server of its own, so that only this sale's loop connections are counted (CLIENT LIST shows all). */
    @Test
    void theLoopPlaysEveryUserOnItsOwnConnections_withTheSameRoundTripsAsTheThreads() {
        SimulationConfig c = config(StrategyKind.LUA, 5_000, 3_000, 40, 0).toBuilder().engine(EngineKind.LOOP).build();
        try (PrivateRedis server = PrivateRedis.start();
             RedisConnection own = server.connect(c.pool() + RedisConnection.READERS, Duration.ofSeconds(10))) {
            Simulation sim = new Simulation(c, own);
            SimulationResult r = sim.run();
            assertThat(r.metrics().usersDone()).isEqualTo(3_000);
            assertThat(r.metrics().usersWon()).isEqualTo(3_000);
            assertThat(SaleInRedis.check(own, c.keys()).winners()).hasSize(3_000);
            assertThat(r.metrics().attempts()).as("one EVALSHA per user").isEqualTo(3_000);
            assertThat(r.endedBy()).isEqualTo(EndReason.ALL_USERS_DONE);
            assertThat(sim.activeThreads()).isZero();
            assertThat(clientsNamed(server, "seckill-lab")).as("the program's own connections").isPositive();
            // every connection the loop opened is closed again
            await().atMost(Duration.ofSeconds(30)).until(() -> clientsNamed(server, LoopEngine.CLIENT_NAME) == 0);
        }
    }

    private static long clientsNamed(PrivateRedis server, String name) {
        try (Jedis jedis = server.admin()) {
            return jedis.clientList().lines().filter(l -> l.contains(" name=" + name + " ")).count();
        }
    }
}
