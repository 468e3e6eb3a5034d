package seckill.ui.trace;

import seckill.ui.trace.TraceViewModel.Step;
import seckill.ui.trace.TraceViewModel.Role;
import seckill.ui.trace.TraceViewModel.Lifeline;
import seckill.ui.trace.TraceViewModel.Arrow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import seckill.sale.Outcome;
import seckill.ui.common.Fonts;
import seckill.ui.common.Formats;
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
    private final Diagram diagram = new Diagram();
    private final Heads heads = new Heads();
    private final ScrollPane scroll = new ScrollPane(diagram);
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

    Diagram diagram() {
        return diagram;
    }

    /**
     * The diagram: lifelines across (the buyers shown, Redis, the other buyers), a row per step down, each row an
     * arrow with what it carries written above it, its time on the left.
     */
    final class Diagram extends Region {
        /** One row's nodes. */
        private record Row(Step step, Region band, Label time, Label text, Line line, Polygon head) {
        }

        private final List<Line> lifelines = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private boolean scrollToCurrent;

        Diagram() {
            getStyleClass().add("trace-diagram");
        }

        void rebuild() {
            getChildren().clear();
            lifelines.clear();
            rows.clear();
            List<Lifeline> lines = model.lifelinesProperty().get();
            for (Lifeline l : lines) {
                Line life = new Line();
                life.getStyleClass().add("trace-lifeline");
                lifelines.add(life);
                getChildren().add(life);
            }
            List<Step> steps = model.stepsProperty().get();
            int current = model.getCurrent();
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                Region band = new Region();
                band.getStyleClass().add(i == current ? "trace-current" : "trace-band");
                band.setMouseTransparent(true);
                Label time = new Label(Formats.sinceOpenMs(s.atMs()));
                time.getStyleClass().add("trace-time");
                Label text = new Label(String.join("\n", s.arrow() == Arrow.WRITE
                        ? List.of(i18n.get("trace.item", s.lines().get(0))) : s.lines()));
                text.getStyleClass().add("trace-lines");
                text.setStyle(Fonts.styleFor(text.getText())); // a purchase is said in words: 中文 needs its font
                Line line = new Line();
                line.getStyleClass().add("trace-arrow");
                Polygon head = new Polygon();
                head.getStyleClass().add("trace-head-arrow");
                String look = look(s);
                if (look != null) {
                    for (Node n : List.of(text, line, head)) {
                        n.getStyleClass().add(look);
                    }
                }
                if (s.arrow() == Arrow.REPLY) {
                    line.getStyleClass().add("reply");
                }
                if (i == current) {
                    text.getStyleClass().add("trace-current-lines");
                }
                if (i > current) {
                    for (Node n : List.of(time, text, line, head)) {
                        n.setOpacity(0.28); // still to come
                    }
                }
                final int index = i;
                text.setOnMouseClicked(e -> jumpTo(index));
                rows.add(new Row(s, band, time, text, line, head));
                getChildren().addAll(band, time, line, head, text);
            }
            heads.rebuild(lines);
            scrollToCurrent = true;
            requestLayout();
        }

        private void jumpTo(int index) {
            while (model.getCurrent() < index) {
                model.next();
            }
            while (model.getCurrent() > index) {
                model.previous();
            }
        }

        /** How a step looks: the lesson's purchase, a loss, a win; null for plain. */
        private static String look(Step s) {
            if (s.arrow() == Arrow.WRITE) {
                return "write";
            }
            if (s.arrow() == Arrow.REPLY && s.outcome() == Outcome.CONFLICT) {
                return "bad";
            }
            if (s.arrow() == Arrow.REPLY && s.cause() != null) {
                return "bad"; // naive: won, on a figure someone else sold too
            }
            if (s.arrow() == Arrow.REPLY && (s.outcome() == Outcome.WON || s.outcome() == Outcome.WON_STRANDED)) {
                return "good";
            }
            return null;
        }

        private Node head(Lifeline l) {
            Label name = new Label(l.name());
            name.getStyleClass().add("trace-head-name");
            String sub = switch (l.role()) {
                case REDIS -> "";
                case OTHER -> i18n.get("trace.other");
                case BUYER -> (l.outcome() == null ? "" : i18n.get("trace.outcome." + l.outcome().name()
                        .toLowerCase(Locale.ROOT))) + (l.arrival() < 0 ? "" : " · " + i18n.get("trace.arrival",
                        l.arrival()));
            };
            Label subLabel = new Label(sub);
            subLabel.getStyleClass().add("trace-head-sub");
            VBox box = new VBox(name, subLabel);
            box.getStyleClass().add("trace-head");
            if (l.role() == Role.REDIS) {
                box.getStyleClass().add("redis");
                box.getChildren().remove(subLabel);
            } else if (l.role() == Role.OTHER) {
                box.getStyleClass().add("other");
            }
            return box;
        }

        private double em() {
            return presentation.getFontSize();
        }

        /** Where the lifelines stand, left to right, after the time column. */
        private double[] columns(double width) {
            int n = Math.max(1, lifelines.size());
            double timeColumn = 6.5 * em();
            double column = Math.max(9 * em(), (width - timeColumn) / n);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = timeColumn + column * (i + 0.5);
            }
            return x;
        }

        private double headHeight() {
            return 0.8 * em();
        }

        private double rowHeight(Row r) {
            return r.text().prefHeight(-1) + 1.3 * em();
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = headHeight();
            for (Row r : rows) {
                h += rowHeight(r);
            }
            return h + em();
        }

        @Override
        protected double computePrefWidth(double height) {
            return 6.5 * em() + Math.max(1, lifelines.size()) * 9 * em();
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double em = em();
            double[] x = columns(width);
            double y = headHeight();
            for (int i = 0; i < lifelines.size(); i++) {
                Line life = lifelines.get(i);
                life.setStartX(x[i]);
                life.setEndX(x[i]);
                life.setStartY(0);
                life.setEndY(Math.max(getHeight(), computePrefHeight(width)));
            }
            int redis = redisIndex();
            double currentTop = -1;
            double currentBottom = -1;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                double h = rowHeight(r);
                r.band().resizeRelocate(0, y, width, h);
                double from = x[Math.min(r.step().lifeline(), x.length - 1)];
                double to = x[Math.min(redis, x.length - 1)];
                if (r.step().arrow() == Arrow.REPLY) {
                    double t = from;
                    from = to;
                    to = t;
                }
                double textW = r.text().prefWidth(-1);
                double textH = r.text().prefHeight(-1);
                double left = Math.min(from, to) + 0.6 * em;
                left = Math.max(6.5 * em, Math.min(left, width - textW - 0.4 * em));
                r.text().resizeRelocate(left, y + 0.3 * em, textW, textH);
                double arrowY = y + 0.3 * em + textH + 0.45 * em;
                r.line().setStartX(from);
                r.line().setEndX(to);
                r.line().setStartY(arrowY);
                r.line().setEndY(arrowY);
                double dir = Math.signum(to - from);
                double a = 0.6 * em;
                r.head().getPoints().setAll(to, arrowY, to - dir * a, arrowY - a / 2, to - dir * a, arrowY + a / 2);
                double timeW = r.time().prefWidth(-1);
                double timeH = r.time().prefHeight(-1);
                r.time().resizeRelocate(6 * em - timeW, arrowY - timeH / 2, timeW, timeH);
                if (i == model.getCurrent()) {
                    currentTop = y;
                    currentBottom = y + h;
                }
                y += h;
            }
            if (scrollToCurrent && currentTop >= 0) {
                scrollToCurrent = false;
                reveal(currentTop, currentBottom);
            }
        }

        private int redisIndex() {
            List<Lifeline> lines = model.lifelinesProperty().get();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).role() == Role.REDIS) {
                    return i;
                }
            }
            return 0;
        }

        /** Scrolls the current step's row into sight, with the rows around it when they fit. */
        private void reveal(double top, double bottom) {
            double viewport = scroll.getViewportBounds().getHeight();
            double scrollable = getHeight() - viewport;
            if (scrollable <= 0 || viewport <= 0) {
                return;
            }
            double offset = scroll.getVvalue() * scrollable;
            double margin = Math.min(4 * em(), viewport / 4);
            if (top - margin < offset) {
                offset = top - margin;
            } else if (bottom + margin > offset + viewport) {
                offset = bottom + margin - viewport;
            }
            scroll.setVvalue(Math.max(0, Math.min(1, offset / scrollable)));
        }

        /** The row of each step, for the tests: its text and whether it is the current one. */
        List<Label> texts() {
            return rows.stream().map(Row::text).toList();
        }
    }

    /** The lifelines' heads, above the rows and standing still while they scroll. */
    final class Heads extends Region {
        private final List<Node> boxes = new ArrayList<>();

        void rebuild(List<Lifeline> lines) {
            getChildren().clear();
            boxes.clear();
            for (Lifeline l : lines) {
                Node box = diagram.head(l);
                boxes.add(box);
                getChildren().add(box);
            }
            requestLayout();
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = 0;
            for (Node box : boxes) {
                h = Math.max(h, box.prefHeight(-1));
            }
            return h + 0.8 * presentation.getFontSize();
        }

        @Override
        protected void layoutChildren() {
            double em = presentation.getFontSize();
            double[] x = diagram.columns(diagram.getWidth() > 0 ? diagram.getWidth() : getWidth());
            double column = x.length > 1 ? x[1] - x[0] : getWidth();
            for (int i = 0; i < boxes.size() && i < x.length; i++) {
                Node box = boxes.get(i);
                double w = Math.min(box.prefWidth(-1), column - 0.25 * em);
                double h = box.prefHeight(w);
                box.resizeRelocate(x[i] - w / 2, 0.4 * em, w, h);
            }
        }
    }
}
