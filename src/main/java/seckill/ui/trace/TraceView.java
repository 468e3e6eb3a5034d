package seckill.ui.trace;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.PresentationModel;

/**
 * The trace's timeline: a sequence diagram of a few sampled buyers against Redis, one row per step, with the
 * current step highlighted and explained in words under it, and the steps still to come faint. Keys: ← → (or ↑ ↓)
 * step, Home/End, Space replays slowly, + − change the speed, Page Up/Down show other buyers. Sizes follow the
 * window's zoom (em of the root font). Built in code: constructor, {@link #createView()}, {@link #initListeners()}.
 */
final class TraceView extends BorderPane {
    private final TraceViewModel model;
    private final I18n i18n;
    private final PresentationModel presentation;

    private final Label title = new Label();
    private final Label prefix = new Label();
    private final Label buyers = new Label();
    private final Label position = new Label();
    private final Label speed = new Label();
    private final Label caption = new Label();
    private final Label keys = new Label();
    private final Label none = new Label();
    private final Button first;
    private final Button previous;
    private final Button play;
    private final Button next;
    private final Button last;
    private final Button slower;
    private final Button faster;
    private final Button previousBuyers;
    private final Button nextBuyers;
    private final ScrollPane scroll = new ScrollPane();
    private final TraceDiagram diagram;
    private final TraceHeads heads;
    private final AnimationTimer replay = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0 && model.isPlaying()) {
                model.tick((now - last) / 1e9);
            }
            last = model.isPlaying() ? now : 0;
        }
    };

    TraceView(TraceViewModel model, I18n i18n, PresentationModel presentation) {
        this.model = model;
        this.i18n = i18n;
        this.presentation = presentation;
        first = button("trace-first", "mdi2s-skip-previous", "trace.first");
        previous = button("trace-previous", "mdi2s-step-backward", "trace.previous");
        play = button("trace-play", "mdi2p-play", "trace.play");
        next = button("trace-next", "mdi2s-step-forward", "trace.next");
        last = button("trace-last", "mdi2s-skip-next", "trace.last");
        slower = button("trace-slower", "mdi2s-speedometer-slow", "trace.slower");
        faster = button("trace-faster", "mdi2s-speedometer", "trace.faster");
        previousBuyers = button("trace-previous-buyers", "mdi2c-chevron-double-left", "trace.previousBuyers");
        nextBuyers = button("trace-next-buyers", "mdi2c-chevron-double-right", "trace.nextBuyers");
        diagram = new TraceDiagram(model, i18n, presentation, scroll);
        heads = diagram.heads();
        createView();
        initListeners();
    }

    private void createView() {
        setId("trace");
        getStyleClass().add("trace");
        title.getStyleClass().add("trace-title");
        prefix.getStyleClass().add("trace-muted");
        buyers.setId("trace-buyers");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, title, prefix, gap, previousBuyers, buyers, nextBuyers);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("trace-top");
        setTop(top);

        scroll.setContent(diagram);
        scroll.setId("trace-scroll");
        scroll.getStyleClass().add("trace-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        none.setWrapText(true);
        none.getStyleClass().add("trace-caption");
        none.setPadding(new Insets(24));
        heads.getStyleClass().add("trace-heads");
        heads.setMinHeight(Region.USE_PREF_SIZE); // the rows scroll; the heads stay whole
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox timeline = new VBox(heads, scroll);
        timeline.visibleProperty().bind(model.availableProperty());
        setCenter(new StackPane(timeline, none));

        caption.setId("trace-caption");
        caption.getStyleClass().add("trace-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMaxWidth(Double.MAX_VALUE);
        position.setId("trace-position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        speed.setId("trace-speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        speed.getStyleClass().add("trace-muted");
        play.getStyleClass().add(Styles.ACCENT);
        HBox controls = new HBox(8, first, previous, play, next, last, position, new Region(), slower, speed, faster);
        controls.setAlignment(Pos.CENTER_LEFT);
        keys.getStyleClass().add("trace-muted");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        VBox bottom = new VBox(8, caption, controls, keys);
        bottom.getStyleClass().add("trace-bottom");
        setBottom(bottom);
    }

    private Button button(String id, String icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(Icons.of(icon));
        b.setFocusTraversable(false); // the keys step the timeline, they do not move between buttons
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.binding(tip));
        b.setTooltip(t);
        return b;
    }

    private void initListeners() {
        title.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("trace.title", model.buyerCount()),
                model.stepsProperty(), i18n.localeProperty()));
        prefix.textProperty().bind(Bindings.createStringBinding(() -> model.prefix().isEmpty() ? ""
                : i18n.get("trace.prefix", model.prefix()), model.stepsProperty(), i18n.localeProperty()));
        buyers.textProperty().bind(i18n.binding(model.buyersShownProperty()));
        position.textProperty().bind(i18n.binding(model.positionProperty()));
        caption.textProperty().bind(i18n.binding(model.captionProperty()));
        speed.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("trace.speed",
                model.speedProperty().get()), model.speedProperty(), i18n.localeProperty()));
        keys.textProperty().bind(i18n.binding("trace.keys"));
        none.textProperty().bind(i18n.binding("trace.none"));
        none.visibleProperty().bind(model.availableProperty().not());
        diagram.widthProperty().addListener((obs, was, now) -> heads.requestLayout());
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.of(model.isPlaying() ? "mdi2p-pause"
                : "mdi2p-play"), model.playingProperty()));
        play.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.isPlaying()
                ? "trace.pause" : "trace.play"), model.playingProperty(), i18n.localeProperty()));

        first.setOnAction(e -> model.first());
        previous.setOnAction(e -> model.previous());
        play.setOnAction(e -> model.togglePlay());
        next.setOnAction(e -> model.next());
        last.setOnAction(e -> model.last());
        slower.setOnAction(e -> model.slower());
        faster.setOnAction(e -> model.faster());
        previousBuyers.setOnAction(e -> model.previousBuyers());
        nextBuyers.setOnAction(e -> model.nextBuyers());
        for (Button b : List.of(first, previous, play, next, last, slower, faster)) {
            b.disableProperty().bind(model.availableProperty().not());
        }
        previousBuyers.disableProperty().bind(model.firstBuyerProperty().isEqualTo(0));
        nextBuyers.disableProperty().bind(Bindings.createBooleanBinding(() -> model.firstBuyerProperty().get()
                + TraceViewModel.BUYERS_SHOWN >= model.buyerCount(), model.firstBuyerProperty(),
                model.stepsProperty()));

        model.stepsProperty().addListener((obs, was, now) -> diagram.rebuild());
        model.currentProperty().addListener((obs, was, now) -> diagram.rebuild());
        i18n.localeProperty().addListener((obs, was, now) -> diagram.rebuild());
        presentation.fontSizeProperty().addListener((obs, was, now) -> diagram.requestLayout());
        diagram.rebuild();
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    /** The timeline's keys; with Ctrl (or ⌘) held they are the window's, not the timeline's. */
    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case RIGHT, DOWN -> model.next();
            case LEFT, UP -> model.previous();
            case HOME -> model.first();
            case END -> model.last();
            case SPACE, ENTER -> model.togglePlay();
            case PAGE_DOWN -> model.nextBuyers();
            case PAGE_UP -> model.previousBuyers();
            case PLUS, ADD, EQUALS -> model.faster();
            case MINUS, SUBTRACT -> model.slower();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Starts the replay's frame clock: the window is on screen. */
    void start() {
        replay.start();
    }

    /** Stops the replay and its frame clock: the window is hidden. */
    void stop() {
        replay.stop();
        model.pause();
    }

    TraceDiagram diagram() {
        return diagram;
    }
}
