package seckill.ui;

import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One large number with its name under it, readable from the back of a classroom. */
final class Tile extends VBox {
    private static final PseudoClass LONG = PseudoClass.getPseudoClass("long");
    private static final PseudoClass VERY_LONG = PseudoClass.getPseudoClass("very-long");
    private static final PseudoClass HUGE = PseudoClass.getPseudoClass("huge");
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");

    private final Label value = new Label("—");
    private final Label caption = new Label();

    Tile(String id, StringBinding captionText) {
        setId(id);
        getStyleClass().add("stat-tile");
        value.getStyleClass().add("stat-value");
        value.setId(id + "-value");
        caption.getStyleClass().add("stat-caption");
        caption.textProperty().bind(captionText);
        caption.setWrapText(true);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(value, caption);
    }

    void show(String text) {
        value.setText(text);
        // long figures ("12,345 / 100,000") step down a size instead of being cut off
        int n = text.length();
        value.pseudoClassStateChanged(LONG, n > 8 && n <= 12);
        value.pseudoClassStateChanged(VERY_LONG, n > 12 && n <= 15);
        value.pseudoClassStateChanged(HUGE, n > 15);
    }

    /** Red when something is wrong (oversold above 0), so the room sees it at once. */
    void setAlarm(boolean alarm) {
        pseudoClassStateChanged(ALARM, alarm);
    }
}
