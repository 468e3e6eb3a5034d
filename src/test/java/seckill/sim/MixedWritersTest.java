package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
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

    private long sold() {
        try (Jedis jedis = redis.borrow()) {
            return Long.parseLong(jedis.get(keys.num()));
        }
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
        assertThat(sold()).isEqualTo(2_000);
        assertThat(decr.auditHolds()).isTrue();
        assertThat(firstResult.state().sold()).isLessThanOrEqualTo(2_000);
    }

    @Test
    void decrJoiningTheTutorialsScriptNeverOversells() {
        try (Jedis jedis = redis.borrow()) {
            // the tutorial opens its sale with three keys and sells with WATCH kill_num … MULTI … EXEC
            jedis.set(keys.total(), "500");
            jedis.set(keys.num(), "0");
            jedis.setex(keys.flag(), 600, "1");
        }
        AtomicBoolean tutorialDone = new AtomicBoolean();
        CompletableFuture<Void> tutorial = CompletableFuture.runAsync(() -> {
            try (Jedis jedis = redis.borrow()) {
                for (int user = 0; !tutorialDone.get(); user++) {
                    jedis.watch(keys.num());
                    long sold = Long.parseLong(jedis.get(keys.num()));
                    if (sold >= 500) {
                        jedis.unwatch();
                        break;
                    }
                    Transaction tx = jedis.multi();
                    tx.incr(keys.num());
                    tx.rpush(keys.user(), "tutorial-" + user);
                    tx.exec();
                }
            }
        });
        SimulationResult decr = new Simulation(sale(StrategyKind.DECR, 500, 3_000).join(true).build(), redis).run();
        tutorialDone.set(true);
        tutorial.join();
        assertThat(sold()).isEqualTo(500);
        assertThat(decr.audit().violations()).isEmpty();
    }

    @Test
    void decrObeysAStockLoweredMidSale() {
        Simulation decr = new Simulation(sale(StrategyKind.DECR, 6_000, 6_000).spreadMs(3_000).build(), redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(decr::run);
        await().atMost(Duration.ofSeconds(30)).until(() -> decr.metrics().sample().usersWon() >= 20);
        long limit;
        try (Jedis jedis = redis.borrow()) {
            // read and lowered in one step, so that no sale slips in between
            limit = (Long) jedis.eval("local n = tonumber(redis.call('GET', KEYS[1])) + 10 "
                    + "redis.call('SET', KEYS[2], n) return n", List.of(keys.num(), keys.total()), List.of());
        }
        SimulationResult r = running.join();
        assertThat(sold()).isEqualTo(limit);
        assertThat(r.auditHolds()).isTrue();
    }
}
