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
import seckill.sim.EndReason;
import seckill.sim.SimulationResult;
import seckill.ui.lessons.Lesson;

/**
 * Nothing stale: a lesson chosen or a setting changed after a sale dims the last sale under a caption that names it,
 * and the next sale clears it. A fake lab, no toolkit.
 */
class StaleScreenTest extends FakeSessionTest {
    private static final long OPENED = 1_000_000;

    private static SaleState soldOut(long total, long readAtMs) {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            ids.add("user-" + i);
            times.add(OPENED + i);
        }
        return new SaleState(total, total, total, -2, OPENED, 0, ids, times, readAtMs);
    }

    /** A watch sale of 20 for 200 users, run to its sold-out end and settled. */
    private void aSaleRan() {
        model.form().takeUrl("redis://127.0.0.1:6379");
        model.form().prefixProperty().set("ui-stale:");
        model.form().strategyProperty().set(StrategyKind.WATCH);
        model.form().stock().setValue(20);
        model.form().users().setValue(200);
        model.start();
        harness.settle();
        FakeLabService.Run run = lab.lastRun();
        SaleState end = soldOut(20, OPENED + 500);
        LatencySummary l = new LatencySummary(1, 2, 3, 4, 5, 300);
        MetricsSnapshot m = new MetricsSnapshot(1_000, 300, 20, 0, 0, 0, 280, 0, 200, 20, 0, 0, 300, 20, 280, l, l);
        run.result.complete(new SimulationResult(run.config, EndReason.SOLD_OUT, m, 500, end,
                new AuditResult(true, List.of(), 20, 20, 20, 20, 0), null));
        harness.settle();
        lab.lastStream().push(soldOut(20, System.currentTimeMillis()));
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.FINISHED);
        assertThat(english.format(model.verdict().auditProperty().get())).startsWith("✔ nothing oversold");
        assertThat(model.live().staleProperty().get()).as("the screen is the settings' own").isNull();
    }

    @Test
    void choosingALessonDimsTheLastSaleUnderACaptionThatNamesIt() {
        aSaleRan();
        model.lessons().choose(Lesson.values()[0]);
        assertThat(english.format(model.live().staleProperty().get()))
                .isEqualTo("The last sale: watch, stock 20, 200 users. "
                        + "Not what is set now: press Start (F5) to run it.");
        assertThat(chinese.format(model.live().staleProperty().get())).startsWith("上一场秒杀：watch，库存 20");
        assertThat(model.live().figuresProperty().get().sold()).as("dimmed, not wiped").isEqualTo(20);
        assertThat(model.verdict().auditOkProperty().get()).isTrue();

        model.start();
        assertThat(model.live().staleProperty().get()).as("the new sale takes the screen").isNull();
        assertThat(model.verdict().auditProperty().get()).isNull();
    }

    @Test
    void changingASettingAfterASaleDimsIt() {
        aSaleRan();
        model.form().stock().setValue(50);
        assertThat(english.format(model.live().staleProperty().get())).startsWith("The last sale: watch, stock 20");
    }

    @Test
    void nothingIsDimmedBeforeAnySaleNorWhileOneRuns() {
        model.form().stock().setValue(50);
        model.lessons().choose(Lesson.values()[1]);
        assertThat(model.live().staleProperty().get()).as("nothing on screen yet").isNull();
        model.lessons().dismiss(); // a lesson's run would play again slowed down

        aSaleRan();
        model.watch();
        harness.settle();
        lab.lastStream().push(soldOut(20, OPENED + 900));
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.WATCHING);
        model.form().stock().setValue(70);
        assertThat(model.live().staleProperty().get()).as("the sale watched is on screen as it is").isNull();
    }
}
