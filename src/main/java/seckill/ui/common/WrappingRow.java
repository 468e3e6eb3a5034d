package seckill.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.FlowPane;

/**
 * Views in a row that wraps onto more rows rather than make the window wider (a large zoom, a narrow pane): no
 * narrower than the widest of them. (A plain {@code FlowPane} asks for its whole row as its least width.)
 */
public final class WrappingRow extends FlowPane {
    public WrappingRow(double hgap, double vgap, Node... children) {
        super(hgap, vgap, children);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + getManagedChildren().stream()
                .mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
    }
}
