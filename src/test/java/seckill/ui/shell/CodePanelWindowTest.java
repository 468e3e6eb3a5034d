package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.onFx;
import static seckill.ui.shell.OnFx.inWindow;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
import seckill.ui.code.CodeStep;

/** The code panel and the lessons in the real window, headless through Monocle, at a projector's 1024x768. */
@ExtendWith(ApplicationExtension.class)
class CodePanelWindowTest {
    private static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlight");

    private final WindowUnderTest window = new WindowUnderTest("ui-code");
    private final String prefix = window.prefix();
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = window.show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(prefix);
    }

    private List<Label> codeLines(FxRobot robot) {
        VBox lines = robot.lookup("#code-lines").queryAs(VBox.class);
        return fx(() -> lines.getChildren().stream().map(Label.class::cast).toList());
    }

    @Test
    void aLessonSetsTheForm_opensItsCode_andItsCardSaysWhatToLookAt_at1024x768(FxRobot robot) {
        window.resize(1024, 768);
        WaitForAsyncUtils.waitForFxEvents();
        Node card = robot.lookup("#lesson-card").query();
        assertThat(fx(card::isVisible)).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> dashboard.model().form().strategyProperty().get())).isEqualTo(StrategyKind.NAIVE);
        assertThat(fx(() -> ((Label) robot.lookup("#lesson-title").query()).getText()))
                .startsWith("Lesson 1 · naive");
        assertThat(inWindow(card)).isTrue();
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("code-tab");
        assertThat(codeLines(robot)).extracting(l -> fx(l::getText)).contains("GET " + prefix + "kill_num");
        // with the form open the charts keep their least height and the page scrolls: the code is under them
        ScrollPane page = robot.lookup("#sale-scroll").queryAs(ScrollPane.class);
        onFx(() -> page.setVvalue(page.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inWindow(robot.lookup("#code-python").query())).isTrue();
        onFx(() -> page.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();

        // the step a trace is at lights its lines
        fx(() -> {
            dashboard.model().code().highlightStepProperty().set(CodeStep.READ);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(codeLines(robot).stream().filter(l -> fx(() -> l.getPseudoClassStates().contains(HIGHLIGHT))))
                .extracting(l -> fx(l::getText)).hasSize(4).first().asString().startsWith("EXISTS ");

        // the panel follows the form; the card goes away and the settings stay
        fx(() -> {
            dashboard.model().form().strategyProperty().set(StrategyKind.LUA);
            return null;
        });
        robot.clickOn("#code-lua");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(codeLines(robot)).extracting(l -> fx(l::getText)).contains("redis.call('INCR', KEYS[3])");
        robot.clickOn("#lesson-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(card::isVisible)).isFalse();
        assertThat(fx(() -> dashboard.model().form().engineProperty().get().name())).isEqualTo("LOOP");

        // Ctrl+U puts the code away and brings it back
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("winners-tab");
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("code-tab");
    }
}
