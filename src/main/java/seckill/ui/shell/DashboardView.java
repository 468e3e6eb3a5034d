package seckill.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
import seckill.ui.animation.AnimationExport;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.Panel;
import seckill.ui.common.PresentationModel;
import seckill.ui.common.Shares;
import seckill.ui.common.Themes;
import seckill.ui.common.WordWrap;
import seckill.ui.compare.CompareView;
import seckill.ui.export.ExportActions;
import seckill.ui.form.FormView;
import seckill.ui.form.FormViewModel;
import seckill.ui.live.ChartsView;
import seckill.ui.live.SaleFiguresView;
import seckill.ui.trace.TraceWindow;

/**
 * The window's content: the form on the left; on the right the panels above the sale, the sale's figures, the
 * charts and the side tabs (or, while a comparison is on, its columns); the panels of the right edge; a banner
 * across the top while Redis is away, and a status bar. Built in code: constructor, {@link #createView()},
 * {@link #initListeners()}. It only binds to the view model and forwards commands; where each {@link Panel} goes is
 * the panel's to say.
 */
public final class DashboardView extends BorderPane {
    static final KeyCombination PRESENT = new KeyCodeCombination(KeyCode.F6);
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
    private final List<Panel> panels;
    private final I18n i18n;
    private final Themes themes;
    private final Runnable quit;
    private final PresentationModel presentation;
    private final ExportActions exports;
    private final Animations animations;

    private final FormView form;
    private final CompareView compareView;
    private final ChartsView charts;
    private final HBox banner = new HBox(12);
    private final Label bannerText = new Label();
    private final ScrollPane formScroll;
    private final TraceWindow traceWindow;
    private boolean iconsToScale;

    /** @param panels the window's panels, each placed where it says, in the order given there */
    public DashboardView(DashboardViewModel model, List<Panel> panels, I18n i18n, Themes themes,
                         AnimationExport animation, Runnable quit) {
        this.model = model;
        this.panels = List.copyOf(panels);
        this.i18n = i18n;
        this.themes = themes;
        this.quit = quit;
        this.presentation = model.presentation();
        this.form = new FormView(model.form(), model, i18n);
        this.formScroll = new ScrollPane(form);
        this.charts = new ChartsView(model.live(), i18n);
        this.compareView = new CompareView(model.compare(), i18n);
        this.exports = new ExportActions(model.exports(), i18n, this::getScene, () -> {
            charts.syncNow();
            compareView.syncNow();
        }, what -> "stock".equals(what) ? charts.stockChart() : charts.ratesChart());
        this.animations = new Animations(model, animation, exports, i18n, this::getScene);
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
        WordWrap.betweenWords(bannerText);
        bannerText.setId("banner-text");
        banner.getChildren().addAll(Icons.of(Icons.ALERT), bannerText);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        DashboardMenu menu = new DashboardMenu(this, model, i18n, themes, quit);
        HeaderBar header = new HeaderBar(model, exports, themes, i18n);
        setTop(new VBox(menu, header, banner));
        setLeft(formPane());
        setCenter(salePane());
        StatusBar status = new StatusBar(model, i18n, this::showTrace);
        setBottom(status);
        // the window's right edge: what Redis sees (when shown) and, on a cluster, its nodes
        HBox right = new HBox(views(Panel.Place.RIGHT_EDGE).toArray(Node[]::new));
        setRight(right);
        // presenter mode: the sale alone (the keys still work: F5 starts, F6 comes back)
        for (Node chrome : new Node[] {menu, header, status, right}) {
            chrome.visibleProperty().bind(presentation.presentingProperty().not());
            chrome.managedProperty().bind(chrome.visibleProperty());
        }
    }

    /** The form, scrolling, above its buttons; folded away with the settings button. */
    private Node formPane() {
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // 27em beside the sale, but never more than a third of the window: the sale needs the rest
        formScroll.prefViewportWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(27
                * presentation.getFontSize(), Math.max(300, widthProperty().get() / 3)),
                presentation.fontSizeProperty(), widthProperty()));
        // never narrower than the form's own least width (its longest word beside 8em of input): no sideways scroll
        formScroll.minViewportWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(260, form.minWidth(-1)),
                form.layoutBoundsProperty(), presentation.fontSizeProperty(), i18n.localeProperty()));
        formScroll.getStyleClass().add("form-scroll");
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        GridPane buttons = form.buttons();
        buttons.setPadding(new Insets(12, 16, 12, 16));
        buttons.getStyleClass().add("form-buttons");
        VBox left = new VBox(formScroll, buttons);
        left.setId("left-pane");
        left.getStyleClass().add("left-pane");
        left.visibleProperty().bind(presentation.formFoldedProperty().not().and(presentation.presentingProperty()
                .not()));
        left.managedProperty().bind(left.visibleProperty());
        return left;
    }

    /**
     * The sale: the panels above it, its figures, the charts beside the side tabs. The charts give up their height
     * first; what still does not fit (a large zoom on a small screen) scrolls, and the status bar stays in sight. A
     * comparison takes the sale's place: its columns and its chart instead of one sale's tiles and table.
     */
    private Node salePane() {
        List<Panel> sideTabs = placed(Panel.Place.SIDE_TAB);
        // the same share whichever tab is chosen: choosing the code or the winners never rearranges the charts
        SideTabs tabs = new SideTabs(sideTabs, views(Panel.Place.SIDE_TAB), i18n);
        tabs.visibleProperty().bind(presentation.presentingProperty().not());
        tabs.managedProperty().bind(tabs.visibleProperty());
        Shares split = new Shares(charts, tabs, 0.58, 12);
        split.setId("charts-and-tabs");
        VBox.setVgrow(split, Priority.ALWAYS);
        SaleFiguresView figures = new SaleFiguresView(model.live(), model.verdict(), i18n, presentation);
        VBox oneSale = new VBox(12, figures, split);
        VBox.setVgrow(oneSale, Priority.ALWAYS);
        VBox.setVgrow(compareView, Priority.ALWAYS);
        // the panels above the sale (a replay's bar, a lesson's card) stay above a comparison's columns too; they
        // take their room from the tiles, not from the charts
        List<Region> above = views(Panel.Place.ABOVE_SALE);
        figures.compactTilesProperty().bind(Bindings.createBooleanBinding(() -> above.stream()
                .anyMatch(Node::isVisible), above.stream().map(Node::visibleProperty).toArray(Observable[]::new)));
        List<Node> right = new ArrayList<>(above);
        right.add(oneSale);
        VBox sale = new VBox(12, right.toArray(Node[]::new));
        sale.setPadding(new Insets(12, 16, 12, 12));
        compareView.setVisible(false);
        ScrollPane scroll = new ScrollPane(sale);
        model.compare().activeProperty().addListener((obs, was, on) -> {
            sale.getChildren().set(sale.getChildren().size() - 1, on ? compareView : oneSale);
            compareView.setVisible(on);
        });
        scroll.setId("sale-scroll");
        scroll.getStyleClass().add("sale-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private List<Panel> placed(Panel.Place place) {
        return panels.stream().filter(p -> p.place() == place).toList();
    }

    private List<Region> views(Panel.Place place) {
        Panel.Look look = new Panel.Look(i18n, presentation);
        return placed(place).stream().map(p -> p.createView(look)).toList();
    }

    private void initListeners() {
        model.status().phaseProperty().addListener((obs, was, now) -> {
            if (now == Phase.RUNNING || now == Phase.WATCHING) {
                presentation.saleStarts(getWidth());
            }
        });
        // Redis lost during a sale, or refused before one (a wrong password with --autostart)
        var warning = model.server().bannerOver(model.live().bannerProperty());
        banner.visibleProperty().bind(warning.isNotNull());
        bannerText.textProperty().bind(i18n.binding(warning));
        charts.opacityProperty().bind(Bindings.when(model.live().staleProperty().isNotNull())
                .then(SaleFiguresView.STALE_OPACITY).otherwise(1.0));
        model.form().setOnReveal(this::reveal);
        useFont();
        presentation.fontSizeProperty().addListener((obs, was, now) -> useFont());
        i18n.localeProperty().addListener((obs, was, now) -> useFont());
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
                scene.getAccelerators().put(PRESENT, presentation::togglePresenting);
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

    /** The timeline of the last traced run, in its own window (View → Trace, Ctrl+T). */
    void showTrace() {
        traceWindow.show(getScene().getWindow());
    }

    void showShortcuts() {
        ShortcutsDialog.show(getScene().getWindow(), i18n, getStyle(), presentation.getFontSize());
    }

    /** Pictures and files out: the menu's, the header's, and {@code ui --screenshot}'s. */
    Animations animations() {
        return animations;
    }

    public ExportActions exports() {
        return exports;
    }

    public TraceWindow traceWindow() {
        return traceWindow;
    }

    ChartsView charts() {
        return charts;
    }
}
