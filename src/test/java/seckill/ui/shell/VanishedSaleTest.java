package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.metrics.LatencySummary;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.AuditResult;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.service.PollSnapshot;
import seckill.sim.EndReason;
import seckill.sim.Fairness;
import seckill.sim.SimulationResult;
import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.Verdict;

/**
 * Redis comes back empty (it restarted without persistence) under the sale on screen: the sale stays, the banner and
 * the verdict say what happened, and no leftover fairness stays. A fake lab, no toolkit.
 */
class VanishedSaleTest extends FakeSessionTest {
    private static final long OPENED = 1_000_000;
    private static final SaleState NO_SALE = new SaleState(-1, 0, 0, -2, -1, 0, List.of(), List.of(), OPENED + 900);
    private static final Problem LOST = Problem.of(Kind.REDIS_LOST, "redis://127.0.0.1:1", "Connection reset");

    private static SaleState selling(long total, long sold, long readAtMs) {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (long i = 0; i < sold; i++) {
            ids.add("user-" + i);
            times.add(OPENED + i);
        }
        return new SaleState(total, sold, sold, 60_000, OPENED, 0, ids, times, readAtMs);
    }

    private FakeLabService.Run running() {
        model.form().takeUrl("redis://127.0.0.1:6379");
        model.form().prefixProperty().set("ui-vanish:");
        model.form().strategyProperty().set(StrategyKind.LUA);
        model.form().stock().setValue(50);
        model.form().users().setValue(500);
        model.start();
        harness.settle();
        lab.lastStream().push(selling(50, 17, OPENED + 100));
        harness.settle();
        return lab.lastRun();
    }

    private void comesBackEmpty() {
        FakeLabService.Stream stream = lab.lastStream();
        stream.lose(LOST);
        harness.settle();
        stream.sink.accept(PollSnapshot.of(stream.source(), NO_SALE, null, true));
        harness.settle();
    }

    private static SimulationResult ended(FakeLabService.Run run, SaleState state, AuditResult audit) {
        LatencySummary l = new LatencySummary(1, 2, 3, 4, 5, 300);
        MetricsSnapshot m = new MetricsSnapshot(1_000, 300, 17, 0, 0, 0, 0, 0, 300, 17, 0, 0, 300, 17, 0, l, l);
        return new SimulationResult(run.config, audit == null ? EndReason.ERROR : EndReason.ALL_USERS_DONE, m, 900,
                state, audit, audit == null ? LOST : null, new Fairness(50, 17), -1, List.of());
    }

    @Test
    void aRunWhoseRedisCameBackEmptyKeepsItsSaleOnScreenAndSaysWhatHappened() {
        FakeLabService.Run run = running();
        run.result.complete(ended(run, null, null)); // ended on the loss: not audited, fairness from the client
        harness.settle();
        assertThat(model.verdict().fairnessProperty().get()).isNotNull();

        comesBackEmpty();
        assertThat(english.format(model.live().bannerProperty().get()))
                .startsWith("Redis came back without the sale’s keys: it restarted without persistence.")
                .contains("Start (F5) runs it again");
        assertThat(chinese.format(model.live().bannerProperty().get())).contains("重启时没有持久化");
        assertThat(model.live().figuresProperty().get().sold()).as("the sale stays on screen").isEqualTo(17);
        assertThat(model.live().winners().size()).isEqualTo(17);
        assertThat(model.live().stockHistory().size()).isPositive();
        assertThat(english.format(model.verdict().auditProperty().get()))
                .isEqualTo("Not audited: Redis came back without the sale’s keys (it restarted without persistence).")
                .doesNotContain("kill_total does not exist");
        assertThat(model.verdict().fairnessProperty().get()).as("no leftover fairness").isNull();
        assertThat(lab.calls).as("an empty Redis is not audited").noneMatch(c -> c.startsWith("audit"));
        assertThat(english.format(model.status().messageProperty().get()))
                .isEqualTo("Redis came back empty: the sale’s keys are gone.");
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.REDIS_UNAVAILABLE);
        assertThat(model.live().settledProperty().get()).isTrue();

        lab.lastStream().push(NO_SALE);
        harness.settle();
        assertThat(model.live().figuresProperty().get().sold()).as("still there a poll later").isEqualTo(17);

        assertThat(model.status().canStartProperty().get()).as("offers to start again").isTrue();
        model.start();
        assertThat(model.live().bannerProperty().get()).isNull();
    }

    @Test
    void aRunThatFoundNoSaleAfterRedisCameBackEmptySaysSoInsteadOfNoKillTotal() {
        FakeLabService.Run run = running();
        comesBackEmpty();
        AuditResult noSale = new AuditResult(false, List.of(Problem.of(Kind.NO_SALE, "ui-vanish:kill_total")), 0,
                0, 0, 0, 0);
        run.result.complete(ended(run, NO_SALE, noSale));
        harness.settle();
        assertThat(english.format(model.verdict().auditProperty().get())).startsWith("Not audited: Redis came back");
        assertThat(model.verdict().fairnessProperty().get()).isNull();
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(17);
    }

    @Test
    void aSaleOpenedAgainAfterwardsTakesTheScreen() {
        running();
        comesBackEmpty();
        FakeLabService.Stream stream = lab.lastStream();
        SaleState again = new SaleState(50, 2, 2, 60_000, OPENED + 5_000, 0, List.of("a", "b"), List.of(1L, 2L),
                OPENED + 5_100);
        stream.sink.accept(PollSnapshot.of(stream.source(), again, null, true));
        harness.settle();
        assertThat(model.live().bannerProperty().get()).isNull();
        assertThat(model.live().figuresProperty().get().sold()).isEqualTo(2);
        assertThat(model.live().winners().size()).isEqualTo(2);
    }
}
