package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.labelText;
import static seckill.ui.shell.OnFx.onFx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.TestRedis;
import seckill.report.RecordedComparison;
import seckill.report.RecordedSale;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/** A recorded sale played again in the real window, headless through Monocle; nothing connects to Redis. */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-replay");
    private Dashboard dashboard;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        dashboard = window.show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    @Test
    void aRecordedSalePlayedToTheEndShowsTheLiveSalesFigures(FxRobot robot) throws IOException {
        RecordedSale sale = RecordedSale.play(SimulationConfig.builder().strategy(StrategyKind.LUA)
                .load(25, 200, 20, 0).seed(7).prefix(window.prefix()).build(), TestRedis.connection(),
                dir.resolve("sale.jsonl"));
        onFx(() -> dashboard.model().replay(sale.recording()));
        assertThat(fx(() -> robot.lookup("#replay-bar").query().isVisible())).isTrue();
        assertThat(fx(() -> dashboard.model().replay().playingProperty().get())).isTrue();

        robot.clickOn("#replay-end");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.live().settledProperty().get()));
        assertThat(labelText(robot, "#tile-sold-value")).isEqualTo(sale.result().state().sold() + " / 25")
                .isEqualTo("25 / 25");
        assertThat(labelText(robot, "#tile-winners-value")).isEqualTo("25");
        assertThat(labelText(robot, "#audit")).isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(labelText(robot, "#replay-time")).matches("t = (\\d+\\.\\d{3}) s of \\1 s");
        // nothing connected: the session is where it started, and Start works from there
        assertThat(fx(() -> dashboard.model().server().isReached())).isFalse();
        assertThat(fx(() -> dashboard.model().status().getPhase())).isEqualTo(Phase.DISCONNECTED);
        assertThat(fx(() -> dashboard.model().status().canStartProperty().get())).isTrue();
        assertThat(fx(dashboard::verdict)).isEqualTo(seckill.util.Verdict.OK);
    }

    @Test
    void aRecordedComparisonPlaysInTheColumnsUnderTheReplayBar(FxRobot robot) throws IOException {
        List<StrategyKind> lineup = List.of(StrategyKind.NAIVE, StrategyKind.LUA);
        RecordedComparison c;
        try {
            c = RecordedComparison.play(SimulationConfig.builder().load(8, 120, 30, 0).naiveGapMs(5).seed(9)
                    .prefix(window.prefix()).build(), lineup, TestRedis.connection(), dir.resolve("c.jsonl"));
        } finally {
            lineup.forEach(s -> TestRedis.reset(Comparison.saleKeys(window.prefix(), s).prefix()));
        }
        onFx(() -> dashboard.model().replay(c.recording()));
        assertThat(fx(() -> robot.lookup("#compare").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#replay-bar").query().isVisible())).as("the bar over the columns").isTrue();

        robot.clickOn("#replay-end");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.live().settledProperty().get()));
        for (int i = 0; i < lineup.size(); i++) {
            SimulationResult r = c.result().results().get(i);
            assertThat(labelText(robot, "#compare-" + lineup.get(i).cliName() + "-sold"))
                    .isEqualTo(r.state().sold() + " / 8");
        }
        assertThat(labelText(robot, "#compare-lua-audit"))
                .isEqualTo(fx(() -> dashboard.i18n().get("compare.audit.holds")));
        assertThat(fx(() -> dashboard.model().server().isReached())).isFalse();
    }
}
