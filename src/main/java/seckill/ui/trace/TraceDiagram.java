package seckill.ui.trace;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import seckill.sale.Outcome;
import seckill.ui.common.Fonts;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.PresentationModel;
import seckill.ui.trace.TraceViewModel.Arrow;
import seckill.ui.trace.TraceViewModel.Lifeline;
import seckill.ui.trace.TraceViewModel.Role;
import seckill.ui.trace.TraceViewModel.Step;

/**
 * The diagram: lifelines across (the buyers shown, Redis, the other buyers), a row per step down, each row an
 * arrow with what it carries written above it, its time on the left. Its lifelines' heads stand in {@link #heads()},
 * above the scroll pane it is shown in.
 */
final class TraceDiagram extends Region {
    /** One row's nodes. */
    private record Row(Step step, Region band, Label time, Label text, Line line, Polygon head) {
    }

    private final TraceViewModel model;
    private final I18n i18n;
    private final PresentationModel presentation;
    private final ScrollPane scroll;
    private final TraceHeads heads;
    private final List<Line> lifelines = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private boolean scrollToCurrent;

    /** @param scroll the pane the diagram is shown in, which it scrolls to the current step */
    TraceDiagram(TraceViewModel model, I18n i18n, PresentationModel presentation, ScrollPane scroll) {
        this.model = model;
        this.i18n = i18n;
        this.presentation = presentation;
        this.scroll = scroll;
        this.heads = new TraceHeads(this, i18n, presentation);
        getStyleClass().add("trace-diagram");
    }

    /** The lifelines' heads, above the rows and standing still while they scroll. */
    TraceHeads heads() {
        return heads;
    }

    void rebuild() {
        getChildren().clear();
        lifelines.clear();
        rows.clear();
        List<Lifeline> lines = model.lifelinesProperty().get();
        for (int i = 0; i < lines.size(); i++) {
            Line life = new Line();
            life.getStyleClass().add("trace-lifeline");
            lifelines.add(life);
            getChildren().add(life);
        }
        List<Step> steps = model.stepsProperty().get();
        int current = model.getCurrent();
        for (int i = 0; i < steps.size(); i++) {
            Row row = row(steps.get(i), i, current);
            rows.add(row);
            getChildren().addAll(row.band(), row.time(), row.line(), row.head(), row.text());
        }
        heads.rebuild(lines);
        scrollToCurrent = true;
        requestLayout();
    }

    /** The nodes of the step at {@code index}, with the look of a step reached or still to come. */
    private Row row(Step s, int index, int current) {
        Region band = new Region();
        band.getStyleClass().add(index == current ? "trace-current" : "trace-band");
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
        if (index == current) {
            text.getStyleClass().add("trace-current-lines");
        }
        if (index > current) {
            for (Node n : List.of(time, text, line, head)) {
                n.setOpacity(0.28); // still to come
            }
        }
        text.setOnMouseClicked(e -> jumpTo(index));
        return new Row(s, band, time, text, line, head);
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

    private double em() {
        return presentation.getFontSize();
    }

    /** Where the lifelines stand, left to right, after the time column. */
    double[] columns(double width) {
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
        double[] x = columns(width);
        for (int i = 0; i < lifelines.size(); i++) {
            Line life = lifelines.get(i);
            life.setStartX(x[i]);
            life.setEndX(x[i]);
            life.setStartY(0);
            life.setEndY(Math.max(getHeight(), computePrefHeight(width)));
        }
        double redis = x[Math.min(redisIndex(), x.length - 1)];
        double y = headHeight();
        double currentTop = -1;
        double currentBottom = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double h = rowHeight(r);
            layoutRow(r, y, h, x[Math.min(r.step().lifeline(), x.length - 1)], redis);
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

    /** Lays out a row {@code h} high at {@code y}: its arrow between the buyer's lifeline and Redis's. */
    private void layoutRow(Row r, double y, double h, double buyer, double redis) {
        double width = getWidth();
        double em = em();
        r.band().resizeRelocate(0, y, width, h);
        double from = r.step().arrow() == Arrow.REPLY ? redis : buyer;
        double to = r.step().arrow() == Arrow.REPLY ? buyer : redis;
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
