package seckill.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Themes;

/**
 * The list of keys (F1): each key beside what it does, in the window's language, theme and text size. The theme
 * is the application's (Primer, light or dark), our sheet adds the sizes; a list taller than the room a small
 * screen leaves scrolls.
 */
final class ShortcutsDialog {
    /** What the dialog needs besides the list, in em of its text: the header, OK, the title bar and a margin. */
    private static final double AROUND_EM = 14;

    private ShortcutsDialog() {
    }

    /**
     * @param rootStyle the window's root style (its zoomed font size, and the CJK font while it speaks Chinese)
     * @param em        the window's root font size in pixels
     */
    static void show(Window owner, I18n i18n, String rootStyle, double em) {
        GridPane keys = new GridPane();
        keys.getStyleClass().add("shortcuts");
        keys.setHgap(24);
        keys.setVgap(4);
        int row = 0;
        for (String line : i18n.get("shortcuts.text").split("\n")) {
            String[] keyAndWhat = line.split("\t", 2);
            Label key = label(keyAndWhat[0], "shortcut-key");
            Label what = label(keyAndWhat.length > 1 ? keyAndWhat[1] : "", "shortcut-what");
            keys.addRow(row++, key, what);
        }
        ScrollPane scroll = new ScrollPane(keys);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("action.shortcuts"));
        alert.setHeaderText(i18n.get("action.shortcuts"));
        DialogPane pane = alert.getDialogPane();
        pane.setId("shortcuts-dialog");
        pane.getStyleClass().add("shortcuts-dialog");
        pane.getStylesheets().add(Themes.stylesheet());
        pane.setStyle(rootStyle); // as large as the window's text
        pane.setContent(scroll);
        pane.applyCss();
        double room = Math.max(6 * em, owner.getHeight() - AROUND_EM * em);
        boolean scrolls = keys.prefHeight(-1) > room;
        scroll.setVbarPolicy(scrolls ? ScrollPane.ScrollBarPolicy.ALWAYS : ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(keys.prefWidth(-1));
        scroll.setPrefViewportHeight(scrolls ? room : keys.prefHeight(-1));
        alert.setResizable(true);
        alert.show();
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setStyle(Fonts.styleFor(text)); // "English / 中文" in an English window
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
