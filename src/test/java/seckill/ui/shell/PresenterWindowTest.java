package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.labelText;
import static seckill.ui.shell.OnFx.onFx;

import java.time.Duration;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.EngineKind;
import seckill.sim.SimulationResult;
import seckill.ui.common.I18n;

/**
 * Presenter mode in the real window, headless through Monocle, against the real Redis: F6 puts the form, menus and
 * bars away and back, and after a sale the "What happened" card says it in plain words from the sale's own figures.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-present");
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dashboard = window.show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    private void naiveSaleOnTheLoop() {
        onFx(() -> {
            var form = dashboard.model().form();
            form.strategyProperty().set(StrategyKind.NAIVE);
            form.engineProperty().set(EngineKind.LOOP);
            form.fields().stream().filter(f -> f.field().optionName().equals("stock")).findFirst().orElseThrow()
                    .textProperty().set("5");
            form.fields().stream().filter(f -> f.field().optionName().equals("users")).findFirst().orElseThrow()
                    .textProperty().set("300");
            form.fields().stream().filter(f -> f.field().optionName().equals("pool")).findFirst().orElseThrow()
                    .textProperty().set("20");
        });
    }

    @Test
    void f6PutsTheChromeAwayAndTheCardSaysWhatHappened(FxRobot robot) {
        window.resize(1280, 720);
        naiveSaleOnTheLoop();
        robot.press(KeyCode.F6).release(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> dashboard.model().presentation().presentingProperty().get())).isTrue();
        for (String id : new String[] {"#left-pane", "#status-bar", "#side-tabs"}) {
            Node node = robot.lookup(id).query();
            assertThat(fx(node::isVisible)).as(id + " put away").isFalse();
        }
        assertThat(fx(() -> robot.lookup("#what-happened").query().isVisible())).as("no sale yet").isFalse();

        onFx(() -> dashboard.model().start());
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.live().settledProperty().get()));
        WaitForAsyncUtils.waitForFxEvents(5);
        SimulationResult r = fx(() -> dashboard.model().verdict().resultProperty().get());
        assertThat(r.state().oversold()).as("on the loop all 20 read before any writes").isPositive();
        assertThat(fx(() -> robot.lookup("#what-happened").query().isVisible())).isTrue();
        assertThat(labelText(robot, "#happened-text")).startsWith("20 buyers read the stock at once")
                .contains(r.state().sold() + " sold of 5, " + r.state().oversold() + " oversold");
        assertThat(labelText(robot, "#happened-caption")).isEqualTo("naive · stock 5 · 300 users · 20 at once · loop");
        ScrollPane page = robot.lookup("#sale-scroll").queryAs(ScrollPane.class);
        assertThat(fx(() -> page.getContent().getLayoutBounds().getHeight()))
                .as("nothing scrolls at 1280x720")
                .isLessThanOrEqualTo(fx(() -> page.getViewportBounds().getHeight()) + 0.5);

        onFx(() -> dashboard.i18n().setLocale(I18n.CHINESE));
        assertThat(labelText(robot, "#happened-text")).startsWith("20 个买家同时读到库存");

        robot.press(KeyCode.F6).release(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#status-bar").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#what-happened").query().isVisible())).isFalse();
    }
}
