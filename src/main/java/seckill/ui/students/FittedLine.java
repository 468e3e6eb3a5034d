package seckill.ui.students;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import seckill.ui.common.PresentationModel;

/**
 * One line in large type that gets smaller to fit its width rather than be cut off: an address has nowhere to wrap.
 * It never goes below its least size; there it is cut off at the end as any label is.
 */
final class FittedLine extends Label {
    private final double largestEm;
    private final double leastEm;
    private final Text measure = new Text();
    private double em = PresentationModel.BASE_FONT_PX;
    private double shownPx;

    /** @param largestEm its size with room enough, in em of the window's font; @param leastEm its smallest */
    FittedLine(double largestEm, double leastEm) {
        this.largestEm = largestEm;
        this.leastEm = leastEm;
        setMaxWidth(Double.MAX_VALUE);
        setMinWidth(0);
        textProperty().addListener((obs, was, now) -> requestLayout());
    }

    /** The window's font size in px (its zoom). */
    void setEm(double px) {
        em = px;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        double px = largestEm * em;
        String text = getText();
        if (text != null && !text.isEmpty() && room > 0) {
            // the width grows with the size: measured once at the largest
            measure.setFont(new Font(getFont().getName(), px));
            measure.setText(text);
            double wide = measure.getLayoutBounds().getWidth();
            if (wide > room) {
                px = Math.max(leastEm * em, Math.floor(px * room / wide * 2) / 2);
            }
        }
        if (px != shownPx) {
            shownPx = px;
            // inline, as only that beats the style sheet; the family and weight still come from it
            setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px));
        }
        super.layoutChildren();
    }
}
