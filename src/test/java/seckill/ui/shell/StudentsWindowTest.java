package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.onFx;
import static seckill.ui.shell.OnFx.truncated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import seckill.redis.TestRedis;
import seckill.ui.common.Language;
import seckill.ui.students.QrReading;
import seckill.ui.students.StudentsModel;
import seckill.ui.students.StudentsPanel;

/**
 * The Students tab in the real window, headless through Monocle, on a projector's 1024x768 and 1280x720, in English
 * and Chinese, light and dark: the QR code on screen (as the window draws it, not only its picture) reads back as the
 * address, and the code and the figures show whole. {@code -Dseckill.shots=DIR} also writes each screen to DIR, for a
 * person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class StudentsWindowTest {
    private static final String URL = "http://192.168.1.20:7070/j/K7M3QX";

    private final WindowUnderTest window = new WindowUnderTest("ui-students");
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        // a machine without a CJK font shows Chinese as boxes: -Dseckill.cjkFont=FILE brings one for the pictures
        String cjk = System.getProperty("seckill.cjkFont");
        if (cjk != null && !cjk.isBlank()) {
            try (var in = Files.newInputStream(Path.of(cjk))) {
                Font.loadFont(in, 16);
            }
        }
        dashboard = window.show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> dashboard.themes().setDark(false));
        TestRedis.reset(window.prefix());
    }

    @Test
    void theCodeOnScreenReadsBack_andEveryFigureShowsWhole_onAProjector(FxRobot robot) {
        onFx(() -> {
            TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "students-tab".equals(t.getId()))
                    .findFirst().orElseThrow());
            dashboard.students().messageProperty().set("Bound to 127.0.0.1: phones cannot reach it");
        });
        window.resize(1024, 768);
        WaitForAsyncUtils.waitForFxEvents(8);
        shoot(fx(() -> stage.getScene().snapshot(null)), "off-1024x768");
        onFx(() -> {
            StudentsModel students = dashboard.students();
            students.messageProperty().set(null);
            students.runningProperty().set(true);
            students.urlProperty().set(URL);
            students.codeProperty().set("K7M3QX");
            students.joinedProperty().set(31);
            students.wonProperty().set(10);
            students.players().setAll(new StudentsModel.Player("小明", 1), new StudentsModel.Player("Ann Lee", 2),
                    new StudentsModel.Player("zhang_wei-2", null), new StudentsModel.Player("王小红同学", null));
        });
        List<String> failures = new ArrayList<>();
        for (int[] size : new int[][] {{1024, 768}, {1280, 720}}) {
            for (Language language : Language.values()) {
                for (boolean dark : new boolean[] {false, true}) {
                    failures.addAll(check(robot, size[0], size[1], language, dark, 100));
                }
            }
        }
        // a room that zooms in: larger type, the code still whole and readable
        failures.addAll(check(robot, 1280, 720, Language.EN, false, 150));
        failures.addAll(check(robot, 1024, 768, Language.ZH, true, 150));
        onFx(() -> dashboard.model().presentation().setZoom(100));
        assertThat(failures).isEmpty();
        winnersFromPhones(robot);
    }

    /** The winners' tab with students among the winners; a picture of it in each language and theme. */
    private void winnersFromPhones(FxRobot robot) {
        onFx(() -> {
            dashboard.live().winners().append(0, List.of("u17", "stu:小明", "stu:Ann Lee", "u3"), List.of(), -1, 10);
            TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(0);
        });
        for (Language language : Language.values()) {
            onFx(() -> {
                dashboard.i18n().setLocale(language.locale());
                dashboard.themes().setDark(language == Language.ZH);
            });
            WaitForAsyncUtils.waitForFxEvents(8);
            shoot(fx(() -> stage.getScene().snapshot(null)), "winners-" + language);
        }
        assertThat(truncated(robot.lookup("#winners-table .table-cell").queryAll())).isEmpty();
    }

    private List<String> check(FxRobot robot, int width, int height, Language language, boolean dark, int zoom) {
        window.resize(width, height);
        onFx(() -> {
            dashboard.i18n().setLocale(language.locale());
            dashboard.themes().setDark(dark);
            dashboard.model().presentation().setZoom(zoom);
        });
        WaitForAsyncUtils.waitForFxEvents(8);
        // the page scrolls when the tiles and the charts leave the tabs too little height, as the code's tab does
        ScrollPane page = robot.lookup("#sale-scroll").queryAs(ScrollPane.class);
        onFx(() -> page.setVvalue(page.getVmax()));
        WaitForAsyncUtils.waitForFxEvents(8);
        String at = String.format(Locale.ROOT, "%dx%d %s %s %d%%", width, height, language, dark ? "dark" : "light",
                zoom);
        WritableImage screen = fx(() -> stage.getScene().snapshot(null));
        shoot(screen, at);
        List<String> failures = new ArrayList<>();
        ImageView qr = dashboard.panel(StudentsPanel.class).qrPicture();
        if (!OnFx.inWindow(qr)) {
            failures.add(at + ": the QR code is not whole in the window");
        } else {
            Bounds b = fx(() -> qr.localToScene(qr.getBoundsInLocal()));
            WritableImage shown = new WritableImage(screen.getPixelReader(), (int) b.getMinX(), (int) b.getMinY(),
                    (int) b.getWidth(), (int) b.getHeight());
            try {
                String read = QrReading.text(shown);
                if (!URL.equals(read)) {
                    failures.add(at + ": the QR code on screen reads " + read);
                }
            } catch (AssertionError e) {
                failures.add(at + ": " + e.getMessage());
            }
        }
        List<Node> figures = List.of(robot.lookup("#students-code").query(), robot.lookup("#students-joined").query(),
                robot.lookup("#students-won").query(), robot.lookup("#students-join").query());
        truncated(figures).forEach(cut -> failures.add(at + ": cut off " + cut));
        failures.addAll(checkLarge(robot, at, fx(() -> qr.getBoundsInParent().getWidth())));
        // the class list under the code, in reach by scrolling the panel
        ScrollPane panel = robot.lookup("#students").queryAs(ScrollPane.class);
        onFx(() -> panel.setVvalue(panel.getVmax()));
        WaitForAsyncUtils.waitForFxEvents(4);
        shoot(fx(() -> stage.getScene().snapshot(null)), "list-" + at);
        List<Node> list = new ArrayList<>(robot.lookup(".students-name").queryAll());
        list.addAll(robot.lookup(".students-rank").queryAll());
        truncated(list).forEach(cut -> failures.add(at + ": cut off " + cut));
        onFx(() -> panel.setVvalue(0));
        return failures;
    }

    /** The code over the whole window: larger than in the panel, and it reads back. */
    private List<String> checkLarge(FxRobot robot, String at, double inPanel) {
        // as a click would (the page may have scrolled the button out of sight; StudentsPanelTest clicks it)
        onFx(() -> robot.lookup("#students-enlarge").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents(4);
        List<String> failures = new ArrayList<>();
        Node large = robot.lookup("#students-large-qr").query();
        WritableImage screen = fx(() -> large.getScene().snapshot(null));
        shoot(screen, "large-" + at);
        double side = fx(() -> large.getBoundsInParent().getWidth());
        if (side < Math.max(inPanel + 1, 300)) {
            failures.add(at + ": the large code is " + side + " px, in the panel " + inPanel);
        }
        try {
            String read = QrReading.text(screen);
            if (!URL.equals(read)) {
                failures.add(at + ": the large QR code reads " + read);
            }
        } catch (AssertionError e) {
            failures.add(at + ": large: " + e.getMessage());
        }
        truncated(List.of(robot.lookup("#students-large-code").query())).forEach(cut -> failures.add(at
                + ": large: cut off " + cut));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        return failures;
    }

    private static void shoot(WritableImage screen, String name) {
        String dir = System.getProperty("seckill.shots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path file = Files.createDirectories(Path.of(dir)).resolve("students-" + name.replace(' ', '-') + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(screen, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
