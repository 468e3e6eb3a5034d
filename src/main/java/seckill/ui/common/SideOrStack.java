package seckill.ui.common;

import java.util.function.BiPredicate;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two views side by side when the room is wide and short (a projector's 1280x720), one above the other otherwise:
 * whichever gives each the more readable shape. The first keeps its preferred width side by side, or shares the
 * width evenly; stacked, they share the height evenly.
 */
public final class SideOrStack extends Pane {
    private final Node first;
    private final Node second;
    private final BiPredicate<Double, Double> sideBySide;
    private final boolean firstAtPrefWidth;
    private final double gap;
    /** What the last least height assumed: side by side, or one above the other; null when not asked since. */
    private Boolean sideAtLeast;

    /**
     * @param sideBySide       given the inner width and height, whether to put them side by side
     * @param firstAtPrefWidth side by side, the first takes its preferred width and the second the rest
     */
    public SideOrStack(Node first, Node second, double gap, boolean firstAtPrefWidth,
                       BiPredicate<Double, Double> sideBySide) {
        super(first, second);
        this.first = first;
        this.second = second;
        this.gap = gap;
        this.firstAtPrefWidth = firstAtPrefWidth;
        this.sideBySide = sideBySide;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        checkLeastHeight(w);
        if (sideBySide.test(w, h)) {
            double firstW = firstAtPrefWidth ? Math.min(first.prefWidth(h), w - gap) : (w - gap) / 2;
            first.resizeRelocate(x, y, firstW, firstAtPrefWidth ? Math.min(h, first.prefHeight(firstW)) : h);
            second.resizeRelocate(x + firstW + gap, y, Math.max(0, w - firstW - gap), h);
        } else if (firstAtPrefWidth) {
            double firstH = Math.min(first.prefHeight(w), h);
            first.resizeRelocate(x, y, w, firstH);
            second.resizeRelocate(x, y + firstH + gap, w, Math.max(0, h - firstH - gap));
        } else {
            double half = Math.max(0, (h - gap) / 2);
            first.resizeRelocate(x, y, w, half);
            second.resizeRelocate(x, y + half + gap, w, half);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(first.minWidth(-1), second.minWidth(-1)) + snappedLeftInset() + snappedRightInset();
    }

    /**
     * Side by side when the width allows it at the least height, else one above the other: their least heights
     * added. Asked without a width, the width it has now stands for it.
     */
    @Override
    protected double computeMinHeight(double width) {
        double a = first.minHeight(-1);
        double b = second.minHeight(-1);
        double inner = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        double stacked = firstAtPrefWidth ? a + gap + b : 2 * Math.max(a, b) + gap; // stacked, they share evenly
        // before its first layout its width is unknown: side by side until the width says otherwise
        sideAtLeast = inner <= 0 || sideBySide.test(inner, Math.max(a, b));
        return (sideAtLeast ? Math.max(a, b) : stacked) + snappedTopInset() + snappedBottomInset();
    }

    /**
     * The width it was given says otherwise than its least height assumed: the least height is asked again (after
     * this pass, which cannot ask its parents for another).
     */
    private void checkLeastHeight(double inner) {
        boolean side = sideBySide.test(inner, Math.max(first.minHeight(-1), second.minHeight(-1)));
        if (sideAtLeast != null && side != sideAtLeast) {
            sideAtLeast = null;
            Platform.runLater(this::requestLayout);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return first.prefHeight(-1) + gap + second.prefHeight(-1) + snappedTopInset() + snappedBottomInset();
    }
}
