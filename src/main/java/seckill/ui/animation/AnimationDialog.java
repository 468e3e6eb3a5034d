package seckill.ui.animation;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;
import seckill.ui.common.Themes;

/**
 * The animation's progress while it renders: the frame, a bar, and Cancel. It does not block the window (the sale
 * on screen goes on) and closes itself when the export ends, however it ends.
 */
@Face
public final class AnimationDialog {
    private AnimationDialog() {
    }

    /** Shows the export's progress beside the window; closes when it ends (Cancel cancels it). */
    public static Stage show(Window owner, AnimationExport export, I18n i18n, Path file) {
        Label what = new Label();
        what.setId("animation-progress-text");
        what.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("animation.progress",
                export.frameProperty().get(), export.framesProperty().get(), file.getFileName()),
                export.frameProperty(), export.framesProperty(), i18n.localeProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("animation-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setStyle("-fx-pref-width: 24em;"); // in the window's text size, as the dialog's text
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> export.framesProperty().get() == 0 ? 0
                : export.frameProperty().get() / (double) export.framesProperty().get(), export.frameProperty(),
                export.framesProperty()));
        Button cancel = new Button();
        cancel.setId("animation-cancel");
        cancel.textProperty().bind(i18n.binding("animation.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> export.cancel());
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox pane = new VBox(12, what, bar, buttons);
        pane.setPadding(new Insets(16));
        if (owner != null && owner.getScene() != null) {
            pane.styleProperty().bind(owner.getScene().getRoot().styleProperty()); // the window's zoom and font
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.titleProperty().bind(i18n.binding("animation.title"));
        Scene scene = new Scene(pane);
        scene.getStylesheets().add(Themes.stylesheet());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> export.cancel());
        // once: each export shows a dialog of its own, and this one goes with its export
        export.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    obs.removeListener(this);
                    stage.close();
                }
            }
        });
        stage.show();
        return stage;
    }
}
