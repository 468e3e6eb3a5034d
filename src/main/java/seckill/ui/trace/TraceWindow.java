package seckill.ui.trace;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;
import seckill.ui.common.PresentationModel;
import seckill.ui.common.Themes;

/**
 * The trace's timeline in a window of its own (View → Trace, Ctrl+T), beside the dashboard: made the first time it
 * is asked for, then shown again as it was. It speaks the dashboard's language and follows its zoom and theme.
 */
@Face
public final class TraceWindow {
    static final double WIDTH = 1200;
    static final double HEIGHT = 780;

    private final TraceViewModel trace;
    private final PresentationModel presentation;
    private final I18n i18n;
    private final Node styleSource;
    private Stage stage;
    private TraceView view;

    /** @param styleSource whose root style (the zoom's font size, the CJK font) the window takes */
    public TraceWindow(TraceViewModel trace, PresentationModel presentation, I18n i18n, Node styleSource) {
        this.trace = trace;
        this.presentation = presentation;
        this.i18n = i18n;
        this.styleSource = styleSource;
    }

    /** Shows the window in front of the owner, making it if need be; FX thread. */
    public void show(Window owner) {
        if (stage == null) {
            view = new TraceView(trace, i18n, presentation);
            view.styleProperty().bind(styleSource.styleProperty());
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth() * 0.92),
                    Math.min(HEIGHT, screen.getHeight() * 0.92));
            scene.getStylesheets().add(Themes.stylesheet());
            // Esc puts the window away, as a dialog's does; the timeline keeps its place for next time
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    e.consume();
                    stage.close();
                }
            });
            stage = new Stage();
            stage.initOwner(owner);
            stage.titleProperty().bind(i18n.binding("trace.window"));
            stage.setScene(scene);
            stage.setOnShown(e -> view.start());
            stage.setOnHidden(e -> view.stop());
        }
        stage.show();
        stage.toFront();
        view.requestFocus();
    }

    boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** The window's stage, or null before it was first shown. */
    Stage stage() {
        return stage;
    }

    public TraceView view() {
        return view;
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
