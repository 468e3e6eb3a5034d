package seckill.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two views side by side, the first taking a fixed share of the width and the second the rest, each never narrower
 * than its own least width: nothing the second shows (a tab chosen, a long line of code) moves the first. Where the
 * two least widths do not fit (a large zoom on a projector), the second goes under the first, and the page scrolls.
 */
public final class Shares extends Pane {
    private final Node first;
    private final Node second;
    private final double share;
    private final double gap;

    /** @param share the first's share of the width (or of the height, one above the other), from 0 to 1 */
    public Shares(Node first, Node second, double share, double gap) {
        super(first, second);
        this.first = first;
        this.second = second;
        this.share = share;
        this.gap = gap;
        getStyleClass().add("shares");
    }

    /** Whether the two fit side by side in that inner width. */
    private boolean side(double inner) {
        return inner < 0 || inner >= first.minWidth(-1) + gap + second.minWidth(-1);
    }

    /** The second is put away (presenter mode): the first takes everything. */
    private boolean alone() {
        return !second.isManaged();
    }

    private double inner(double width) {
        return (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = Math.max(0, inner(-1));
        double h = Math.max(0, getHeight() - y - snappedBottomInset());
        if (alone()) {
            first.resizeRelocate(x, y, w + gap, h);
        } else if (side(w)) {
            double firstW = Math.max(first.minWidth(-1), Math.min(w - gap - second.minWidth(-1),
                    Math.floor((w - gap) * share)));
            first.resizeRelocate(x, y, firstW, h);
            second.resizeRelocate(x + firstW + gap, y, Math.max(0, w - gap - firstW), h);
        } else {
            double firstH = Math.max(first.minHeight(-1), Math.min(h - gap - second.minHeight(-1),
                    Math.floor((h - gap) * share)));
            first.resizeRelocate(x, y, w, firstH);
            second.resizeRelocate(x, y + firstH + gap, w, Math.max(0, h - gap - firstH));
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(first.minWidth(-1), alone() ? 0 : second.minWidth(-1)) + snappedLeftInset()
                + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        double a = first.minHeight(-1);
        double b = alone() ? 0 : second.minHeight(-1);
        return (alone() || side(inner(width)) ? Math.max(a, b) : a + gap + b) + snappedTopInset()
                + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return first.prefWidth(-1) + gap + second.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double a = first.prefHeight(-1);
        double b = second.prefHeight(-1);
        return (side(inner(width)) ? Math.max(a, b) : a + gap + b) + snappedTopInset() + snappedBottomInset();
    }
}
