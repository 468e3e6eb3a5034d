package seckill.ui.buckets;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import seckill.ui.buckets.BucketsViewModel.Level;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.PresentationModel;

/**
 * The "Buckets" panel: what the split costs in one line, then each bucket's stock left. Up to
 * {@value BucketsViewModel#BARS_UP_TO} buckets, a bar each, numbered under it with its items left above it; more, a
 * grid of square cells (a heat map, row by row, each row's first number at its left), never smaller than half an em:
 * where 1,024 of them do not fit, the grid scrolls. A sold-out bucket is red. Pointing at a bucket names its figures.
 */
final class BucketsView extends VBox {
    /** The smallest side of a grid's cell, in em: one a person can still point at. */
    public static final double MIN_CELL_EM = 0.5;

    private static final PseudoClass SOLD_OUT = PseudoClass.getPseudoClass("sold-out");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    private final BucketsViewModel model;
    private final I18n i18n;
    private final Label summary = new Label();
    private final Label legend = new Label();
    private final Cells cells = new Cells();
    private final Tooltip tip = new Tooltip();
    private double em = PresentationModel.BASE_FONT_PX;

    BucketsView(BucketsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        setId("buckets");
        getStyleClass().add("buckets");
        setSpacing(6);
        summary.setId("buckets-summary");
        summary.getStyleClass().add("buckets-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        legend.setId("buckets-legend");
        legend.getStyleClass().add("buckets-legend");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        cells.setId("bucket-cells");
        ScrollPane scroll = new ScrollPane(cells);
        scroll.getStyleClass().add("buckets-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(cells, tip);
        getChildren().addAll(summary, legend, scroll);
    }

    private void initListeners() {
        summary.textProperty().bind(i18n.binding(model.summaryProperty()));
        model.summaryProperty().addListener((obs, was, now) -> showCost());
        legend.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.bars() ? "buckets.legend.bars"
                : "buckets.legend.grid"), model.levelsProperty(), i18n.localeProperty()));
        model.levelsProperty().addListener((obs, was, now) -> cells.show(now));
        cells.show(model.levelsProperty().get());
    }

    /** The line turns to a warning while some buckets have sold out and others still hold stock. */
    private void showCost() {
        summary.pseudoClassStateChanged(PseudoClass.getPseudoClass("costly"), model.unsold() > 0);
    }

    /** Sizes for a root font of {@code px} pixels (the window's zoom). */
    public void setEm(double px) {
        em = px;
        cells.requestLayout();
    }

    /** Every bucket's cell, in order (for the tests). */
    public List<Region> cellNodes() {
        return List.copyOf(cells.tracks);
    }

    /** The buckets' cells and their numbers, laid out as bars or as a grid by the room they have. */
    private final class Cells extends Region {
        private final List<Region> tracks = new ArrayList<>();
        private final List<Region> fills = new ArrayList<>();
        /** Bars: a number under each; a grid: a number at the start of each row. */
        private final List<Label> numbers = new ArrayList<>();
        /** Bars: the items left above each. */
        private final List<Label> lefts = new ArrayList<>();
        private List<Level> levels = List.of();
        private boolean bars;

        Cells() {
            getStyleClass().add("bucket-cells");
        }

        void show(List<Level> now) {
            boolean nowBars = now.size() <= BucketsViewModel.BARS_UP_TO;
            if (now.size() != levels.size() || nowBars != bars) {
                rebuild(now.size(), nowBars);
            }
            levels = now;
            for (int i = 0; i < now.size(); i++) {
                Level level = now.get(i);
                Region track = tracks.get(i);
                track.pseudoClassStateChanged(SOLD_OUT, level.soldOut());
                track.pseudoClassStateChanged(MISSING, level.stock() < 0);
                Region fill = fills.get(i);
                fill.setVisible(level.fraction() > 0);
                if (bars) {
                    numbers.get(i).pseudoClassStateChanged(SOLD_OUT, level.soldOut());
                    lefts.get(i).setText(level.stock() < 0 ? Formats.UNKNOWN : Formats.count(level.left()));
                } else {
                    // the deeper, the more left: a nearly empty bucket still shows a tint
                    fill.setOpacity(0.15 + 0.85 * level.fraction());
                }
            }
            requestLayout();
        }

        private void rebuild(int n, boolean nowBars) {
            bars = nowBars;
            tracks.clear();
            fills.clear();
            numbers.clear();
            lefts.clear();
            for (int i = 0; i < n; i++) {
                int index = i;
                Region track = new Region();
                track.getStyleClass().addAll("bucket-cell", bars ? "bucket-bar" : "bucket-square");
                track.setOnMouseEntered(e -> tip.setText(index < levels.size()
                        ? i18n.format(BucketsViewModel.describe(levels.get(index))) : ""));
                Region fill = new Region();
                fill.getStyleClass().add("bucket-fill");
                fill.setMouseTransparent(true);
                tracks.add(track);
                fills.add(fill);
                if (bars) {
                    numbers.add(label(Integer.toString(i), "bucket-number"));
                    lefts.add(label("", "bucket-left"));
                }
            }
            if (!bars) {
                for (int i = 0; i < n; i += 4) {
                    numbers.add(label(Integer.toString(i), "bucket-number"));
                }
            }
            List<javafx.scene.Node> all = new ArrayList<>(tracks);
            all.addAll(fills);
            all.addAll(numbers);
            all.addAll(lefts);
            getChildren().setAll(all);
        }

        private static Label label(String text, String style) {
            Label label = new Label(text);
            label.getStyleClass().add(style);
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setMouseTransparent(true);
            label.setManaged(false);
            return label;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            if (levels.isEmpty() || w <= 0 || h <= 0) {
                return;
            }
            if (bars) {
                layoutBars(w, h);
            } else {
                layoutGrid(w, h);
            }
        }

        /** A bar per bucket, as wide as the room allows up to 6 em, its fill its share of stock left. */
        private void layoutBars(double w, double h) {
            int n = levels.size();
            double gap = Math.max(2, Math.round(0.375 * em));
            double barW = Math.floor(Math.min(6 * em, (w - (n - 1) * gap) / n));
            double numberH = textHeight(numbers);
            double top = snappedTopInset() + numberH;
            double trackH = Math.max(0, h - 2 * numberH - 2);
            // a number under every bar when they fit, else under every 2nd, 5th or 10th
            double widest = numbers.get(n - 1).prefWidth(-1) + gap;
            int step = 1;
            for (int s : new int[] {1, 2, 5, 10, 20}) {
                step = s;
                if (s * (barW + gap) >= widest) {
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                double x = snappedLeftInset() + i * (barW + gap);
                tracks.get(i).resizeRelocate(x, top, barW, trackH);
                double fillH = Math.round(levels.get(i).fraction() * trackH);
                fills.get(i).resizeRelocate(x, top + trackH - fillH, barW, fillH);
                Label number = numbers.get(i);
                number.setVisible(i % step == 0);
                place(number, x + barW / 2, top + trackH + 2);
                Label left = lefts.get(i);
                // the items left above the bar, only where they fit whole
                left.setVisible(left.prefWidth(-1) <= barW + gap);
                place(left, x + barW / 2, snappedTopInset());
            }
        }

        /** How the grid's cells go at this width and height: as large as fit, never below the smallest side. */
        private record Grid(int columns, double side, double gap, double numbersW) {
        }

        private Grid grid(double w, double h) {
            int n = levels.size();
            double gap = Math.max(1, Math.round(0.125 * em));
            double numbersW = numbers.get(numbers.size() - 1).prefWidth(-1) + 0.5 * em;
            double room = Math.max(0, w - numbersW);
            double smallest = Math.round(MIN_CELL_EM * em);
            int best = 4;
            double side = 0;
            // columns in fours, so that rows start at round numbers
            for (int columns = 4; columns <= n + 3; columns += 4) {
                int rows = (n + columns - 1) / columns;
                double s = Math.min((room - (columns - 1) * gap) / columns, (h - (rows - 1) * gap) / rows);
                if (s > side) {
                    side = s;
                    best = columns;
                }
            }
            if (side < smallest) {
                // too many for the height: the smallest cells, as many a row as fit, and the grid scrolls
                side = smallest;
                best = Math.max(4, (int) ((room + gap) / (smallest + gap)) / 4 * 4);
            }
            return new Grid(best, Math.floor(side), gap, numbersW);
        }

        /** Square cells, row by row; each row's first number at its left, or every few rows' where they crowd. */
        private void layoutGrid(double w, double h) {
            Grid g = grid(w, h);
            int n = levels.size();
            double pitch = g.side() + g.gap();
            for (int i = 0; i < n; i++) {
                double x = snappedLeftInset() + g.numbersW() + (i % g.columns()) * pitch;
                double y = snappedTopInset() + i / g.columns() * pitch;
                tracks.get(i).resizeRelocate(x, y, g.side(), g.side());
                fills.get(i).resizeRelocate(x, y, g.side(), g.side());
            }
            double numberH = textHeight(numbers);
            int rowsPerNumber = (int) Math.ceil(numberH / pitch);
            for (int k = 0; k < numbers.size(); k++) {
                Label number = numbers.get(k);
                int first = k * 4;
                int row = first / g.columns();
                boolean starts = first % g.columns() == 0 && row % rowsPerNumber == 0;
                number.setVisible(starts);
                if (starts) {
                    double nw = number.prefWidth(-1);
                    number.resizeRelocate(snappedLeftInset() + g.numbersW() - 0.5 * em - nw,
                            snappedTopInset() + row * pitch + g.side() / 2 - numberH / 2, nw, numberH);
                }
            }
        }

        private static double textHeight(List<Label> labels) {
            return labels.isEmpty() ? 0 : Math.ceil(labels.get(0).prefHeight(-1));
        }

        /** A label centred on {@code centreX}, its top at {@code y}. */
        private static void place(Label label, double centreX, double y) {
            double lw = label.prefWidth(-1);
            label.resizeRelocate(Math.round(centreX - lw / 2), y, lw, label.prefHeight(-1));
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        /** Bars: room for a short bar and its numbers; a grid: every row at the smallest cells, which scroll. */
        @Override
        protected double computeMinHeight(double width) {
            double w = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
            if (levels.isEmpty() || bars || w <= 0) {
                return snappedTopInset() + snappedBottomInset() + 2 * textHeight(numbers) + 3 * em;
            }
            Grid g = grid(w, 0);
            int rows = (levels.size() + g.columns() - 1) / g.columns();
            return snappedTopInset() + snappedBottomInset() + rows * (g.side() + g.gap()) - g.gap();
        }

        @Override
        protected double computePrefHeight(double width) {
            return Math.max(12 * em, computeMinHeight(width));
        }

        @Override
        protected double computePrefWidth(double height) {
            return 20 * em;
        }
    }
}
