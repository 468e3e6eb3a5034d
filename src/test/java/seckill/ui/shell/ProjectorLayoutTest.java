package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.core.ConditionTimeoutException;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import seckill.redis.TestRedis;
import seckill.report.RecordedSale;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Language;
import seckill.ui.common.WordWrap;
import seckill.ui.live.ChartsView;

/**
 * The window as a classroom projector shows it, at 1024x768, 1280x720 and 1600x1000, zoomed 100, 150 and 200 %, in
 * English and Chinese: nothing pushes the window wider than the screen or scrolls sideways, both charts keep a
 * readable plot (the page scrolls instead), the verdict wraps between words only, and the winners show five rows;
 * English in the light theme, Chinese in the dark.
 * One recorded naive sale (oversold, the longest verdict) is replayed to its end, then the window is resized.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {
    private static final int[][] SCREENS = {{1024, 768}, {1280, 720}, {1600, 1000}};
    private static final int[] ZOOMS = {100, 150, 200};
    private static Path dir;
    private static RecordedSale sale;
    private final WindowUnderTest window = new WindowUnderTest("ui-projector");
    private Dashboard dashboard;
    private Stage stage;

    @BeforeAll
    static void recordASale() throws IOException {
        dir = Files.createTempDirectory("projector");
        String prefix = TestRedis.prefix("ui-projector-sale");
        sale = RecordedSale.play(SimulationConfig.builder().strategy(StrategyKind.NAIVE).load(20, 300, 60, 0)
                .seed(3).prefix(prefix).build(), TestRedis.connection(), dir.resolve("sale.jsonl"));
        TestRedis.reset(prefix);
    }

    @AfterAll
    static void deleteTheRecording() throws IOException {
        Files.deleteIfExists(dir.resolve("sale.jsonl"));
        Files.deleteIfExists(dir);
    }

    @Start
    void start(Stage window) {
        stage = window;
        dashboard = this.window.show(window);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> dashboard.themes().setDark(false)); // the theme is the whole application's
    }

    @Test
    void everyScreenAndZoomKeepsTheChartsTheWordsAndTheWidth(FxRobot robot) {
        onFx(() -> {
            dashboard.model().replay(sale.recording());
            dashboard.model().replay().toEnd();
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.live().settledProperty().get()));
        List<String> failures = new ArrayList<>();
        for (Language language : new Language[] {Language.EN, Language.ZH}) {
            for (int[] screen : SCREENS) {
                for (int zoom : ZOOMS) {
                    failures.addAll(check(robot, language, screen[0], screen[1], zoom));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private List<String> check(FxRobot robot, Language language, int width, int height, int zoom) {
        window.resize(width, height);
        onFx(() -> {
            dashboard.i18n().setLocale(language.locale());
            dashboard.themes().setDark(language == Language.ZH); // Chinese in dark, English in light
            dashboard.model().presentation().setZoom(zoom);
        });
        WaitForAsyncUtils.waitForFxEvents(8);
        String at = String.format(Locale.ROOT, "%s %dx%d at %d %%: ", language, width, height, zoom);
        List<String> failures = new ArrayList<>();
        double sceneWidth = fx(() -> stage.getScene().getWidth());
        double rootMin = fx(() -> stage.getScene().getRoot().minWidth(-1));
        if (rootMin > sceneWidth + 0.5) {
            failures.add(at + "the window needs " + rootMin + " px of " + sceneWidth);
        }
        for (String id : new String[] {"#sale-scroll", "#left-pane .scroll-pane"}) {
            ScrollPane scroll = robot.lookup(id).queryAs(ScrollPane.class);
            double content = fx(() -> scroll.getContent().getLayoutBounds().getWidth());
            double viewport = fx(() -> scroll.getViewportBounds().getWidth());
            if (fx(scroll::isVisible) && content > viewport + 0.5) {
                failures.add(at + id + " scrolls sideways: " + content + " px in " + viewport);
            }
        }
        double least = ChartsView.leastPlot(zoom / 100.0);
        for (String id : new String[] {"#chart-stock", "#chart-rates"}) {
            ChartViewer viewer = robot.lookup(id).queryAs(ChartViewer.class);
            Callable<Double> plotHeight = () -> fx(() -> viewer.getCanvas().getRenderingInfo().getPlotInfo()
                    .getDataArea().getHeight());
            // a chart learns what its title and legend take when it draws, and asks for the room in the next pass
            try {
                await().atMost(Duration.ofSeconds(5)).until(plotHeight, h -> h >= least);
            } catch (ConditionTimeoutException e) {
                // said below, with the rest
            }
            double plot = fx(plotHeight::call);
            if (plot < least) {
                failures.add(at + id + " plot " + plot + " px high, less than " + least);
            }
        }
        Label audit = robot.lookup("#audit").queryAs(Label.class);
        double auditWidth = fx(audit::getWidth);
        double longest = fx(() -> WordWrap.longestRun(audit.getText(), audit.getFont()));
        if (auditWidth + 0.5 < longest) {
            failures.add(at + "the verdict is " + auditWidth + " px wide, narrower than its longest word");
        }
        TableView<?> winners = robot.lookup("#winners-table").queryAs(TableView.class);
        double rows = fx(() -> winners.getHeight() / winners.getFixedCellSize());
        if (fx(((Node) winners)::isVisible) && rows < 6) {
            failures.add(at + "the winners show " + rows + " rows");
        }
        return failures;
    }
}
