package seckill.ui.students;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import seckill.ui.common.I18n;
import seckill.ui.common.Themes;

/**
 * The QR code, the address and the code over the whole window, for the back of the room to scan: as large as the
 * window's height allows. A click, Esc, or the class no longer joining puts it away.
 */
final class LargeQr {
    /** Room under the code for the address, the code and the hint, in em. */
    private static final double UNDER_EM = 14;

    private final StudentsModel model;
    private final I18n i18n;
    private Stage stage;

    LargeQr(StudentsModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    /**
     * @param owner     the window it covers
     * @param rootStyle the window's root style (its zoomed font size, and the CJK font while it speaks Chinese)
     * @param em        the window's root font size in pixels
     */
    void show(Window owner, String rootStyle, double em) {
        close();
        QrView qr = new QrView();
        qr.setId("students-large-qr");
        qr.setText(model.urlProperty().get());
        FittedLine url = new FittedLine(2.5, 1);
        url.getStyleClass().add("students-url");
        url.setAlignment(Pos.CENTER);
        url.textProperty().bind(model.urlProperty());
        url.setEm(em);
        FittedLine code = new FittedLine(5, 2);
        code.setId("students-large-code");
        code.getStyleClass().add("students-code");
        code.setAlignment(Pos.CENTER);
        code.textProperty().bind(model.codeProperty());
        code.setEm(em);
        Label hint = new Label();
        hint.getStyleClass().add("students-caption");
        hint.textProperty().bind(i18n.binding("students.large.close"));
        VBox content = new VBox(em / 2, qr, url, code, hint);
        content.setId("students-large");
        content.getStyleClass().add("students-large");
        content.setAlignment(Pos.CENTER);
        content.setPadding(new Insets(em));
        content.setStyle(rootStyle);
        VBox.setVgrow(qr, Priority.NEVER);
        qr.largestSideProperty().bind(Bindings.createDoubleBinding(() -> Math.max(em * 8, content.getHeight()
                - UNDER_EM * em), content.heightProperty()));

        Scene scene = new Scene(content, owner.getWidth(), owner.getHeight());
        scene.getStylesheets().add(Themes.stylesheet());
        stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setX(owner.getX());
        stage.setY(owner.getY());
        stage.setScene(scene);
        Stage shown = stage;
        scene.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> shown.close());
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                shown.close();
            }
        });
        ChangeListener<String> address = (obs, was, now) -> qr.setText(now);
        ChangeListener<Boolean> stopped = (obs, was, running) -> {
            if (!running) {
                shown.close();
            }
        };
        model.urlProperty().addListener(address);
        model.runningProperty().addListener(stopped);
        stage.setOnHidden(e -> {
            model.urlProperty().removeListener(address);
            model.runningProperty().removeListener(stopped);
        });
        stage.show();
    }

    void close() {
        if (stage != null) {
            stage.close();
            stage = null;
        }
    }

    /** Whether it covers the window now; for the tests. */
    boolean showing() {
        return stage != null && stage.isShowing();
    }
}
