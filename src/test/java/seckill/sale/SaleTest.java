package seckill.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import seckill.redis.EmbeddedRedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

class SaleTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String prefix = TestRedis.prefix("sale");
    private final SaleKeys keys = new SaleKeys(prefix);
    private final Sale sale = new Sale(keys);

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    @Test
    void opensAsTheTutorialDoes() {
        try (Jedis jedis = redis.borrow()) {
            sale.open(jedis, 50, 600, StrategyKind.WATCH);
            assertThat(jedis.get(keys.total())).isEqualTo("50");
            assertThat(jedis.get(keys.num())).isEqualTo("0");
            assertThat(jedis.get(keys.flag())).isEqualTo("1");
            assertThat(jedis.ttl(keys.flag())).isBetween(590L, 600L);
            assertThat(jedis.exists(keys.user())).isFalse();
        }
    }

    @Test
    void resetDeletesExactlyTheSalesKeys() {
        String neighbour = prefix + "not_ours";
        try (Jedis jedis = redis.borrow()) {
            sale.open(jedis, 5, 60, StrategyKind.LUA);
            jedis.rpush(keys.user(), "u1");
            jedis.set(neighbour, "keep me");
            assertThat(sale.reset(jedis)).isEqualTo(6);
            assertThat(jedis.exists(keys.all().toArray(String[]::new))).isZero();
            assertThat(jedis.get(neighbour)).isEqualTo("keep me");
            jedis.del(neighbour);
        }
    }

    @Test
    void readsTheStateInOneTransactionAndOnlyTheNewWinners() {
        try (Jedis jedis = redis.borrow()) {
            sale.open(jedis, 5, 60, StrategyKind.LUA);
            PurchaseStrategy lua = StrategyKind.LUA.create(keys, 0);
            lua.prepare(jedis);
            for (String u : List.of("a", "b", "c")) {
                lua.buy(jedis, u);
            }
            SaleState first = new SaleReader(keys).read(jedis, 0, 2);
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.sold()).isEqualTo(3);
            assertThat(first.winners()).isEqualTo(3);
            assertThat(first.isOpen()).isTrue();
            assertThat(first.newWinners()).containsExactly("a", "b");
            assertThat(first.newTimes()).allMatch(t -> t >= first.openedMs());
            SaleState next = new SaleReader(keys).read(jedis, first.nextIndex(), 100);
            assertThat(next.newWinners()).containsExactly("c");
            assertThat(next.nextIndex()).isEqualTo(3);
        }
    }

    @Test
    void auditFindsEveryKindOfViolation() {
        try (Jedis jedis = redis.borrow()) {
            sale.open(jedis, 2, 60, StrategyKind.NAIVE);
            jedis.set(keys.num(), "3");
            jedis.rpush(keys.user(), "x", "y", "x", "z");
            AuditResult a = new SaleAudit(keys).audit(jedis);
            assertThat(a.ok()).isFalse();
            assertThat(a.oversold()).isEqualTo(2);
            assertThat(a.uniqueWinners()).isEqualTo(3);
            assertThat(a.violations()).extracting(Problem::kind)
                    .containsExactly(Kind.OVERSOLD, Kind.WINNERS_MISMATCH, Kind.WON_TWICE);
            assertThat(a.violations().get(0).fields()).containsEntry("sold", 3L).containsEntry("total", 2L)
                    .containsEntry("excess", 1L);
            assertThat(a.violations()).extracting(Problem::english)
                    .anySatisfy(v -> assertThat(v).startsWith("oversold"))
                    .anySatisfy(v -> assertThat(v).contains("kill_user holds 4"))
                    .anySatisfy(v -> assertThat(v).contains("won twice").contains("x"));
        }
    }

    @Test
    void namesKeysOfTheWrongType() {
        try (Jedis jedis = redis.borrow()) {
            sale.open(jedis, 2, 60, StrategyKind.WATCH);
            jedis.set(keys.user(), "oops");
            jedis.set(keys.num(), "many");
            assertThat(sale.wrongTypes(jedis)).extracting(Problem::kind)
                    .containsExactlyInAnyOrder(Kind.KEY_WRONG_TYPE, Kind.KEY_NOT_A_NUMBER);
            assertThat(sale.wrongTypes(jedis)).extracting(Problem::english).hasSize(2)
                    .anySatisfy(p -> assertThat(p).contains(keys.user()).contains("string").contains("list"))
                    .anySatisfy(p -> assertThat(p).contains(keys.num()).contains("number"));
        }
    }

    @Test
    void luaRecoversWhenTheServerLostItsScripts() {
        // SCRIPT FLUSH would disturb other tests on a shared server: this one gets a server of its own
        EmbeddedRedis server = EmbeddedRedis.start();
        try (RedisConnection own = RedisConnection.open(server.target(), 4, java.time.Duration.ofSeconds(5), server);
             Jedis jedis = own.borrow()) {
            sale.open(jedis, 3, 60, StrategyKind.LUA);
            PurchaseStrategy lua = StrategyKind.LUA.create(keys, 0);
            lua.prepare(jedis);
            assertThat(lua.buy(jedis, "before")).isEqualTo(Outcome.WON);
            jedis.scriptFlush();
            assertThat(lua.buy(jedis, "after")).isEqualTo(Outcome.WON);
            assertThat(jedis.lrange(keys.user(), 0, -1)).containsExactly("before", "after");
        }
    }
}
