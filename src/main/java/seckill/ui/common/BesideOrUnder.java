package seckill.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A main view with a second one beside it on the right (the verdict and how the sale ended; the replay's buttons and
 * where it is): side by side while the main one keeps at least half the width, the second at its own width; else
 * the second under the main one. Neither is cut: what wraps, wraps.
 */
public final class BesideOrUnder extends Pane {
    private final Node verdict;
    private final Node ending;
    private final double gap;

    public BesideOrUnder(Node verdict, Node ending, double gap) {
        super(verdict, ending);
        this.verdict = verdict;
        this.ending = ending;
        this.gap = gap;
    }

    private boolean side(double inner) {
        return inner - ending.prefWidth(-1) - gap >= Math.max(inner / 2, verdict.minWidth(-1));
    }

    private double inner(double width) {
        return (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double inner = inner(-1);
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double h = getHeight() - y - snappedBottomInset();
        if (side(inner)) {
            double endW = Math.min(inner, ending.prefWidth(-1));
            double textW = inner - endW - gap;
            double textH = verdict.prefHeight(textW);
            verdict.resizeRelocate(x, y + Math.max(0, (h - textH) / 2), textW, textH);
            double endH = ending.prefHeight(endW);
            ending.resizeRelocate(x + inner - endW, y + Math.max(0, (h - endH) / 2), endW, endH);
        } else {
            double textH = verdict.prefHeight(inner);
            verdict.resizeRelocate(x, y, inner, textH);
            ending.resizeRelocate(x, y + textH + gap, inner, ending.prefHeight(inner));
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = inner(width);
        double h;
        if (inner <= 0) {
            h = verdict.prefHeight(-1) + gap + ending.prefHeight(-1);
        } else if (side(inner)) {
            double endW = Math.min(inner, ending.prefWidth(-1));
            h = Math.max(verdict.prefHeight(inner - endW - gap), ending.prefHeight(endW));
        } else {
            h = verdict.prefHeight(inner) + gap + ending.prefHeight(inner);
        }
        return h + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(verdict.minWidth(-1), ending.minWidth(-1)) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return verdict.prefWidth(-1) + gap + ending.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }
}
