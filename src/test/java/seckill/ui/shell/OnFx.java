package seckill.ui.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads and actions on the FX thread for the window tests, waiting at most 10 s for each. */
public final class OnFx {
    private OnFx() {
    }

    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the label the query finds. */
    public static String labelText(FxRobot robot, String query) {
        Labeled label = robot.lookup(query).queryAs(Labeled.class);
        return fx(label::getText);
    }

    public static void onFx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    /** Shown, and whole inside the window. */
    public static boolean inWindow(Node node) {
        return fx(() -> {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            return node.isVisible() && b.getMinX() >= 0 && b.getMinY() >= 0
                    && b.getMaxX() <= node.getScene().getWidth() + 0.5 && b.getMaxY() <= node.getScene().getHeight()
                    + 0.5;
        });
    }

    /** Labels whose text is shown cut off ("2,0…"), as "id: full → shown". */
    public static List<String> truncated(Collection<Node> nodes) {
        return fx(() -> {
            List<String> cut = new ArrayList<>();
            for (Node n : nodes) {
                if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                    Node shown = l.lookup(".text");
                    String text = shown instanceof Text t ? t.getText() : null;
                    if (!l.getText().equals(text)) {
                        cut.add(l.getId() + ": " + l.getText() + " → " + text);
                    }
                }
            }
            return cut;
        });
    }
}
