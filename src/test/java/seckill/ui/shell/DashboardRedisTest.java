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
import seckill.ui.compare.CompareViewModel;
import seckill.ui.live.Figures;
import seckill.util.Verdict;

/** The whole path on the real Redis: view model, real workers, {@link RedisLabService}, the engine, the poller. */
class DashboardRedisTest {
    private final String prefix = TestRedis.prefix("ui-model");
    private final ModelHarness harness = ModelHarness.real(new RedisLabService(RedisConnector.fromEnvironment()));
    private final DashboardViewModel model = harness.model;
    private final I18n english = new I18n(I18n.ENGLISH);
    private final SaleKeys quietKeys = new SaleKeys(prefix);

    @AfterEach
    void cleanUp() {
        harness.close();
        TestRedis.reset(prefix);
        for (StrategyKind kind : StrategyKind.values()) {
            TestRedis.reset(prefix + kind.cliName() + ":");
        }
    }

    private void smallSale(StrategyKind strategy, long stock, long users) {
        model.form().takeUrl(TestRedis.url());
        model.form().prefixProperty().set(prefix);
        model.form().strategyProperty().set(strategy);
        model.form().stock().setValue(stock);
        model.form().users().setValue(users);
        model.form().pool().setValue(20);
    }

    @Test
    void runsASaleFromStartToASettledScreen() {
        smallSale(StrategyKind.LUA, 20, 200);
        model.start();
        harness.until(() -> model.live().settledProperty().get());

        assertThat(model.status().getPhase()).isEqualTo(Phase.FINISHED);
        Figures f = model.live().figuresProperty().get();
        assertThat(f.sold()).isEqualTo(20);
        assertThat(f.stockLeft()).isZero();
        assertThat(f.oversold()).isZero();
        assertThat(model.live().winners().size()).isEqualTo(20);
        assertThat(model.live().winners().rows().get(0).msSinceOpen()).isGreaterThanOrEqualTo(0);
        assertThat(english.format(model.verdict().auditProperty().get()))
                .isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(english.format(model.verdict().endedProperty().get())).isEqualTo("Ended: sold out");
        assertThat(model.server().redisTargetProperty().get()).startsWith("redis://");
        assertThat(model.live().stockHistory().size()).isPositive();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void racesStrategiesSideBySideEachOnItsOwnKeys() {
        smallSale(StrategyKind.LUA, 20, 300);
        model.form().compare().set(java.util.List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA),
                false);
        model.start();
        assertThat(model.compare().activeProperty().get()).isTrue();
        harness.until(() -> model.live().settledProperty().get());

        assertThat(model.status().getPhase()).isEqualTo(Phase.FINISHED);
        assertThat(model.compare().columns()).extracting(CompareViewModel.Column::strategy)
                .containsExactly(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA);
        assertThat(model.compare().columns()).allMatch(CompareViewModel.Column::ended);
        CompareViewModel.Column lua = model.compare().columns().get(2);
        assertThat(lua.sold()).isEqualTo(20);
        assertThat(lua.audit()).isEqualTo(CompareViewModel.Audit.HOLDS);
        assertThat(model.compare().columns().get(1).audit()).isEqualTo(CompareViewModel.Audit.HOLDS);
        assertThat(model.compare().columns().get(0).audit()).as("naive holds or oversells: the lesson either way")
                .isIn(CompareViewModel.Audit.HOLDS, CompareViewModel.Audit.EXPECTED_VIOLATION);
        assertThat(model.compare().soldHistory(2).size()).isPositive();
        assertThat(model.sessionVerdict()).as("naive's violation is the lesson, not a failure").isEqualTo(Verdict.OK);
        harness.until(() -> model.compare().columns().get(2).soldOutMs() >= 0);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(jedis.get(prefix + "lua:kill_num")).isEqualTo("20");
            assertThat(jedis.exists(prefix + "kill_num")).as("no sale under the bare prefix").isFalse();
            SaleKeys lane = new SaleKeys(prefix + "lua:");
            long emptiedAt = Long.parseLong(jedis.lindex(lane.times(), 19));
            long openedAt = Long.parseLong(jedis.hget(lane.meta(), "opened_ms"));
            assertThat(model.compare().columns().get(2).soldOutMs()).as("sold out in: by Redis's kill_time")
                    .isEqualTo(emptiedAt - openedAt);
        }
    }

    @Test
    void stopsARunningSaleAndResetsIt() {
        smallSale(StrategyKind.WATCH, 1_000, 1_000_000);
        model.form().spreadMs().setValue(600_000); // users trickle in: the sale is still going when we stop it
        model.start();
        harness.until(() -> model.live().figuresProperty().get().exists());
        model.stop();
        harness.until(() -> model.status().getPhase() == Phase.FINISHED);
        assertThat(english.format(model.verdict().endedProperty().get())).isEqualTo("Ended: stopped");

        model.reset();
        harness.until(() -> model.status().getPhase() == Phase.IDLE);
        assertThat(model.live().winners().size()).isZero();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(new Sale(new SaleKeys(prefix)).exists(jedis)).isFalse();
        }
    }

    @Test
    void followsASaleThatAnotherClientDrives() {
        SaleKeys keys = new SaleKeys(prefix);
        smallSale(StrategyKind.WATCH, 1, 1);
        model.watch();
        harness.until(() -> model.status().getPhase() == Phase.WATCHING
                && "status.waiting".equals(model.status().messageProperty().get().key()));

        OtherClient.sellOut(keys, 30, "other-");
        harness.until(() -> model.live().winners().size() == 30 && model.live().figuresProperty().get().sold() == 30);
        assertThat(model.live().winners().rows().get(29).userId()).isEqualTo("other-29");
        harness.until(() -> model.verdict().auditOkProperty().get() != null);
        assertThat(model.verdict().auditOkProperty().get()).isTrue();
        model.stop();
        assertThat(model.status().getPhase()).isEqualTo(Phase.IDLE);
    }

    /** Another client buys for {@code users} users, numbered from {@code from}; the flag stays set. */
    private void buy(int from, int users) {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            PurchaseStrategy lua = StrategyKind.LUA.create(quietKeys, 0);
            lua.prepare(jedis);
            for (int i = from; i < from + users; i++) {
                assertThat(lua.buy(jedis, "quiet-" + i)).isEqualTo(Outcome.WON);
            }
        }
    }

    private long unsoldInRedis() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            return Long.parseLong(jedis.get(quietKeys.total())) - Long.parseLong(jedis.get(quietKeys.num()));
        }
    }

    private String unsoldOnScreen() {
        return model.verdict().fairnessProperty().get() == null ? ""
                : english.format(model.verdict().fairnessProperty().get());
    }

    @Test
    void aWatchedSaleThatStopsSellingIsConcludedWithItsUnsoldStockAndPicksUpAgain() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new Sale(quietKeys).open(jedis, 20, 600, StrategyKind.LUA);
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
