package seckill.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;

@DisplayName("Each safe strategy, one attempt at a time")
class PurchaseStrategyTest {
    private final RedisConnection redis = TestRedis.connection();
    private String prefix;
    private SaleKeys keys;

    @BeforeEach
    void newPrefix() {
        prefix = TestRedis.prefix("strategy");
        keys = new SaleKeys(prefix);
    }

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    private void open(long stock, StrategyKind kind) {
        try (Jedis jedis = redis.borrow()) {
            new Sale(keys).open(jedis, stock, 60, kind);
        }
    }

    /** Every key the purchase writes, overwritten with a hash: no strategy may take the error for a sale. */
    @ParameterizedTest(name = "{0}, {1} a hash")
    @MethodSource("strategiesAndKeys")
    void anErrorInsideAReplyIsAnError_namingTheKey_neverAWin(StrategyKind kind, String key) {
        open(5, kind);
        PurchaseStrategy strategy = kind.create(keys, 0);
        String name = keys.prefix() + key;
        try (Jedis jedis = redis.borrow()) {
            strategy.prepare(jedis);
            jedis.del(name);
            jedis.hset(name, "x", "1");
            assertThatThrownBy(() -> strategy.buy(jedis, "mallory")).isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("WRONGTYPE").satisfies(e -> assertThat(e.getMessage())
                            .containsAnyOf(name, "the purchase script"))
                    .hasMessageNotContaining("ClassCast");
        }
    }

    static Stream<Arguments> strategiesAndKeys() {
        return Stream.of(StrategyKind.WATCH, StrategyKind.LUA, StrategyKind.DECR, StrategyKind.NAIVE)
                .flatMap(kind -> Stream.of("kill_num", "kill_user", "kill_buyers", "kill_time")
                        .map(key -> Arguments.of(kind, key)));
    }

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void sellsOnceThenRefusesTheSameUser_andSellsOutAtTheStock(StrategyKind kind) {
        open(2, kind);
        PurchaseStrategy strategy = kind.create(keys, 0);
        try (Jedis jedis = redis.borrow()) {
            strategy.prepare(jedis);
            assertThat(strategy.buy(jedis, "alice")).isEqualTo(Outcome.WON);
            assertThat(strategy.buy(jedis, "alice")).isEqualTo(Outcome.ALREADY_WON);
            assertThat(strategy.buy(jedis, "bob")).isEqualTo(Outcome.WON);
            assertThat(strategy.buy(jedis, "carol")).isEqualTo(Outcome.SOLD_OUT);
            assertThat(jedis.lrange(keys.user(), 0, -1)).containsExactly("alice", "bob");
            assertThat(jedis.get(keys.num())).isEqualTo("2");
            assertThat(jedis.llen(keys.times())).isEqualTo(2);
            assertThat(new SaleAudit(keys).audit(jedis).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void theSameUserFromManyThreadsWinsExactlyOnce(StrategyKind kind) throws Exception {
        open(100, kind);
        PurchaseStrategy strategy = kind.create(keys, 0);
        try (Jedis jedis = redis.borrow()) {
            strategy.prepare(jedis);
        }
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> wins = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Callable<Integer> racer = () -> {
                go.await();
                int won = 0;
                try (Jedis jedis = redis.borrow()) {
                    // keep trying through conflicts, as a user with unlimited retries would
                    for (int i = 0; i < 50; i++) {
                        Outcome o = strategy.buy(jedis, "same-user");
                        if (o == Outcome.WON) {
                            won++;
                        } else if (o != Outcome.CONFLICT) {
                            break;
                        }
                    }
                }
                return won;
            };
            wins.add(pool.submit(racer));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : wins) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(1);
        try (Jedis jedis = redis.borrow()) {
            assertThat(jedis.lrange(keys.user(), 0, -1)).containsExactly("same-user");
            assertThat(new SaleAudit(keys).audit(jedis).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void aSalePastItsTtlSellsNothingMore(StrategyKind kind) {
        open(10, kind);
        PurchaseStrategy strategy = kind.create(keys, 0);
        try (Jedis jedis = redis.borrow()) {
            strategy.prepare(jedis);
            assertThat(strategy.buy(jedis, "early")).isEqualTo(Outcome.WON);
            jedis.pexpire(keys.flag(), 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !jedis.exists(keys.flag()));
            assertThat(strategy.buy(jedis, "late")).isEqualTo(Outcome.CLOSED);
            assertThat(jedis.lrange(keys.user(), 0, -1)).containsExactly("early");
            assertThat(jedis.get(keys.num())).isEqualTo("1");
        }
    }
}
