package seckill.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text that wraps between words only: a wrapping label may not be narrower than its longest unbreakable run (a word,
 * or one CJK character), so a narrow screen or a large zoom gives it another line rather than break "nothing" into
 * "nothi / ng".
 */
public final class WordWrap {
    private WordWrap() {
    }

    /** Wraps the label's text between words from now on, whatever its text and font become. */
    public static <L extends Labeled> L betweenWords(L label) {
        label.setWrapText(true);
        label.minWidthProperty().bind(Bindings.createDoubleBinding(() -> longestRun(label.getText(),
                label.getFont()) + label.snappedLeftInset() + label.snappedRightInset()
                + (label.getGraphic() == null ? 0 : label.getGraphic().prefWidth(-1) + label.getGraphicTextGap()),
                label.textProperty(), label.fontProperty(), label.graphicProperty(), label.paddingProperty()));
        return label;
    }

    /**
     * The width of the widest run of the text that a line may not break, in that font; 0 for none. JavaFX wraps at
     * spaces, and between CJK characters: a run is a stretch without either.
     */
    public static double longestRun(String text, Font font) {
        if (text == null || text.isEmpty() || font == null) {
            return 0;
        }
        Text measure = new Text();
        measure.setFont(font);
        double widest = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            int next = i + Character.charCount(cp);
            boolean space = Character.isWhitespace(cp);
            boolean cjk = !space && Character.isIdeographic(cp);
            if (space || cjk) {
                widest = Math.max(widest, width(measure, text.substring(start, i)));
                if (cjk) {
                    widest = Math.max(widest, width(measure, text.substring(i, Math.min(text.length(), next))));
                }
                start = next;
            }
            i = next;
        }
        return Math.ceil(widest) + 1;
    }

    private static double width(Text measure, String run) {
        if (run.isEmpty()) {
            return 0;
        }
        measure.setText(run);
        return measure.getLayoutBounds().getWidth();
    }
}
