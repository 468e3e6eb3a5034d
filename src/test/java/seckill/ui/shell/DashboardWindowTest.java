package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.inWindow;
import static seckill.ui.shell.OnFx.onFx;
import static seckill.ui.shell.OnFx.truncated;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.Jedis;
import seckill.redis.KeyedCalls;
import seckill.redis.TestRedis;
import seckill.sale.Sale;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.EngineKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.buckets.BucketsPanel;
import seckill.ui.common.I18n;
import seckill.ui.live.WinnersPanel;

/**
 * The real window, headless through Monocle, against the real Redis under a prefix of its own; also as a classroom
 * projector shows it (1024x768, 1280x720, zoomed).
 */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-window");
    private final String prefix = window.prefix();
    /** How many buckets the test's sale was split into, for the clean-up. */
    private int buckets = 1;
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
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new SaleBuckets(new SaleKeys(prefix), buckets).reset(jedis);
        }
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return fx(() -> node instanceof Label l ? l.getText() : node instanceof Button b ? b.getText()
                : ((TextInputControl) node).getText());
    }

    private static boolean disabled(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return fx(node::isDisabled);
    }

    private static String caption(FxRobot robot, String tile) {
        VBox box = robot.lookup(tile).queryAs(VBox.class);
        return fx(() -> ((Label) box.getChildren().get(1)).getText());
    }

    private void setField(FxRobot robot, String id, String value) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        onFx(() -> field.setText(value));
    }

    private void smallSale(FxRobot robot, String strategy, int stock, int users) {
        onFx(() -> dashboard.model().form().strategyProperty().set(StrategyKind.fromName(strategy)));
        setField(robot, "#field-stock", Integer.toString(stock));
        setField(robot, "#field-users", Integer.toString(users));
        setField(robot, "#field-pool", "20");
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    @Test
    void refusesBadValuesAsTheyAreTypedAndNamesTheField(FxRobot robot) {
        robot.clickOn("#field-stock").eraseText(2).write("12x");
        eventually(() -> text(robot, "#error-stock").startsWith("Must"));
        // under the field, whose label names it; in the status bar, after its name
        assertThat(text(robot, "#error-stock")).isEqualTo("Must be a whole number from 1 to 100,000,000, not “12x”");
        assertThat(text(robot, "#status-message"))
                .isEqualTo("Stock: must be a whole number from 1 to 100,000,000, not “12x” — fix it to start");
        assertThat(fx(() -> dashboard.model().status().canStartProperty().get())).isFalse();
        assertThat(disabled(robot, "#start")).as("Start shows the field instead of starting").isFalse();

        robot.eraseText(3).write("0");
        assertThat(text(robot, "#error-stock")).startsWith("Cannot be 0");

        robot.eraseText(1).write("500");
        eventually(() -> "1 – 100,000,000".equals(text(robot, "#error-stock")));
        assertThat(fx(() -> dashboard.model().status().canStartProperty().get())).isTrue();
        assertThat(text(robot, "#status-message")).startsWith("Fill in the sale");

        setField(robot, "#field-pool", "99999");
        assertThat(text(robot, "#error-pool")).isEqualTo("Must be from 1 to 2,000 (got 99,999)");
        assertThat(fx(() -> dashboard.model().status().canStartProperty().get())).isFalse();
    }

    /** Whether the whole node shows in the scroll pane's viewport. */
    private static boolean inSight(ScrollPane scroll, Node node) {
        return fx(() -> {
            Node viewport = scroll.lookup(".viewport");
            Bounds view = viewport.localToScene(viewport.getLayoutBounds());
            Bounds b = node.localToScene(node.getLayoutBounds());
            return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
        });
    }

    @Test
    void f5WithAWrongFieldOutOfSightUnfoldsTheFormScrollsToItAndPutsTheCursorInIt(FxRobot robot) {
        resize(1024, 768);
        setField(robot, "#field-seed", "99999999999999999999");
        ScrollPane scroll = robot.lookup(".form-scroll").queryAs(ScrollPane.class);
        onFx(() -> scroll.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        Node seed = robot.lookup("#field-seed").query();
        Node left = robot.lookup("#left-pane").query();
        assertThat(inSight(scroll, seed)).as("the seed is below the fold at 1024x768").isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        eventually(() -> !fx(left::isVisible));
        assertThat(text(robot, "#status-message"))
                .isEqualTo("Random seed: absurdly large: at most 9,223,372,036,854,775,807 — fix it to start");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        eventually(() -> fx(left::isVisible));
        eventually(() -> fx(() -> stage.getScene().getFocusOwner() == seed));
        assertThat(inSight(scroll, seed)).isTrue();
        assertThat(inSight(scroll, robot.lookup("#error-seed").query())).as("what is wrong with it too").isTrue();
        assertThat(fx(() -> dashboard.model().status().getPhase())).isEqualTo(Phase.DISCONNECTED);

        // the field above it, scrolled the other way
        setField(robot, "#field-stock", "0");
        robot.press(KeyCode.F5).release(KeyCode.F5);
        Node stock = robot.lookup("#field-stock").query();
        eventually(() -> fx(() -> stage.getScene().getFocusOwner() == stock));
        assertThat(inSight(scroll, stock)).isTrue();
    }

    /** The label's text as it is drawn, a string a line; nothing cut off. */
    private static List<String> drawnLines(Labeled label) {
        return fx(() -> {
            Text drawn = (Text) label.lookup(".text");
            assertThat(drawn.getText()).as("drawn whole, not cut with …").isEqualTo(label.getText());
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            double y = Double.NaN;
            for (int i = 0; i < drawn.getText().length(); i++) {
                double at = ((MoveTo) drawn.caretShape(i, true)[0]).getY();
                if (at > y + 1) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                y = at;
                line.append(drawn.getText().charAt(i));
            }
            lines.add(line.toString());
            return lines;
        });
    }

    /** Every number of the label's text (9,223,372,036,854,775,807; 65535) on one line. */
    private static void assertNumbersWhole(Labeled label) {
        List<String> lines = drawnLines(label);
        Matcher numbers = Pattern.compile("-?\\d[\\d,]*\\d|\\d").matcher(fx(label::getText));
        while (numbers.find()) {
            String n = numbers.group();
            assertThat(lines).as(label.getId()).anySatisfy(l -> assertThat(l).contains(n));
        }
    }

    @Test
    void theCheckForBrokenNumbersSeesANumberSplitAcrossLines() {
        Label probe = new Label("at most 9,223,372,036,854,775,807");
        probe.setWrapText(true);
        fx(() -> {
            VBox box = new VBox(probe);
            new Scene(box, 90, 200);
            box.applyCss();
            box.layout();
            return null;
        });
        assertThat(drawnLines(probe)).hasSizeGreaterThan(2);
        assertThatThrownBy(() -> assertNumbersWhole(probe)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aWrongFieldsMessageWrapsUnderItWithEveryNumberWholeAt1024x768(FxRobot robot) {
        resize(1024, 768);
        setField(robot, "#field-seed", "-99999999999999999999");
        setField(robot, "#field-stock", "100000001");
        setField(robot, "#redis-url", "redis://127.0.0.1:99999");
        WaitForAsyncUtils.waitForFxEvents(5);
        for (String id : new String[] {"#error-seed", "#error-stock", "#redis-hint", "#status-message"}) {
            Labeled label = robot.lookup(id).queryAs(Labeled.class);
            assertNumbersWhole(label);
        }
        assertThat(text(robot, "#error-seed")).isEqualTo("Absurdly small: at least -9,223,372,036,854,775,808");
        assertThat(text(robot, "#redis-hint")).isEqualTo("The port must be from 1 to 65535 (got 99999)");
        assertThat(drawnLines(robot.lookup("#error-seed").queryAs(Labeled.class))).as("wrapped, not cut")
                .hasSizeGreaterThan(1);

        onFx(() -> dashboard.i18n().setLocale(I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(text(robot, "#redis-hint")).isEqualTo("端口必须在 1 到 65535 之间（当前为 99999）");
        assertThat(text(robot, "#status-message")).startsWith("Redis：端口必须");
        for (String id : new String[] {"#error-seed", "#error-stock", "#redis-hint", "#status-message"}) {
            assertNumbersWhole(robot.lookup(id).queryAs(Labeled.class));
        }
    }

    @Test
    void runsASaleAndShowsTheFinalNumbers(FxRobot robot) {
        smallSale(robot, "lua", 25, 300);
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());

        assertThat(text(robot, "#tile-sold-value")).isEqualTo("25 / 25");
        assertThat(text(robot, "#tile-stock-left-value")).isEqualTo("0");
        assertThat(text(robot, "#tile-winners-value")).isEqualTo("25");
        assertThat(text(robot, "#tile-oversold-value")).isEqualTo("0");
        assertThat(text(robot, "#winners-count")).isEqualTo("25");
        assertThat(fx(() -> dashboard.panel(WinnersPanel.class).table().getItems().size())).isEqualTo(25);
        assertThat(text(robot, "#audit")).isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(text(robot, "#ended")).isEqualTo("Ended: sold out");
        assertThat(text(robot, "#status-target")).startsWith("Redis: redis://");
        assertThat(fx(stage::getTitle)).isEqualTo("Seckill Lab");
    }

    @Test
    void runsTheSaleOnTheEventLoopChosenInTheForm(FxRobot robot) {
        smallSale(robot, "watch", 30, 400);
        setField(robot, "#field-retries", "50");
        @SuppressWarnings("unchecked")
        ComboBox<EngineKind> engine = robot.lookup("#engine").queryAs(ComboBox.class);
        onFx(() -> engine.setValue(EngineKind.LOOP));
        assertThat(text(robot, "#engine-hint")).startsWith("One thread holds every buyer’s connection");
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());

        assertThat(fx(() -> dashboard.model().verdict().resultProperty().get().config().engine()))
                .isEqualTo(EngineKind.LOOP);
        assertThat(text(robot, "#tile-sold-value")).isEqualTo("30 / 30");
        assertThat(text(robot, "#audit")).isEqualTo("✔ nothing oversold, nobody won twice");
    }

    @Test
    void theTableFollowsTheNewestWinnerToTheLastRow(FxRobot robot) {
        smallSale(robot, "lua", 150, 300);
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());
        VirtualFlow<?> flow = robot.lookup("#winners-table .virtual-flow").queryAs(VirtualFlow.class);
        eventually(() -> fx(() -> flow.getLastVisibleCell().getIndex()) == 149);
    }

    @Test
    void whileFollowingTheTableHoldsTheNewestRows_untickingFollowKeepsTheRowInViewAmongAll(FxRobot robot) {
        smallSale(robot, "lua", 1_500, 3_000);
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());
        var table = dashboard.panel(WinnersPanel.class).table();
        VirtualFlow<?> flow = robot.lookup("#winners-table .virtual-flow").queryAs(VirtualFlow.class);
        eventually(() -> fx(() -> table.getItems().size() == 1_000 && flow.getLastVisibleCell().getIndex() == 999));
        assertThat(text(robot, "#winners-count")).isEqualTo("1,500");
        long topRank = fx(() -> table.getItems().get(flow.getFirstVisibleCell().getIndex()).rank());

        robot.clickOn("#follow");
        eventually(() -> fx(() -> table.getItems().size()) == 1_500);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(fx(() -> table.getItems().get(flow.getFirstVisibleCell().getIndex()).rank())).isEqualTo(topRank);

        robot.clickOn("#follow");
        eventually(() -> fx(() -> table.getItems().size() == 1_000 && flow.getLastVisibleCell().getIndex() == 999));
    }

    @Test
    void stopsAndResetsFromTheKeyboard(FxRobot robot) {
        smallSale(robot, "watch", 1_000, 1_000_000);
        setField(robot, "#field-spread-ms", "600000");
        robot.clickOn("#start");
        eventually(() -> dashboard.model().status().getPhase() == Phase.RUNNING
                && dashboard.model().live().figuresProperty().get()
                .exists());
        // Ctrl+R while it runs: not now, and the status line says why
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        eventually(() -> text(robot, "#status-message").startsWith("Reset waits: stop the sale first (Esc)"));
        assertThat(fx(() -> dashboard.model().status().getPhase())).isEqualTo(Phase.RUNNING);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(new Sale(new SaleKeys(prefix)).exists(jedis)).as("its keys left alone").isTrue();
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        eventually(() -> dashboard.model().status().getPhase() == Phase.FINISHED);
        assertThat(text(robot, "#ended")).isEqualTo("Ended: stopped");

        // the sale folded the form away on this screen: the key works all the same
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        eventually(() -> dashboard.model().status().getPhase() == Phase.IDLE);
        assertThat(text(robot, "#winners-count")).isEqualTo("0");
        assertThat(text(robot, "#tile-sold-value")).isEqualTo("—");
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(new Sale(new SaleKeys(prefix)).exists(jedis)).isFalse();
        }
    }

    @Test
    void switchesToChineseLive(FxRobot robot) {
        assertThat(text(robot, "#start")).isEqualTo("Start");
        robot.clickOn("#language");
        eventually(() -> "开始".equals(text(robot, "#start")));
        assertThat(caption(robot, "#tile-stock-left")).isEqualTo("剩余库存");
        assertThat(text(robot, "#language")).isEqualTo("English");
        assertThat(fx(stage::getTitle)).contains("秒杀");
        robot.clickOn("#language");
        eventually(() -> "Start".equals(text(robot, "#start")));
        assertThat(caption(robot, "#tile-stock-left")).isEqualTo("Stock left");
    }

    @Test
    void switchesTheThemeLive(FxRobot robot) {
        assertThat(dashboard.themes().isDark()).isFalse();
        robot.clickOn("#theme");
        eventually(() -> dashboard.themes().isDark());
    }

    @Test
    void writesAScreenshotOfTheWholeWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        smallSale(robot, "decr", 10, 100);
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());
        Path file = dir.resolve("shot.png");
        fx(() -> dashboard.view().exports().screenshot(file)).get(30, TimeUnit.SECONDS);

        BufferedImage image = ImageIO.read(file.toFile());
        double width = fx(() -> stage.getScene().getWidth());
        double height = fx(() -> stage.getScene().getHeight());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(width));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(height));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours: not a blank picture").isGreaterThan(50);

        Path chart = dir.resolve("chart.png");
        fx(() -> dashboard.view().exports().exportChart("stock", chart, 800, 450)).get(30, TimeUnit.SECONDS);
        assertThat(ImageIO.read(chart.toFile()).getWidth()).isEqualTo(800);
    }

    @Test
    void followsASaleDrivenByAnotherClient(FxRobot robot) {
        robot.clickOn("#watch");
        eventually(() -> dashboard.model().status().getPhase() == Phase.WATCHING);
        OtherClient.sellOut(new SaleKeys(prefix), 15, "py-");
        eventually(() -> "15".equals(text(robot, "#winners-count")));
        assertThat(text(robot, "#tile-sold-value")).isEqualTo("15 / 15");
        assertThat(text(robot, "#tile-conflicts-value")).isEqualTo("—");
        assertThat(text(robot, "#status-phase")).isEqualTo("Watching");
        eventually(() -> text(robot, "#audit").startsWith("✔"));
        // another client's attempts and conflicts are not known here: no line, no legend for them
        var rates = fx(() -> dashboard.view().charts().ratesChart().getXYPlot());
        assertThat(fx(() -> rates.getLegendItems().getItemCount())).isEqualTo(1);
        assertThat(fx(() -> rates.getLegendItems().get(0).getLabel())).isEqualTo("wins/s");
    }

    /** The buckets' cells shown red as sold out, and the buckets Redis holds sold out. */
    private long[] soldOutShownAndInRedis() {
        List<javafx.scene.layout.Region> cells = fx(() -> dashboard.panel(BucketsPanel.class).cellNodes());
        long shown = fx(() -> cells.stream().filter(c -> c.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("sold-out"))).count());
        try (Jedis jedis = TestRedis.connection().borrow()) {
            long inRedis = new SaleBuckets(new SaleKeys(prefix), buckets).read(jedis).stream()
                    .filter(b -> b.exists() && b.stockLeft() == 0).count();
            return new long[] {shown, inRedis};
        }
    }

    @Test
    void runsASaleInBuckets_theirPanelShowsEachBucketsLevel_theSoldOutOnesRed_andTheAuditHolds(FxRobot robot) {
        resize(1280, 720);
        buckets = 8;
        smallSale(robot, "lua", 64, 90);
        setField(robot, "#field-buckets", "8");
        assertThat(text(robot, "#error-buckets")).startsWith("1 – 1,024; above 1 splits the stock");
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());
        WaitForAsyncUtils.waitForFxEvents(5);

        assertThat(text(robot, "#audit")).isEqualTo("✔ nothing oversold, nobody won twice");
        SimulationResult r = fx(() -> dashboard.model().verdict().resultProperty().get());
        assertThat(r.config().buckets()).isEqualTo(8);
        assertThat(text(robot, "#tile-sold-value")).isEqualTo(r.state().sold() + " / 64");
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).as("brought into sight")
                .isEqualTo("buckets-tab");
        assertThat(fx(() -> dashboard.panel(BucketsPanel.class).cellNodes())).hasSize(8)
                .allSatisfy(cell -> assertThat(inWindow(cell)).isTrue());
        long[] soldOut = soldOutShownAndInRedis();
        assertThat(soldOut[0]).isEqualTo(soldOut[1]);
        assertThat(text(robot, "#buckets-summary")).isEqualTo(soldOut[1] == 0 ? "8 buckets, none sold out yet: "
                + (64 - r.state().sold()) + " items left" : soldOut[1] == 8 ? "All 8 buckets sold out: nothing is "
                + "left in any" : soldOut[1] + " of 8 buckets sold out: their users are turned away while "
                + r.bucketUnsold() + " items are left in the others (what bucketing costs)");
        assertThat(truncated(robot.lookup("#buckets .label").queryAll())).isEmpty();
        // the bucket numbers under the bars, the items left above them
        assertThat(robot.lookup("#buckets .bucket-number").queryAll()).hasSize(8);
    }

    @Test
    void watchesASaleInAThousandAndTwentyFourBucketsThatAnotherClientRuns_aCellEach(FxRobot robot) {
        resize(1024, 768);
        robot.clickOn("#watch");
        eventually(() -> dashboard.model().status().getPhase() == Phase.WATCHING);
        buckets = 1_024;
        SimulationConfig other = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA).buckets(buckets)
                .load(2_048, 3_000, 50, 0).seed(14).build();
        Simulation run = new Simulation(other, TestRedis.connection());
        SimulationResult r = run.run();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            // the other client closes its sale: over, the window audits it
            new SaleBuckets(new SaleKeys(prefix), buckets).close(KeyedCalls.on(jedis));
        }
        eventually(() -> text(robot, "#audit").startsWith("✔"));
        eventually(() -> text(robot, "#tile-sold-value").equals(String.format("%,d / 2,048", r.state().sold())));
        List<javafx.scene.layout.Region> cells = fx(() -> dashboard.panel(BucketsPanel.class).cellNodes());
        assertThat(cells).hasSize(1_024);
        long[] soldOut = soldOutShownAndInRedis();
        assertThat(soldOut[0]).isEqualTo(soldOut[1]).isPositive();
        double em = fx(() -> dashboard.model().presentation().getFontSize());
        assertThat(fx(() -> cells.get(1_023).getWidth())).as("a cell one can point at")
                .isGreaterThanOrEqualTo(Math.round(BucketsPanel.MIN_CELL_EM * em));
        ScrollPane grid = robot.lookup(".buckets-scroll").queryAs(ScrollPane.class);
        assertThat(fx(() -> grid.getContent().getLayoutBounds().getHeight()))
                .as("at 1024x768 the grid scrolls rather than shrink its cells")
                .isGreaterThan(fx(() -> grid.getViewportBounds().getHeight()));
        assertThat(text(robot, "#status-phase")).isEqualTo("Watching");
    }

    @Test
    void neverShowsThePassword(FxRobot robot) {
        TextField url = robot.lookup("#redis-url").queryAs(TextField.class);
        onFx(() -> dashboard.model().form().takeUrl("redis://:topsecret@127.0.0.1:1"));
        assertThat(fx(() -> url.getText())).isEqualTo("redis://:***@127.0.0.1:1");
        robot.clickOn("#connect");
        eventually(() -> dashboard.model().status().getPhase() == Phase.DISCONNECTED
                && text(robot, "#status-message").startsWith("Cannot use Redis"));
        assertThat(text(robot, "#status-message")).doesNotContain("topsecret");
        assertThat(fx(stage::getTitle)).doesNotContain("topsecret");
        assertThat(fx(() -> robot.lookup("#banner").query().isVisible())).as("in the red banner too").isTrue();
        assertThat(text(robot, "#banner-text")).startsWith("Cannot use Redis").doesNotContain("topsecret");
    }

    // ---- a classroom projector: 1024x768 and 1280x720 show every figure whole; the zoom and its keys ----

    private void resize(double width, double height) {
        window.resize(width, height);
        WaitForAsyncUtils.waitForFxEvents();
        eventually(() -> fx(() -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height));
    }

    private void runSale(FxRobot robot) {
        smallSale(robot, "lua", 2_000, 3_000);
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertEverythingWhole(FxRobot robot) {
        // a layout pass or two: the tiles step their figures down to fit, then settle
        WaitForAsyncUtils.waitForFxEvents(5);
        eventually(() -> truncated(robot.lookup(".stat-tile .label").queryAll()).isEmpty());
        assertThat(truncated(robot.lookup(".stat-tile .label").queryAll())).isEmpty();
        assertThat(fx(() -> dashboard.view().lookupAll(".stat-value").size())).isEqualTo(8);
        assertThat(truncated(robot.lookup("#winners-table .column-header .label").queryAll())).isEmpty();
        assertThat(truncated(robot.lookup("#winners-table .table-cell").queryAll())).isEmpty();

        double width = fx(() -> stage.getScene().getWidth());
        double height = fx(() -> stage.getScene().getHeight());
        for (String id : new String[] {"#status-bar", "#language", "#tile-oversold", "#tile-time-left",
            "#winners-table"}) {
            Node node = robot.lookup(id).query();
            Bounds b = fx(() -> node.localToScene(node.getBoundsInLocal()));
            assertThat(fx(node::isVisible)).as(id).isTrue();
            assertThat(b.getHeight()).as(id + " height").isPositive();
            assertThat(b.getMinX()).as(id + " left").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMinY()).as(id + " top").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as(id + " right").isLessThanOrEqualTo(width + 0.5);
            assertThat(b.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(height + 0.5);
        }
        assertThat(truncated(robot.lookup("#status-bar .label").queryAll()).stream()
                .filter(s -> !s.startsWith("status-message"))).isEmpty();
    }

    @Test
    void theCheckForCutOffTextSeesALabelTooNarrowForItsText() {
        Label probe = new Label("2,000 / 2,000");
        Label whole = new Label("2,000");
        fx(() -> {
            VBox box = new VBox(probe, whole);
            new Scene(box, 60, 60);
            box.applyCss();
            box.layout();
            return null;
        });
        assertThat(truncated(Set.of(probe, whole))).hasSize(1).first().asString().contains("2,000 / 2,000");
    }

    @Test
    void aProjectorAt1024x768ShowsEveryFigureWhole(FxRobot robot) {
        resize(1024, 768);
        runSale(robot);
        assertThat(fx(() -> ((Label) robot.lookup("#tile-sold-value").query()).getText()))
                .isEqualTo("2,000 / 2,000");
        assertThat(fx(robot.lookup("#left-pane").query()::isVisible)).as("the sale folded the form").isFalse();
        assertEverythingWhole(robot);
        robot.clickOn("#settings");
        eventually(() -> fx(robot.lookup("#left-pane").query()::isVisible));
    }

    @Test
    void aProjectorAt1280x720ShowsEveryFigureWholeAndTheStatusBar(FxRobot robot) {
        resize(1280, 720);
        runSale(robot);
        assertEverythingWhole(robot);
    }

    @Test
    void aProjectorAt1024x768ShowsTheWholeVerdictInChinese(FxRobot robot) {
        resize(1024, 768);
        onFx(() -> dashboard.i18n().setLocale(I18n.CHINESE));
        smallSale(robot, "naive", 5, 300);
        // on the event loop all 20 buyers read the stock before any writes: naive oversells every time (lesson 1)
        onFx(() -> dashboard.model().form().engineProperty().set(seckill.sim.EngineKind.LOOP));
        robot.clickOn("#start");
        eventually(() -> dashboard.model().live().settledProperty().get());
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(text(robot, "#audit")).startsWith("✘ 超卖：kill_num ").contains("naive 没有事务")
                .doesNotContain("oversold", "too many", "on purpose");
        Label audit = robot.lookup("#audit").queryAs(Label.class);
        assertThat(truncated(Set.of(audit))).as("wrapped, not cut with …").isEmpty();
        assertThat(drawnLines(audit)).hasSizeGreaterThan(1);
        Node bar = robot.lookup("#audit-bar").query();
        Node below = robot.lookup("#charts-and-tabs").query();
        Bounds text = fx(() -> audit.localToScene(audit.getLayoutBounds()));
        Bounds barBounds = fx(() -> bar.localToScene(bar.getLayoutBounds()));
        assertThat(text.getMaxY()).as("inside its bar").isLessThanOrEqualTo(barBounds.getMaxY() + 0.5);
        assertThat(fx(() -> below.localToScene(below.getLayoutBounds()).getMinY())).as("the charts below it")
                .isGreaterThanOrEqualTo(barBounds.getMaxY());
    }

    @Test
    void foldingTheFormAwayGivesTheSaleTheWholeWidth(FxRobot robot) {
        resize(1024, 768);
        Node left = robot.lookup("#left-pane").query();
        Node tiles = robot.lookup(".tiles").query();
        double before = fx(() -> tiles.getLayoutBounds().getWidth());
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        eventually(() -> !fx(left::isVisible));
        eventually(() -> fx(() -> tiles.getLayoutBounds().getWidth()) > before + 200);
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        eventually(() -> fx(left::isVisible));
    }

    @Test
    void zoomScalesTheRootFontAndCtrl0RestoresIt(FxRobot robot) throws Exception {
        Node phase = robot.lookup("#status-phase").query();
        double base = fx(() -> ((Labeled) phase).getFont().getSize());
        Callable<Integer> chartTicks = () -> fx(() -> dashboard.view().charts().stockChart().getXYPlot().getDomainAxis()
                .getTickLabelFont().getSize());
        assertThat(chartTicks.call()).isEqualTo(15);
        assertThat(fx(() -> dashboard.view().getStyle())).contains("-fx-font-size: 16.00px");

        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        eventually(() -> dashboard.model().presentation().getZoom() == 110);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        eventually(() -> dashboard.model().presentation().getZoom() == 125);
        assertThat(fx(() -> dashboard.view().getStyle())).contains("-fx-font-size: 20.00px");
        FontIcon icon = (FontIcon) robot.lookup("#start").queryAs(Button.class).getGraphic();
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(fx(icon::getIconSize)).isEqualTo(23);
        eventually(() -> fx(() -> ((Labeled) phase).getFont().getSize()) > base * 1.2);
        assertThat(chartTicks.call()).isEqualTo(19);

        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        eventually(() -> dashboard.model().presentation().getZoom() == 110);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        eventually(() -> dashboard.model().presentation().getZoom() == 100);
        assertThat(fx(() -> dashboard.view().getStyle())).contains("-fx-font-size: 16.00px");
        eventually(() -> fx(() -> ((Labeled) phase).getFont().getSize()) == base);
        eventually(() -> fx(icon::getIconSize) == 18);
        assertThat(chartTicks.call()).isEqualTo(15);
    }

    /** The dialog shown over the window, once there is one. */
    private DialogPane dialog() {
        return fx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElse(null));
    }

    private static double brightness(Paint paint) {
        return ((Color) paint).getBrightness();
    }

    @Test
    void f1ListsTheKeysInTheDarkThemeWholeAt1024x768(FxRobot robot) {
        resize(1024, 768);
        onFx(() -> dashboard.themes().setDark(true));
        robot.press(KeyCode.F1).release(KeyCode.F1);
        eventually(() -> dialog() != null);
        DialogPane pane = dialog();
        try {
            WaitForAsyncUtils.waitForFxEvents(5);
            assertThat(fx(() -> brightness(pane.getBackground().getFills().get(0).getFill())))
                    .as("a dark background").isLessThan(0.3);
            Set<Node> labels = fx(() -> pane.lookupAll(".shortcuts .label"));
            // a key and what it does for every line of the list
            assertThat(labels).hasSize(2 * dashboard.i18n().get("shortcuts.text").split("\n").length);
            for (Node label : labels) {
                assertThat(fx(() -> brightness(((Labeled) label).getTextFill()))).as("light text").isGreaterThan(0.7);
            }
            assertThat(truncated(labels)).isEmpty();
            Bounds shown = fx(() -> pane.localToScreen(pane.getLayoutBounds()));
            assertThat(shown.getHeight()).isLessThanOrEqualTo(768);
            assertThat(shown.getWidth()).isLessThanOrEqualTo(1024);
            Node last = robot.lookup(".shortcut-key").queryAll().stream().reduce((a, b) -> b).orElseThrow();
            assertThat(text(robot, "#shortcuts-dialog .button")).isEqualTo("OK");
            assertThat(fx(() -> last.localToScreen(last.getLayoutBounds()).getMaxY())).as("every key in sight")
                    .isLessThanOrEqualTo(shown.getMaxY());
        } finally {
            onFx(() -> {
                pane.getScene().getWindow().hide();
                dashboard.themes().setDark(false);
            });
        }
    }

    @Test
    void f11TogglesFullScreen(FxRobot robot) {
        assertThat(fx(stage::isFullScreen)).isFalse();
        robot.press(KeyCode.F11).release(KeyCode.F11);
        eventually(() -> fx(stage::isFullScreen));
        robot.press(KeyCode.F11).release(KeyCode.F11);
        eventually(() -> !fx(stage::isFullScreen));
    }
}
