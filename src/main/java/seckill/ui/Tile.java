package seckill.ui;

import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One large number with its name under it, readable from the back of a classroom. */
final class Tile extends VBox {
    private final Label value = new Label("—");
    private final Label caption = new Label();

    Tile(String id, StringBinding captionText) {
        setId(id);
        getStyleClass().add("tile");
        value.getStyleClass().add("tile-value");
        value.setId(id + "-value");
        caption.getStyleClass().add("tile-caption");
        caption.textProperty().bind(captionText);
        caption.setWrapText(true);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(value, caption);
    }

    void show(String text) {
        value.setText(text);
    }

    Label valueLabel() {
        return value;
    }

    /** Red when something is wrong (oversold above 0), so the room sees it at once. */
    void setAlarm(boolean alarm) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("alarm"), alarm);
    }
}
