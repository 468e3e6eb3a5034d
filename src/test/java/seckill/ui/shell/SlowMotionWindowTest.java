package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;

import java.time.Duration;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Language;

/**
 * A fast sale in the real window, headless through Monocle: the status bar offers its slow motion, and a lesson
 * chosen after it dims it under a caption.
 */
@ExtendWith(ApplicationExtension.class)
class SlowMotionWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-slow");
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        SimulationConfig sale = SimulationConfig.builder().strategy(StrategyKind.LUA).load(10, 80, 8, 0).seed(3)
                .prefix(window.prefix()).build();
        dashboard = window.show(stage, new LaunchOptions(TestRedis.url(), false, sale, true, false, false, null,
                false, Language.EN, false, false));
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    @Test
    void aFastSaleOffersItsSlowMotionAndTheButtonPlaysIt(FxRobot robot) {
        // the offer is for a sale over in under SlowMotion.FAST_MS: a busy machine's window may take longer to sell
        // ten items, so any length counts as fast here, and the test holds the button, not the machine
        fx(() -> {
            dashboard.model().slowMotion().offerUnder(Long.MAX_VALUE);
            dashboard.model().start();
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> robot.lookup("#slow-offer").query()
                .isVisible()));
        Button offer = robot.lookup("#slow-offer").queryAs(Button.class);
        assertThat(fx(offer::getText)).matches("▶ Slow motion \\(the sale took \\d+\\.\\d{2} s\\)");
        robot.clickOn("#slow-offer");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.model().replay().recordingProperty()
                .get() != null));
        assertThat(fx(() -> robot.lookup("#replay-bar").query().isVisible())).isTrue();
        assertThat(fx(offer::isVisible)).as("the replay took the screen").isFalse();
        assertThat(fx(() -> dashboard.model().replay().recordingProperty().get().purchases())).hasSize(10);
    }

    @Test
    void choosingALessonAfterASaleDimsItUnderACaption(FxRobot robot) {
        fx(() -> {
            dashboard.model().start();
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.model().live().settledProperty()
                .get()));
        Label audit = robot.lookup("#audit").queryAs(Label.class);
        assertThat(fx(audit::getText)).isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(fx(() -> robot.lookup("#stale-caption").query().isVisible())).isFalse();
        assertThat(fx(() -> dashboard.view().charts().getOpacity())).isEqualTo(1.0);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#stale-caption").query()
                .isVisible()));
        assertThat(fx(() -> robot.lookup("#stale-caption").queryAs(Label.class).getText()))
                .isEqualTo("The last sale: lua, stock 10, 80 users. Not what is set now: press Start (F5) to run it.");
        assertThat(fx(() -> robot.lookup("#tile-sold").query().getParent().getOpacity())).isLessThan(1.0);
        assertThat(fx(() -> robot.lookup("#audit-bar").query().getOpacity())).isLessThan(1.0);
        assertThat(fx(() -> dashboard.view().charts().getOpacity())).isLessThan(1.0);
    }
}
