package seckill.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import seckill.ui.buckets.BucketsView;
import seckill.ui.code.CodeView;
import seckill.ui.common.Fonts;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.PresentationModel;
import seckill.ui.common.Themes;
import seckill.ui.compare.CompareView;
import seckill.ui.export.Exporter;
import seckill.ui.form.FormView;
import seckill.ui.form.FormViewModel;
import seckill.ui.lessons.LessonCard;
import seckill.ui.live.ChartsView;
import seckill.ui.live.Figures;
import seckill.ui.live.Tile;
import seckill.ui.live.TileGrid;
import seckill.ui.live.WinnersView;
import seckill.ui.monitor.FeedView;
import seckill.ui.trace.TraceWindow;

/**
 * The window's content: the form on the left, the tiles, the audit, the charts and the winners on the right, a
 * banner across the top while Redis is away, and a status bar. Built in code: constructor, {@link #createView()},
 * {@link #initListeners()}. It only binds to the view model and forwards commands.
 */
public final class DashboardView extends BorderPane {
    private static final KeyCombination START_2 = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination STOP_2 = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    // Ctrl++ as a browser takes it: with or without Shift, and on the keypad
    private static final KeyCombination ZOOM_IN_2 = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_IN_3 = new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_IN_4 = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination ZOOM_OUT_2 = new KeyCodeCombination(KeyCode.SUBTRACT,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_RESET_2 = new KeyCodeCombination(KeyCode.NUMPAD0,
            KeyCombination.SHORTCUT_DOWN);

    /** An icon's own inline style (it names the icon font), kept while the zoom adds a size to it. */
    private static final String OWN_STYLE = "seckill.ownStyle";

    private final DashboardViewModel model;
    private final I18n i18n;
    private final Exporter exporter;
    private final Themes themes;
    private final Runnable quit;
    private final PresentationModel presentation;

    private final FormView form;
    private final Label fairnessText = new Label();
    private final CompareView compareView;
    private final ChartsView charts;
    private final WinnersView winners;
    private final BucketsView buckets;
    private final CodeView code;
    private final LessonCard lessonCard;
    private final Tile stockLeft;
    private final Tile sold;
    private final Tile winnerCount;
    private final Tile conflicts;
    private final Tile attempts;
    private final Tile p99;
    private final Tile timeLeft;
    private final Tile oversold;
    private final HBox banner = new HBox(12);
    private final Label bannerText = new Label();
    private final HBox auditBar = new HBox(12);
    private final Label auditText = new Label();
    private final Label endedText = new Label();
    private final Label statusTarget = new Label();
    private final Label statusPhase = new Label();
    private final Label statusMessage = new Label();
    private final ScrollPane formScroll;
    private final HBox rightPanels = new HBox();
    private final FeedView feed;
    private final TraceWindow traceWindow;
    private final Button traceOffer = new Button();
    private boolean iconsToScale;

    public DashboardView(DashboardViewModel model, I18n i18n, Themes themes, Runnable quit) {
        this.model = model;
        this.i18n = i18n;
        this.themes = themes;
        this.quit = quit;
        this.presentation = model.presentation();
        this.exporter = new Exporter(model.exports(), i18n);
        this.form = new FormView(model, i18n);
        this.formScroll = new ScrollPane(form);
        this.charts = new ChartsView(model.live(), i18n);
        this.compareView = new CompareView(model.compare(), i18n);
        this.winners = new WinnersView(model.live().winners(), i18n);
        this.buckets = new BucketsView(model.live().buckets(), i18n);
        this.code = new CodeView(model.code(), i18n);
        this.lessonCard = new LessonCard(model.lessons(), model.code(), i18n);
        stockLeft = new Tile("tile-stock-left", i18n.binding("tile.stockLeft"));
        sold = new Tile("tile-sold", i18n.binding("tile.sold"));
        winnerCount = new Tile("tile-winners", i18n.binding("tile.winners"));
        conflicts = new Tile("tile-conflicts", i18n.binding("tile.conflicts"));
        attempts = new Tile("tile-attempts", i18n.binding("tile.attempts"));
        p99 = new Tile("tile-p99", i18n.binding("tile.p99"));
        timeLeft = new Tile("tile-time-left", i18n.binding("tile.timeLeft"));
        oversold = new Tile("tile-oversold", i18n.binding("tile.oversold"));
        this.feed = new FeedView(model.commands(), i18n, presentation);
        this.traceWindow = new TraceWindow(model.trace(), presentation, i18n, this);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("dashboard");

        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(10, 16, 10, 16));
        bannerText.setWrapText(true);
        bannerText.setId("banner-text");
        banner.getChildren().addAll(Icons.of(Icons.ALERT), bannerText);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        setTop(new VBox(new DashboardMenu(this, model, i18n, themes, quit), header(), banner));

        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // 27em beside the sale, but never more than a third of the window: the sale needs the rest
        formScroll.prefViewportWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(27
                * presentation.getFontSize(), Math.max(300, widthProperty().get() / 3)),
                presentation.fontSizeProperty(), widthProperty()));
        formScroll.setMinViewportWidth(260);
        formScroll.getStyleClass().add("form-scroll");
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        GridPane buttons = form.buttons();
        buttons.setPadding(new Insets(12, 16, 12, 16));
        buttons.getStyleClass().add("form-buttons");
        VBox left = new VBox(formScroll, buttons);
        left.setId("left-pane");
        left.getStyleClass().add("left-pane");
        left.visibleProperty().bind(presentation.formFoldedProperty().not());
        left.managedProperty().bind(left.visibleProperty());
        setLeft(left);

        Tile[] all = {stockLeft, sold, winnerCount, oversold, attempts, conflicts, p99, timeLeft};
        TileGrid tiles = new TileGrid(List.of(all));
        tiles.emProperty().bind(presentation.fontSizeProperty());
        auditBar.setId("audit-bar");
        auditBar.getStyleClass().add("audit-bar");
        auditBar.setAlignment(Pos.CENTER_LEFT);
        auditText.setId("audit");
        auditText.setWrapText(true);
        // a verdict is read whole: the bar grows a line rather than cut it off ("…")
        auditText.setMinHeight(Region.USE_PREF_SIZE);
        auditBar.setMinHeight(Region.USE_PREF_SIZE);
        auditText.getStyleClass().add("audit-text");
        endedText.setId("ended");
        endedText.getStyleClass().add("ended-text");
        endedText.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(auditText, Priority.SOMETIMES);
        fairnessText.setId("fairness");
        fairnessText.getStyleClass().add("ended-text");
        fairnessText.setWrapText(true);
        fairnessText.setMinHeight(Region.USE_PREF_SIZE);
        fairnessText.visibleProperty().bind(model.verdict().fairnessProperty().isNotNull());
        fairnessText.managedProperty().bind(fairnessText.visibleProperty());
        VBox endedBox = new VBox(2, endedText, fairnessText);
        endedBox.setAlignment(Pos.CENTER_RIGHT);
        endedBox.setMinWidth(Region.USE_PREF_SIZE);
        auditBar.getChildren().addAll(auditText, gap, endedBox);

        SplitPane split = new SplitPane(charts, new SideTabs(winners, code, model.code(), buckets,
                model.live().buckets(), i18n));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        // code reads wider than the winners: the charts give up some of their width while it is on screen
        model.code().shownProperty().addListener((obs, was, shown) -> split.setDividerPositions(shown ? 0.42
                : 0.58));
        if (model.code().shownProperty().get()) {
            split.setDividerPositions(0.42);
        }
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox right = new VBox(12, lessonCard, tiles, auditBar, split);
        right.setPadding(new Insets(12, 16, 12, 12));
        // never below what its charts need: drawn in less, they would spill over the audit above them
        // the charts give up their height first; what still does not fit (a large zoom on a small screen) scrolls,
        // either way, and the status bar stays in sight
        // a comparison takes the sale's place: its columns and its chart instead of one sale's tiles and table
        compareView.setPadding(new Insets(12, 16, 12, 12));
        compareView.setVisible(false);
        ScrollPane sale = new ScrollPane(right);
        model.compare().activeProperty().addListener((obs, was, on) -> {
            sale.setContent(on ? compareView : right);
            compareView.setVisible(on);
        });
        sale.setId("sale-scroll");
        sale.getStyleClass().add("sale-scroll");
        sale.setFitToWidth(true);
        sale.setFitToHeight(true);
        setCenter(sale);

        HBox status = new HBox(18);
        status.setId("status-bar");
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(6, 16, 6, 16));
        statusTarget.setId("status-target");
        statusPhase.setId("status-phase");
        statusMessage.setId("status-message");
        statusPhase.setMinWidth(Region.USE_PREF_SIZE);
        statusTarget.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(statusMessage, Priority.ALWAYS);
        statusMessage.setMaxWidth(Double.MAX_VALUE);
        // a field's problem may be long (a URL's form): the bar grows a line rather than cut it off
        statusMessage.setWrapText(true);
        statusMessage.setMinHeight(Region.USE_PREF_SIZE);
        status.getChildren().addAll(statusPhase, statusTarget, statusMessage);
        setBottom(status);
        // the window's right edge: what Redis sees (when shown) and, on a cluster, its nodes (Dashboard adds them)
        rightPanels.getChildren().add(feed);
        setRight(rightPanels);
        traceOffer();
        status.getChildren().add(traceOffer);
    }

    /** A run with traces has ended: the status bar offers its timeline. */
    private void traceOffer() {
        traceOffer.setId("trace-offer");
        traceOffer.getStyleClass().addAll(Styles.ACCENT, "trace-offer");
        traceOffer.setGraphic(Icons.of("mdi2t-timeline-text-outline"));
        traceOffer.setMinWidth(Region.USE_PREF_SIZE);
        traceOffer.setMnemonicParsing(false);
        traceOffer.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("trace.offer",
                model.trace().buyerCount()), model.trace().availableProperty(), i18n.localeProperty()));
        traceOffer.visibleProperty().bind(model.trace().availableProperty());
        traceOffer.managedProperty().bind(traceOffer.visibleProperty());
        traceOffer.setOnAction(e -> showTrace());
    }

    /** The timeline of the last traced run, in its own window (View → Trace, Ctrl+T). */
    void showTrace() {
        traceWindow.show(getScene().getWindow());
    }

    public TraceWindow traceWindow() {
        return traceWindow;
    }

    /** The name of the lab and the buttons for pictures, files, theme and language. */
    private Node header() {
        Label title = new Label();
        title.getStyleClass().add("app-title");
        title.textProperty().bind(i18n.binding("app.title"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button shot = toolButton("screenshot", Icons.SCREENSHOT, "action.screenshot", this::askScreenshot);
        Button csv = toolButton("export-csv", Icons.CSV, "action.exportCsv", this::askWinnersCsv);
        Button json = toolButton("export-json", Icons.JSON, "action.exportJson", this::askReportJson);
        json.disableProperty().bind(model.verdict().resultProperty().isNull());
        Button theme = toolButton("theme", Icons.THEME, "action.theme", this::toggleTheme);
        Button lang = toolButton("language", Icons.LANGUAGE, "action.language", i18n::toggle);
        Button settings = toolButton("settings", Icons.SETTINGS, "action.settings", presentation::toggleForm);
        lang.setStyle(Fonts.cjkStyle()); // it says 中文 while the window speaks English
        HBox header = new Header(settings, title, gap, shot, csv, json, theme, lang);
        header.setId("header");
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        return header;
    }

    private Button toolButton(String id, String icon, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(Icons.of(icon));
        b.textProperty().bind(i18n.binding(key));
        b.getStyleClass().add(Styles.FLAT);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.binding(key));
        b.setTooltip(tip);
        return b;
    }

    private void initListeners() {
        model.phaseProperty().addListener((obs, was, now) -> {
            if (now == Phase.RUNNING || now == Phase.WATCHING) {
                presentation.saleStarts(getWidth());
            }
        });
        model.live().figuresProperty().addListener((obs, was, now) -> showFigures(now));
        showFigures(model.live().figuresProperty().get());

        banner.visibleProperty().bind(model.live().bannerProperty().isNotNull());
        bannerText.textProperty().bind(i18n.binding(model.live().bannerProperty()));

        auditText.textProperty().bind(i18n.binding(model.verdict().auditProperty()));
        model.verdict().auditOkProperty().addListener((obs, was, ok) -> showVerdict(ok));
        showVerdict(model.verdict().auditOkProperty().get());
        endedText.textProperty().bind(i18n.binding(model.verdict().endedProperty()));
        fairnessText.textProperty().bind(i18n.binding(model.verdict().fairnessProperty()));
        fairnessText.textProperty().addListener((obs, was, now) -> fairnessText.setStyle(Fonts.styleFor(now)));

        statusTarget.textProperty().bind(Bindings.createStringBinding(this::targetText, model.redisTargetProperty(),
                model.serverVersionProperty(), model.embeddedProperty(), i18n.localeProperty()));
        statusPhase.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("phase."
                + model.getPhase().name().toLowerCase(Locale.ROOT)), model.phaseProperty(), i18n.localeProperty()));
        statusMessage.textProperty().bind(i18n.binding(model.messageProperty()));
        model.form().setOnReveal(this::reveal);

        useFont();
        presentation.fontSizeProperty().addListener((obs, was, now) -> useFont());
        i18n.localeProperty().addListener((obs, was, now) -> {
            useFont();
            showFigures(model.live().figuresProperty().get()); // "closed" is a word
        });
        themes.darkProperty().addListener((obs, was, dark) -> {
            charts.applyTheme(dark);
            compareView.applyTheme(dark);
        });
        charts.applyTheme(themes.isDark());
        compareView.applyTheme(themes.isDark());

        // second keys for the same commands: menus take one accelerator each
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(START_2, model::start);
                scene.getAccelerators().put(STOP_2, model::stop);
                scene.getAccelerators().put(ZOOM_IN_2, presentation::zoomIn);
                scene.getAccelerators().put(ZOOM_IN_3, presentation::zoomIn);
                scene.getAccelerators().put(ZOOM_IN_4, presentation::zoomIn);
                scene.getAccelerators().put(ZOOM_OUT_2, presentation::zoomOut);
                scene.getAccelerators().put(ZOOM_RESET_2, presentation::resetZoom);
            }
        });
    }

    /**
     * The zoom's root font size, which every size in the style sheet follows (and the charts, which draw their own
     * text); Chinese needs a font with its glyphs, English keeps the theme's.
     */
    private void useFont() {
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", presentation.getFontSize())
                + (i18n.isChinese() ? Fonts.cjkStyle() : ""));
        charts.setScale(presentation.scale());
        compareView.setScale(presentation.scale());
        winners.setEm(presentation.getFontSize());
        buckets.setEm(presentation.getFontSize());
        iconsToScale = true; // at the next layout: a button's icon joins the scene graph with the button's skin
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (iconsToScale) {
            iconsToScale = false;
            for (Node icon : lookupAll(".ikonli-font-icon")) {
                // 18px as the theme has them, 24px in the banner, times the zoom. The icon's own style names its
                // font: the size goes beside it (inline, as only that beats the theme's size)
                String own = (String) icon.getProperties().computeIfAbsent(OWN_STYLE, k -> icon.getStyle());
                long px = Math.round((banner.getChildren().contains(icon) ? 24 : 18) * presentation.scale());
                icon.setStyle(own + (own.isBlank() || own.strip().endsWith(";") ? "" : ";") + " -fx-icon-size: " + px
                        + "px;");
            }
        }
        super.layoutChildren();
    }

    /**
     * Scrolls the form until the row and what is wrong with it are in sight, and puts the cursor in the row. The
     * model has just unfolded the form if it was folded away: sizes are taken first.
     */
    private void reveal(FormViewModel.Invalid row) {
        Node input = form.input(row.field());
        Node hint = form.hint(row.field());
        applyCss();
        layout();
        Bounds in = form.sceneToLocal(input.localToScene(input.getBoundsInLocal()));
        Bounds under = form.sceneToLocal(hint.localToScene(hint.getBoundsInLocal()));
        double em = presentation.getFontSize();
        double top = Math.min(in.getMinY(), under.getMinY()) - em;
        double bottom = Math.max(in.getMaxY(), under.getMaxY()) + em;
        double viewport = formScroll.getViewportBounds().getHeight();
        double scrollable = form.getLayoutBounds().getHeight() - viewport;
        if (scrollable > 0) {
            double offset = formScroll.getVvalue() * scrollable;
            if (top < offset) {
                offset = top;
            } else if (bottom > offset + viewport) {
                offset = Math.min(top, bottom - viewport);
            }
            formScroll.setVvalue(Math.max(0, Math.min(1, offset / scrollable)));
        }
        input.requestFocus();
    }

    /** Leaves full screen with F11 alone: Esc stops the sale, as it does in a window. */
    void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint(i18n.get("fullScreen.hint"));
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    private String targetText() {
        String target = model.redisTargetProperty().get();
        if (target == null || target.isEmpty()) {
            return i18n.get("status.notConnected");
        }
        return i18n.get(model.embeddedProperty().get() ? "status.targetEmbedded" : "status.target", target,
                model.serverVersionProperty().get());
    }

    private void showVerdict(Boolean ok) {
        auditBar.pseudoClassStateChanged(Styles.STATE_SUCCESS, Boolean.TRUE.equals(ok));
        auditBar.pseudoClassStateChanged(Styles.STATE_DANGER, Boolean.FALSE.equals(ok));
        // the verdict's own text starts with ✔ or ✘ (as the command line prints it), and the bar's colour says the
        // rest: an icon beside it would only say it twice
        auditText.setGraphic(null);
    }

    private void showFigures(Figures f) {
        Formats.Tiles t = Formats.tiles(f, i18n.get("tile.closed"), i18n.get("tile.soldOut"));
        stockLeft.show(t.stockLeft());
        sold.show(t.sold());
        winnerCount.show(t.winners());
        oversold.show(t.oversold());
        attempts.show(t.attemptsPerS());
        conflicts.show(t.conflicts());
        p99.show(t.p99());
        timeLeft.show(t.timeLeft());
        oversold.setAlarm(t.alarm());
    }

    // ---- files out, asked for by the menu and the header ----

    void askScreenshot() {
        ask("", "png", this::screenshot);
    }

    /** The whole window as PNG, as it is on screen now. */
    public CompletableFuture<Path> screenshot(Path file) {
        charts.syncNow();
        compareView.syncNow();
        return exporter.windowPng(getScene(), file);
    }

    void askChart(String what) {
        ask(what, "png", file -> exportChart(what, file, 1280, 720));
    }

    /** A chart as PNG through JFreeChart's own drawing: "stock" or "rates". */
    public CompletableFuture<Path> exportChart(String what, Path file, int width, int height) {
        return exporter.chartPng("stock".equals(what) ? charts.stockChart() : charts.ratesChart(), width, height,
                file);
    }

    void askWinnersCsv() {
        ask("winners", "csv", model.exports()::winners);
    }

    void askReportJson() {
        ask("report", "json", model.exports()::report);
    }

    private void ask(String what, String extension, Consumer<Path> export) {
        Path file = exporter.choose(getScene().getWindow(), what, extension);
        if (file != null) {
            export.accept(file);
        }
    }

    private void toggleTheme() {
        themes.setDark(!themes.isDark());
    }

    void showShortcuts() {
        ShortcutsDialog.show(getScene().getWindow(), i18n, getStyle(), presentation.getFontSize());
    }

    // ---- for the application and the tests ----

    /**
     * The header's buttons show their icons alone (the tooltip names them) once the window is too narrow for their
     * words, and their words again once it is wide enough.
     */
    private static final class Header extends HBox {
        private double fullWidth;
        private boolean compact;

        Header(Node... children) {
            super(8, children);
        }

        @Override
        protected void layoutChildren() {
            if (!compact && prefWidth(-1) > getWidth() + 0.5) {
                fullWidth = prefWidth(-1);
                setCompact(true);
            } else if (compact && getWidth() >= fullWidth) {
                setCompact(false);
            }
            super.layoutChildren();
        }

        private void setCompact(boolean on) {
            compact = on;
            for (Node n : getChildren()) {
                if (n instanceof Button b) {
                    b.setContentDisplay(on ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
                }
            }
        }
    }

    /** Another panel at the window's right edge, beside what Redis sees. */
    void addRightPanel(Node panel) {
        rightPanels.getChildren().add(panel);
    }

    FormView form() {
        return form;
    }

    WinnersView winners() {
        return winners;
    }

    BucketsView buckets() {
        return buckets;
    }

    ChartsView charts() {
        return charts;
    }
}
