package seckill.ui.live;

import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import seckill.ui.common.WordWrap;

/**
 * One large number with its name under it, readable from the back of a classroom. A long figure ("12,345 /
 * 100,000") steps down a size, and steps down further while it would not fit the tile's width, so it is never cut
 * off.
 */
final class Tile extends VBox {
    /** The sizes of the figure, largest first: no pseudo-class, then these (see dashboard.css). */
    private static final PseudoClass[] SMALLER = {PseudoClass.getPseudoClass("long"),
        PseudoClass.getPseudoClass("very-long"), PseudoClass.getPseudoClass("huge"),
        PseudoClass.getPseudoClass("tiny")};
    /** The figure's font size at each step, in em of the tile's font: as in dashboard.css. */
    private static final double[] EMS = {2.5, 1.875, 1.5, 1.25, 1.0};
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");

    private final Label value = new Label("—");
    private final Label caption = new Label();
    private final Text measure = new Text();
    /** The step the figure's length asks for, and the step it is shown at (never larger). */
    private int lengthStep;
    private int shownStep = -1;

    Tile(String id, StringBinding captionText) {
        setId(id);
        getStyleClass().add("stat-tile");
        value.getStyleClass().add("stat-value");
        value.setId(id + "-value");
        value.setMinWidth(0);
        caption.getStyleClass().add("stat-caption");
        caption.textProperty().bind(captionText);
        WordWrap.betweenWords(caption);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(value, caption);
        showStep(0);
    }

    /** The name under the figure, e.g. one that says why the figure cannot be known. */
    void caption(StringBinding text) {
        caption.textProperty().bind(text);
    }

    public void show(String text) {
        value.setText(text);
        int n = text.length();
        lengthStep = n <= 8 ? 0 : n <= 12 ? 1 : n <= 15 ? 2 : 3;
        requestLayout();
    }

    /** Red when something is wrong (oversold above 0), so the room sees it at once. */
    public void setAlarm(boolean alarm) {
        pseudoClassStateChanged(ALARM, alarm);
    }

    /** The largest step, no larger than the length asks for, at which the figure fits {@code width}. */
    int fittingStep(double width) {
        if (value.getFont() == null || caption.getFont() == null) {
            return lengthStep;
        }
        measure.setFont(value.getFont());
        measure.setText(value.getText());
        // text widths grow with the font size: measure at the size shown and scale to each step, in em of the
        // caption (1em), whatever step CSS has applied so far
        double perEm = measure.getLayoutBounds().getWidth() / value.getFont().getSize() * caption.getFont().getSize();
        int step = lengthStep;
        while (step < EMS.length - 1 && perEm * EMS[step] > width) {
            step++;
        }
        return step;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        int step = fittingStep(width - 1);
        if (step != shownStep) {
            showStep(step); // the new size comes with the next pass of CSS and layout
        }
        super.layoutChildren();
    }

    private void showStep(int step) {
        shownStep = step;
        for (int i = 0; i < SMALLER.length; i++) {
            value.pseudoClassStateChanged(SMALLER[i], i + 1 == step);
        }
    }
}
