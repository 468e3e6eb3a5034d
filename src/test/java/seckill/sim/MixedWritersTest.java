package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.sale.Sale;
import seckill.sale.SaleInRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

@DisplayName("any mix of writers on one sale stays within kill_total")
class MixedWritersTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String prefix = TestRedis.prefix("mixed");
    private final SaleKeys keys = new SaleKeys(prefix);

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    private SimulationConfig.Builder sale(StrategyKind kind, long stock, long users) {
        return SimulationConfig.builder().prefix(prefix).strategy(kind).load(stock, users, 32, 3).seed(users);
    }

    @ParameterizedTest(name = "{0} joins a sale {1} sold out")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void aStrategyJoiningASoldOutSaleSellsNothingMore(StrategyKind joining) {
        for (StrategyKind opener : List.of(StrategyKind.LUA, StrategyKind.WATCH, StrategyKind.DECR)) {
            SimulationResult first = new Simulation(sale(opener, 50, 1_000).build(), redis).run();
            assertThat(first.state().sold()).isEqualTo(50);
            SimulationResult joined = new Simulation(sale(joining, 50, 1_000).join(true).build(), redis).run();
            assertThat(joined.state().sold()).as(opener + " then " + joining).isEqualTo(50);
            assertThat(joined.auditHolds()).isTrue();
            assertThat(SaleInRedis.check(redis, keys).sold()).isEqualTo(50);
        }
    }

    @ParameterizedTest(name = "decr beside {0}")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void decrRunningBesideAnotherStrategyNeverOversells(StrategyKind other) {
        SimulationConfig opener = sale(other, 2_000, 6_000).spreadMs(300).build();
        Simulation first = new Simulation(opener, redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(first::run);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.metrics().sample().usersWon() > 0);
        SimulationResult decr = new Simulation(sale(StrategyKind.DECR, 2_000, 6_000).join(true).build(), redis).run();
        SimulationResult firstResult = running.join();
        assertThat(SaleInRedis.check(redis, keys).sold()).isEqualTo(2_000);
        assertThat(decr.auditHolds()).isTrue();
        assertThat(firstResult.state().sold()).isLessThanOrEqualTo(2_000);
    }

    /** Runs the sale, lowers kill_total to kill_num + {@code more} mid-sale; returns the new kill_total. */
    private long lowerMidSale(Simulation simulation, long more) {
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
        await().atMost(Duration.ofSeconds(30)).until(() -> simulation.metrics().sample().usersWon() >= 20);
        long limit;
        try (Jedis jedis = redis.borrow()) {
            limit = SaleInRedis.lowerTotalToSoldPlus(jedis, keys, more);
        }
        SimulationResult r = running.join();
        assertThat(r.endedBy()).isNotEqualTo(EndReason.ERROR);
        return limit;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void aSafeStrategyObeysAStockLoweredMidSale(StrategyKind kind) {
        Simulation simulation = new Simulation(sale(kind, 6_000, 6_000).spreadMs(3_000).build(), redis);
        long limit = lowerMidSale(simulation, 10);
        SaleInRedis sale = SaleInRedis.check(redis, keys);
        assertThat(sale.sold()).isEqualTo(limit).isEqualTo(sale.total());
    }

    /** The opposite: naive's buyers decided on the old kill_total before it was lowered, and write after. */
    @Test
    void naiveSellsPastAStockLoweredMidSale() {
        Simulation simulation = new Simulation(sale(StrategyKind.NAIVE, 6_000, 6_000).spreadMs(3_000).build(), redis);
        long limit = lowerMidSale(simulation, 0);
        SaleInRedis sale = SaleInRedis.read(redis, keys);
        assertThat(sale.total()).isEqualTo(limit);
        assertThat(sale.sold()).as("sold past the lowered kill_total").isGreaterThan(limit);
    }

    /**
     * Deterministic: kill_total lowered to what is sold between a purchase's round trips (after watch's WATCH and
     * reads, after decr's claim and gate), and the purchase is refused; naive, which decided already, sells past.
     */
    @ParameterizedTest(name = "{0}, lowered after round trip {1}")
    @CsvSource({"WATCH, 1, CONFLICT", "DECR, 2, SOLD_OUT", "NAIVE, 1, WON"})
    void aStockLoweredBetweenAPurchasesRoundTripsIsObeyed(StrategyKind kind, int trips, Outcome expected) {
        PurchaseStrategy strategy = kind.create(keys, 0);
        try (Jedis jedis = redis.borrow()) {
            new Sale(keys).open(jedis, 5, 60, kind);
            strategy.prepare(jedis);
            assertThat(strategy.buy(jedis, "bob")).isEqualTo(Outcome.WON);
        }
        Outcome outcome = null;
        try (Stepped alice = new Stepped(redis, strategy, new Turn("alice", 0, 0)); Jedis other = redis.borrow()) {
            for (int trip = 0; trip < trips; trip++) {
                assertThat(alice.roundTrip()).as("round trip %d", trip + 1).isNull();
            }
            assertThat(SaleInRedis.lowerTotalToSoldPlus(other, keys, 0)).isEqualTo(1);
            while (outcome == null) {
                outcome = alice.roundTrip();
            }
        }
        assertThat(outcome).isEqualTo(expected);
        if (kind == StrategyKind.NAIVE) {
            assertThat(SaleInRedis.read(redis, keys).sold()).as("sold past kill_total 1").isEqualTo(2);
        } else {
            assertThat(SaleInRedis.check(redis, keys).winners()).containsExactly("bob");
        }
    }
}
