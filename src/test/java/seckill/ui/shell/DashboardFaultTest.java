package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnector;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.service.RedisLabService;
import seckill.ui.common.I18n;
import seckill.ui.live.Figures;

/** Redis lost under a watching dashboard, and back: a server of the test's own, killed for real. */
@Tag("faults")
class DashboardFaultTest {
    private static final String PASSWORD = "dashboard-secret";
    private final PrivateRedis server = PrivateRedis.start("--requirepass", PASSWORD);
    private final ModelHarness harness = ModelHarness.real(new RedisLabService(RedisConnector.fromEnvironment()));
    private final DashboardViewModel model = harness.model;
    private final I18n english = new I18n(I18n.ENGLISH);

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private void until(BooleanSupplier condition) {
        harness.until(condition);
    }

    /** A sale of 40 on the test's server, these winners in it, and the window watching it. */
    private SaleKeys watching(String... winners) {
        SaleKeys keys = new SaleKeys("");
        try (Jedis jedis = server.admin()) {
            new Sale(keys).open(jedis, 40, 600, StrategyKind.LUA);
            jedis.incrBy(keys.num(), winners.length);
            jedis.rpush(keys.user(), winners);
        }
        model.form().takeUrl(server.url());
        model.watch();
        until(() -> model.status().getPhase() == Phase.WATCHING && model.live().winners().size() == winners.length);
        return keys;
    }

    @Test
    void showsABannerWhileRedisIsAwayKeepsTheNumbersAndKeepsTheSaleWhenRedisComesBackEmpty() {
        SaleKeys keys = watching("a", "b", "c");
        Figures before = model.live().figuresProperty().get();
        assertThat(before.sold()).isEqualTo(3);

        server.killHard();
        until(() -> model.live().bannerProperty().get() != null);
        String banner = english.format(model.live().bannerProperty().get());
        assertThat(banner).startsWith("Redis is lost: ").doesNotContain(PASSWORD);
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(3); // what was read stays on screen
        assertThat(model.live().winners().size()).isEqualTo(3);
        assertThat(model.status().getPhase()).isEqualTo(Phase.WATCHING);

        server.restart(); // no persistence: it comes back empty, and the sale stays on screen as last read
        until(() -> model.live().saleVanished());
        assertThat(english.format(model.live().bannerProperty().get()))
                .startsWith("Redis came back without the sale’s keys: it restarted without persistence.");
        try (Jedis jedis = server.admin()) {
            assertThat(jedis.exists(keys.total())).as("Redis itself has no sale").isFalse();
        }
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(3);
        assertThat(model.live().winners().size()).isEqualTo(3);
        assertThat(english.format(model.status().messageProperty().get()))
                .isEqualTo("Redis came back empty: the sale’s keys are gone.");
        assertThat(model.server().redisTargetProperty().get()).contains("***").doesNotContain(PASSWORD);

        try (Jedis jedis = server.admin()) {
            new Sale(keys).open(jedis, 10, 600, StrategyKind.LUA); // a new sale there takes the screen
        }
        until(() -> model.live().bannerProperty().get() == null);
        until(() -> model.live().figuresProperty().get().total() == 10);
        assertThat(model.live().winners().size()).isZero();
    }

    @Test
    void aStalledRedisIsNamedInTheBannerAndShadedOnTheCharts() {
        watching("a", "b");
        until(() -> model.live().stockHistory().size() >= 2);
        assertThat(model.live().stockHistory().outages()).isEmpty();

        server.freeze(true); // kill -STOP: the server neither reads nor answers
        try {
            until(() -> {
                model.frame(System.currentTimeMillis()); // as each frame of the window does
                return model.live().bannerProperty().get() != null;
            });
            assertThat(english.format(model.live().bannerProperty().get()))
                    .matches("Redis has not answered for \\d+\\.\\d s: it is stalled .*|Redis is lost: .*");
            assertThat(model.live().stockHistory().outageOpen()).as("shaded from the last point on").isTrue();
        } finally {
            server.freeze(false);
        }
        until(() -> model.live().bannerProperty().get() == null);
        assertThat(model.live().stockHistory().outages()).singleElement()
                .satisfies(o -> assertThat(o[1]).isGreaterThan(o[0]));
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(2);
    }
}
