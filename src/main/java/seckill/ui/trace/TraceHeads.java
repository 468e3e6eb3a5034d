package seckill.ui.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.ui.common.I18n;
import seckill.ui.common.PresentationModel;
import seckill.ui.trace.TraceViewModel.Lifeline;
import seckill.ui.trace.TraceViewModel.Role;

/** The lifelines' heads, above the rows and standing still while they scroll; each over its diagram's column. */
final class TraceHeads extends Region {
    private final TraceDiagram diagram;
    private final I18n i18n;
    private final PresentationModel presentation;
    private final List<Node> boxes = new ArrayList<>();

    TraceHeads(TraceDiagram diagram, I18n i18n, PresentationModel presentation) {
        this.diagram = diagram;
        this.i18n = i18n;
        this.presentation = presentation;
    }

    void rebuild(List<Lifeline> lines) {
        getChildren().clear();
        boxes.clear();
        for (Lifeline l : lines) {
            Node box = head(l);
            boxes.add(box);
            getChildren().add(box);
        }
        requestLayout();
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
