package seckill.ui.live;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import seckill.ui.common.PresentationModel;

/**
 * The tiles in rows of four, or of three, two or one when four would leave a tile too narrow for its figure: a
 * projector at 1024 px, a large zoom, the form beside them.
 */
final class TileGrid extends Region {
    /** The narrowest a tile may be, in em: "2,000 / 2,000" in one of the tile's larger sizes. */
    static final double MIN_TILE_EM = 11;
    private static final double GAP_EM = 0.75;

    /** The narrowest a compact tile may be, in em: its figure steps down to fit. */
    static final double MIN_COMPACT_TILE_EM = 6;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final DoubleProperty em = new SimpleDoubleProperty(this, "em", PresentationModel.BASE_FONT_PX);
    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact");

    TileGrid(List<? extends Node> tiles) {
        getStyleClass().add("tiles");
        getChildren().setAll(tiles);
        em.addListener((obs, was, now) -> requestLayout());
        compact.addListener((obs, was, now) -> {
            pseudoClassStateChanged(COMPACT, now);
            requestLayout();
        });
    }

    /**
     * Compact: every tile in one row when the width allows, else rows of four, short (a lesson's card or the replay
     * bar is above them): the tiles give up their height so that the charts keep theirs.
     */
    public BooleanProperty compactProperty() {
        return compact;
    }

    /** The root font size in pixels, which the gaps and the narrowest tile follow. */
    public DoubleProperty emProperty() {
        return em;
    }

    /** How many tiles a row holds at this width: 4, 3, 2 or 1. */
    int columnsFor(double width) {
        double gap = gap();
        int all = getManagedChildren().size();
        if (compact.get()) {
            for (int columns : new int[] {all, 4}) {
                if ((width - (columns - 1) * gap) / columns >= MIN_COMPACT_TILE_EM * em.get()) {
                    return columns;
                }
            }
        }
        for (int columns : new int[] {4, 3, 2}) {
            if ((width - (columns - 1) * gap) / columns >= MIN_TILE_EM * em.get()) {
                return columns;
            }
        }
        return 1;
    }

    private double gap() {
        return snapSpaceX(GAP_EM * em.get());
    }

    private double tileWidth(double width, int columns) {
        return Math.floor((width - (columns - 1) * gap()) / columns);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + 4 * MIN_TILE_EM * em.get() + 3 * gap();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + MIN_TILE_EM * em.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + snappedBottomInset() + rowsHeight(inner);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private double rowsHeight(double width) {
        int columns = columnsFor(width);
        double w = tileWidth(width, columns);
        List<Node> tiles = getManagedChildren();
        double total = 0;
        for (int start = 0; start < tiles.size(); start += columns) {
            total += rowHeight(tiles, start, columns, w) + (start > 0 ? gap() : 0);
        }
        return total;
    }

    private static double rowHeight(List<Node> tiles, int start, int columns, double width) {
        double h = 0;
        for (int i = start; i < Math.min(tiles.size(), start + columns); i++) {
            h = Math.max(h, tiles.get(i).prefHeight(width));
        }
        return Math.ceil(h);
    }

    @Override
    protected void layoutChildren() {
        double x0 = snappedLeftInset();
        double inner = getWidth() - x0 - snappedRightInset();
        int columns = columnsFor(inner);
        double w = tileWidth(inner, columns);
        List<Node> tiles = getManagedChildren();
        double y = snappedTopInset();
        for (int start = 0; start < tiles.size(); start += columns) {
            double h = rowHeight(tiles, start, columns, w);
            for (int i = start; i < Math.min(tiles.size(), start + columns); i++) {
                tiles.get(i).resizeRelocate(x0 + (i - start) * (w + gap()), y, w, h);
            }
            y += h + gap();
        }
    }
}
