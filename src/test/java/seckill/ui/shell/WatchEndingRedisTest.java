package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnector;
import seckill.redis.TestRedis;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.service.RedisLabService;
import seckill.ui.common.I18n;

/** A sale another client stops selling, on the real Redis: the watching window concludes it and picks it up again. */
class WatchEndingRedisTest {
    private final String prefix = TestRedis.prefix("ui-quiet");
    private final SaleKeys keys = new SaleKeys(prefix);
    private final ModelHarness harness = ModelHarness.real(new RedisLabService(RedisConnector.fromEnvironment()));
    private final DashboardViewModel model = harness.model;
    private final I18n english = new I18n(I18n.ENGLISH);

    @AfterEach
    void cleanUp() {
        harness.close();
        TestRedis.reset(prefix);
    }

    /** Another client buys for {@code users} users, numbered from {@code from}; the flag stays set. */
    private void buy(int from, int users) {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            PurchaseStrategy lua = StrategyKind.LUA.create(keys, 0);
            lua.prepare(jedis);
            for (int i = from; i < from + users; i++) {
                assertThat(lua.buy(jedis, "quiet-" + i)).isEqualTo(Outcome.WON);
            }
        }
    }

    private long unsoldInRedis() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            return Long.parseLong(jedis.get(keys.total())) - Long.parseLong(jedis.get(keys.num()));
        }
    }

    private String unsoldOnScreen() {
        return model.verdict().fairnessProperty().get() == null ? ""
                : english.format(model.verdict().fairnessProperty().get());
    }

    @Test
    void aWatchedSaleThatStopsSellingIsConcludedWithItsUnsoldStockAndPicksUpAgain() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new Sale(keys).open(jedis, 20, 600, StrategyKind.LUA);
        }
        buy(0, 7);
        model.watchedAudit().quietAfter(300);
        model.form().takeUrl(TestRedis.url());
        model.form().prefixProperty().set(prefix);
        model.watch();
        harness.until(() -> model.verdict().endedProperty().get() != null);

        assertThat(unsoldInRedis()).isEqualTo(13);
        assertThat(unsoldOnScreen()).isEqualTo("13 left unsold (库存遗留)");
        assertThat(english.format(model.verdict().endedProperty().get())).startsWith("Ended: nothing sold for");
        assertThat(model.verdict().auditOkProperty().get()).isTrue();
        assertThat(model.live().settledProperty().get()).as("ui --watch --exit ends here").isTrue();
        assertThat(model.status().getPhase()).isEqualTo(Phase.WATCHING);

        buy(7, 1);
        harness.until(() -> unsoldOnScreen().startsWith("12 "));
        assertThat(unsoldInRedis()).isEqualTo(12);
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(8);
    }
}
