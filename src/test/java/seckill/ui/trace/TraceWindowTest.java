package seckill.ui.trace;

import static seckill.ui.shell.OnFx.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.RoundTripKind;
import seckill.ui.form.FormViewModel;
import seckill.ui.shell.Dashboard;
import seckill.ui.shell.WindowUnderTest;
import seckill.ui.monitor.CommandFeedModel;

/** The trace's timeline and the feed of commands in the real window, headless, on the real Redis. */
@ExtendWith(ApplicationExtension.class)
class TraceWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-trace");
    private final String prefix = window.prefix();
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = window.show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> dashboard.view().traceWindow().close());
        TestRedis.reset(prefix);
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    private void tracedSale(int traced) {
        fx(() -> {
            FormViewModel form = dashboard.model().form();
            form.strategyProperty().set(StrategyKind.WATCH);
            form.stock().setValue(20);
            form.users().setValue(400);
            form.pool().setValue(20);
            form.seed().setValue(11);
            form.trace().setValue(traced);
            return null;
        });
    }

    private static void key(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
    }

    @Test
    void theTimelineIsOfferedAfterATracedRunAndStepsWithTheKeyboard(FxRobot robot) {
        tracedSale(400); // every user: some of them surely played
        Button offer = robot.lookup("#trace-offer").queryAs(Button.class);
        assertThat(fx(offer::isVisible)).isFalse();
        key(robot, KeyCode.F5);
        eventually(() -> fx(offer::isVisible));
        assertThat(fx(offer::getText)).startsWith("Trace of ");

        key(robot, KeyCode.CONTROL, KeyCode.T);
        TraceWindow window = dashboard.view().traceWindow();
        eventually(() -> fx(window::isShowing));
        TraceViewModel trace = dashboard.model().trace();
        assertThat(fx(trace::getCurrent)).isZero();
        assertThat(fx(() -> trace.currentKindProperty().get())).isEqualTo(RoundTripKind.WATCH_READ);
        Label caption = robot.lookup("#trace-caption").queryAs(Label.class);
        assertThat(fx(caption::getText)).contains("WATCH");
        assertThat(fx(() -> window.view().diagram().texts())).hasSize(fx(() -> trace.stepsProperty().get().size()));

        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.RIGHT);
        assertThat(fx(trace::getCurrent)).isEqualTo(2);
        key(robot, KeyCode.LEFT);
        assertThat(fx(trace::getCurrent)).isEqualTo(1);
        key(robot, KeyCode.END);
        assertThat(fx(trace::getCurrent)).isEqualTo(fx(() -> trace.stepsProperty().get().size() - 1));
        key(robot, KeyCode.HOME);
        assertThat(fx(trace::getCurrent)).isZero();

        key(robot, KeyCode.SPACE);
        assertThat(fx(trace::isPlaying)).isTrue();
        key(robot, KeyCode.PLUS);
        assertThat(fx(() -> trace.speedProperty().get())).isEqualTo(2.0);
        eventually(() -> fx(trace::getCurrent) > 0); // the replay moves on the window's frames
        key(robot, KeyCode.SPACE);
        assertThat(fx(trace::isPlaying)).isFalse();

        if (fx(trace::buyerCount) > TraceViewModel.BUYERS_SHOWN) {
            key(robot, KeyCode.PAGE_DOWN);
            assertThat(fx(() -> trace.firstBuyerProperty().get())).isEqualTo(TraceViewModel.BUYERS_SHOWN);
        }

        key(robot, KeyCode.ESCAPE);
        eventually(() -> !fx(window::isShowing));
    }

    @Test
    void whatRedisSeesListsTheSampledCommandsWhileShown(FxRobot robot) {
        tracedSale(0);
        CommandFeedModel commands = dashboard.model().commands();
        assertThat(fx(() -> robot.lookup("#feed").query().isVisible())).isFalse();
        key(robot, KeyCode.CONTROL, KeyCode.M);
        assertThat(fx(() -> commands.shownProperty().get())).isTrue();
        assertThat(fx(() -> robot.lookup("#feed").query().isVisible())).isTrue();
        key(robot, KeyCode.F5);
        eventually(() -> fx(() -> commands.rows().stream().anyMatch(r -> r.text().contains(" WATCH " + prefix
                + "kill_flag"))));
        assertThat(fx(() -> dashboard.model().trace().isAvailable())).as("no trace asked for").isFalse();
    }
}
