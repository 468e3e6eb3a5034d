package seckill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.report.WinnersCsv;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

/** The view model against the real Redis, without any toolkit: the test's thread drains the hand-off. */
class DashboardViewModelTest {
    private final String prefix = TestRedis.prefix("ui-model");
    private final ModelHarness harness = new ModelHarness();
    private final DashboardViewModel model = harness.model;
    private final Handoff handoff = harness.handoff;
    private final I18n english = new I18n(I18n.ENGLISH);

    @AfterEach
    void cleanUp() {
        harness.close();
        TestRedis.reset(prefix);
    }

    private void until(BooleanSupplier condition) {
        harness.until(condition);
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
        assertThat(model.canStartProperty().get()).isTrue();
        model.start();
        assertThat(model.getPhase()).isEqualTo(Phase.RUNNING);
        assertThat(model.canStartProperty().get()).isFalse();
        until(() -> model.settledProperty().get());

        assertThat(model.getPhase()).isEqualTo(Phase.FINISHED);
        Figures f = model.figuresProperty().get();
        assertThat(f.sold()).isEqualTo(20);
        assertThat(f.total()).isEqualTo(20);
        assertThat(f.stockLeft()).isZero();
        assertThat(f.oversold()).isZero();
        assertThat(model.winners().size()).isEqualTo(20);
        assertThat(model.winners().rows().get(0).msSinceOpen()).isGreaterThanOrEqualTo(0);
        assertThat(english.format(model.auditProperty().get())).isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(model.auditOkProperty().get()).isTrue();
        assertThat(english.format(model.endedProperty().get())).isEqualTo("Ended: sold out");
        assertThat(model.redisTargetProperty().get()).startsWith("redis://");
        assertThat(model.stockHistory().size()).isPositive();
        assertThat(model.exitCode()).isZero();
        assertThat(model.canStartProperty().get()).isTrue();
    }

    @Test
    void naiveOversellsAndTheAuditSaysItIsOnPurpose() {
        smallSale(StrategyKind.NAIVE, 5, 200);
        model.start();
        until(() -> model.settledProperty().get());
        assertThat(model.figuresProperty().get().oversold()).isPositive();
        assertThat(model.auditOkProperty().get()).isFalse();
        assertThat(english.format(model.auditProperty().get())).startsWith("✘ oversold").contains("on purpose");
        assertThat(model.exitCode()).isEqualTo(3);
    }

    @Test
    void stopsARunningSaleAndResetsIt() {
        smallSale(StrategyKind.WATCH, 1_000, 1_000_000);
        model.form().spreadMs().setValue(600_000); // users trickle in: the sale is still going when we stop it
        model.start();
        until(() -> model.figuresProperty().get().exists());
        model.stop();
        assertThat(model.getPhase()).isEqualTo(Phase.STOPPING);
        until(() -> model.getPhase() == Phase.FINISHED);
        assertThat(english.format(model.endedProperty().get())).isEqualTo("Ended: stopped");

        model.reset();
        until(() -> model.getPhase() == Phase.IDLE);
        assertThat(model.winners().size()).isZero();
        assertThat(model.figuresProperty().get().exists()).isFalse();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(new Sale(new SaleKeys(prefix)).exists(jedis)).isFalse();
        }
    }

    @Test
    void followsASaleThatAnotherClientDrives() {
        SaleKeys keys = new SaleKeys(prefix);
        smallSale(StrategyKind.WATCH, 1, 1);
        model.watch();
        until(() -> model.getPhase() == Phase.WATCHING
                && "status.waiting".equals(model.messageProperty().get().key()));
        assertThat(english.format(model.messageProperty().get())).startsWith("Waiting for a sale under prefix");

        // another client, by the same keys: open a sale and sell it out with the Lua strategy
        OtherClient.sellOut(keys, 30, "other-");
        until(() -> model.winners().size() == 30 && model.figuresProperty().get().sold() == 30);
        assertThat(model.winners().rows().get(29).userId()).isEqualTo("other-29");
        assertThat(model.figuresProperty().get().stockLeft()).isZero();
        assertThat(model.figuresProperty().get().conflicts()).isEqualTo(-1); // no local run: nothing to count
        // sold out and quiet: the watched sale is audited too
        until(() -> model.auditOkProperty().get() != null);
        assertThat(model.auditOkProperty().get()).isTrue();

        model.stop();
        assertThat(model.getPhase()).isEqualTo(Phase.IDLE);
    }

    @Test
    void refusesToWatchASaleWhoseKeysHaveTheWrongTypeAndNamesTheKey() {
        SaleKeys keys = new SaleKeys(prefix);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.set(keys.user(), "not a list");
        }
        smallSale(StrategyKind.WATCH, 1, 1);
        model.watch();
        until(() -> model.getPhase() == Phase.IDLE);
        assertThat(english.format(model.messageProperty().get())).startsWith("Refused: ").contains(keys.user())
                .contains("list");
    }

    @Test
    void keepsTheScreenWhenRedisIsLostAndClearsTheBannerWhenItIsBack() {
        smallSale(StrategyKind.LUA, 10, 50);
        model.start();
        until(() -> model.settledProperty().get());
        long source = currentSource();
        Figures before = model.figuresProperty().get();

        model.apply(PollSnapshot.lost(source, Problem.of(Problem.Kind.REDIS_LOST, "redis://127.0.0.1:1",
                "Connection reset")));
        assertThat(english.format(model.bannerProperty().get())).startsWith("Redis is lost: ")
                .contains("reconnecting");
        assertThat(model.figuresProperty().get()).isEqualTo(before);
        assertThat(model.winners().size()).isEqualTo(10);

        until(() -> model.bannerProperty().get() == null); // the next real poll succeeds
        assertThat(english.format(model.messageProperty().get())).isEqualTo("Redis is back.");
    }

    @Test
    void exportsTheWinnersAndTheReport(@TempDir Path dir) throws Exception {
        smallSale(StrategyKind.DECR, 10, 100);
        model.start();
        until(() -> model.settledProperty().get());
        var csv = model.exportWinners(dir.resolve("w.csv"));
        var json = model.exportReport(dir.resolve("r.json"));
        until(() -> csv.isDone() && json.isDone());
        assertThat(csv.get()).isEqualTo(10);
        assertThat(Files.readAllLines(dir.resolve("w.csv"))).hasSize(11).first().isEqualTo(WinnersCsv.HEADER);
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"strategy\" : \"decr\"")
                .contains("\"sold\" : 10");
        assertThat(english.format(model.messageProperty().get())).startsWith("Saved ");
    }

    @Test
    void startStaysOffWhileAFieldIsWrong() {
        model.form().stock().textProperty().set("0");
        assertThat(model.canStartProperty().get()).isFalse();
        model.start();
        assertThat(model.getPhase()).isEqualTo(Phase.DISCONNECTED);
        assertThat(english.format(model.messageProperty().get())).isEqualTo(
                "Stock cannot be 0: enter a whole number from 1 to 100,000,000.");
    }

    @Test
    void saysClearlyWhenRedisCannotBeReached() {
        model.form().takeUrl("redis://127.0.0.1:1");
        model.connect();
        until(() -> model.getPhase() == Phase.DISCONNECTED);
        assertThat(english.format(model.messageProperty().get())).startsWith("Cannot use Redis: ")
                .contains("127.0.0.1:1");
        assertThat(model.exitCode()).isEqualTo(4);
    }

    /** The poller of the sale on screen, read through a snapshot it made. */
    private long currentSource() {
        long[] source = {-1};
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            handoff.drain(s -> {
                source[0] = s.source();
                model.apply(s);
            });
            return source[0] >= 0;
        });
        return source[0];
    }
}
