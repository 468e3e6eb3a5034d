package seckill.ui.students;

import static org.assertj.core.api.Assertions.assertThat;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.labelText;
import static seckill.ui.shell.OnFx.onFx;

import java.util.ArrayList;
import java.util.List;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import seckill.ui.common.I18n;
import seckill.ui.common.PanelStage;

/** The Students panel alone, headless through Monocle, as wide as a side tab at 1280x720. */
@ExtendWith(ApplicationExtension.class)
class StudentsPanelTest {
    private static final String URL = "http://192.168.1.20:7070/j/K7M3QX";

    private final StudentsModel model = new StudentsModel();
    private final StudentsPanel panel = new StudentsPanel(model);
    private final PanelStage shown = new PanelStage(I18n.ENGLISH);
    private final List<String> asked = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model.setOnStart(() -> asked.add("start"));
        model.setOnStop(() -> asked.add("stop"));
        model.setOnKick(name -> asked.add("kick " + name));
        shown.show(stage, panel, 420, 700);
    }

    @AfterEach
    void cleanUp() {
        onFx(() -> {
            shown.themes().setDark(false);
            stage.close();
        });
    }

    private void running() {
        onFx(() -> {
            model.runningProperty().set(true);
            model.urlProperty().set(URL);
            model.codeProperty().set("K7M3QX");
            model.joinedProperty().set(27);
            model.wonProperty().set(4);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theQrCodeReadsBackAsTheExactAddress_withWholeModulesAndAQuietZone() {
        running();
        Image picture = fx(() -> panel.qrPicture().getImage());
        assertThat(QrReading.text(picture)).isEqualTo(URL);
        int modules = new QrCode(URL).size();
        assertThat((int) picture.getWidth() % modules).isZero();
        // 300 px and more at 100 % in a panel that has the room, and not smoothed between modules
        assertThat(fx(() -> panel.qrPicture().getBoundsInParent().getWidth())).isGreaterThanOrEqualTo(300);
        assertThat(fx(() -> panel.qrPicture().isSmooth())).isFalse();
        // white at the corner even in the dark theme: the quiet zone is drawn, not left to the background
        onFx(() -> shown.themes().setDark(true));
        WaitForAsyncUtils.waitForFxEvents();
        Image dark = fx(() -> panel.qrPicture().getImage());
        assertThat(fx(() -> dark.getPixelReader().getArgb(0, 0))).isEqualTo(0xFFFFFFFF);

        onFx(() -> model.urlProperty().set("http://10.0.0.7:7070/j/ZZ9Q2A"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(QrReading.text(fx(() -> panel.qrPicture().getImage()))).isEqualTo("http://10.0.0.7:7070/j/ZZ9Q2A");
    }

    @Test
    void showsTheAddressTheCodeAndTheCounts(FxRobot robot) {
        assertThat(fx(() -> robot.lookup("#students-live").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#students-off").query().isVisible())).isTrue();
        running();
        assertThat(fx(() -> robot.lookup("#students-live").query().isVisible())).isTrue();
        assertThat(labelText(robot, "#students-url")).isEqualTo(URL);
        assertThat(labelText(robot, "#students-code")).isEqualTo("K7M3QX");
        assertThat(labelText(robot, "#students-joined")).isEqualTo("27");
        assertThat(labelText(robot, "#students-won")).isEqualTo("4");
        assertThat(fx(() -> robot.lookup("#students-message").query().isVisible())).isFalse();
        onFx(() -> model.messageProperty().set("bound to 127.0.0.1: phones cannot reach it"));
        assertThat(fx(() -> robot.lookup("#students-message").query().isVisible())).isTrue();
        assertThat(labelText(robot, "#students-message")).isEqualTo("bound to 127.0.0.1: phones cannot reach it");
    }

    @Test
    void theSwitchAsksToStartAndStop_andShowsWhatRuns(FxRobot robot) {
        ToggleSwitch join = robot.lookup("#students-join").queryAs(ToggleSwitch.class);
        robot.clickOn(join.lookup(".label-container"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("start");
        // nothing runs until whoever started it says so
        assertThat(fx(join::isSelected)).isFalse();
        onFx(() -> model.runningProperty().set(true));
        assertThat(fx(join::isSelected)).isTrue();
        robot.clickOn(join.lookup(".thumb-area"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("start", "stop");
        onFx(() -> model.runningProperty().set(false));
        assertThat(fx(join::isSelected)).isFalse();
    }

    @Test
    void eachPlayersButtonRemovesThatPlayer(FxRobot robot) {
        running();
        onFx(() -> model.players().setAll(new StudentsModel.Player("ann", null), new StudentsModel.Player("小明", 3)));
        WaitForAsyncUtils.waitForFxEvents();
        var kicks = fx(() -> ((StudentsView) robot.lookup("#students").query()).players().kickButtons());
        assertThat(kicks).hasSize(2);
        robot.clickOn(kicks.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("kick 小明");
        assertThat(robot.lookup(".students-rank").queryAllAs(Labeled.class)).extracting(l -> fx(l::getText))
                .containsExactly("", "No. 3");
        assertThat(fx(() -> robot.lookup(".students-winner").queryAll().size())).isEqualTo(1);
    }

    @Test
    void theCodeOverTheWholeWindowReadsBack_andGoesAwayWithEscOrWhenJoiningStops(FxRobot robot) {
        running();
        StudentsView view = robot.lookup("#students").queryAs(StudentsView.class);
        robot.clickOn("#students-enlarge");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.large().showing())).isTrue();
        QrView large = robot.lookup("#students-large-qr").queryAs(QrView.class);
        assertThat(fx(() -> large.getScene().getWindow() != stage)).isTrue();
        assertThat(QrReading.text(fx(() -> large.getScene().snapshot(null)))).isEqualTo(URL);
        // as wide as the window (this one is narrow and tall), leaving the address and the code under it
        assertThat(fx(() -> large.picture().getFitWidth())).isGreaterThanOrEqualTo(fx(() -> view.qr().picture()
                .getFitWidth()));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.large().showing())).isFalse();

        robot.clickOn("#students-qr");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.large().showing())).isTrue();
        onFx(() -> model.runningProperty().set(false));
        assertThat(fx(() -> view.large().showing())).isFalse();
    }

    @Test
    void speaksChinese(FxRobot robot) {
        running();
        onFx(() -> shown.i18n().setLocale(I18n.CHINESE));
        assertThat(labelText(robot, "#students-join")).isEqualTo("让全班加入");
        assertThat(robot.lookup(".students-caption").queryAllAs(Labeled.class)).extracting(l -> fx(l::getText))
                .contains("加入码", "已加入", "抢到");
        Node none = robot.lookup("#students-none").query();
        assertThat(fx(() -> ((Labeled) none).getText())).startsWith("还没有人加入");
    }
}
