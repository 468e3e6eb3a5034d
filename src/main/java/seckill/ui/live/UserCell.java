package seckill.ui.live;

import javafx.scene.control.TableCell;
import seckill.ui.common.Fonts;
import seckill.ui.common.Icons;

/**
 * A winner's user id; a student who joined from their phone shows as their nickname after a person (their row stands
 * out, see {@link WinnersView}). A nickname in Chinese gets a font that has its glyphs whatever the window's language.
 */
final class UserCell extends TableCell<WinnerRow, WinnerRow> {
    @Override
    protected void updateItem(WinnerRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            setStyle("");
            return;
        }
        String name = row.shownName();
        setText(name);
        setGraphic(row.student() ? Icons.of(Icons.STUDENT) : null);
        setStyle(name == null ? "" : Fonts.styleFor(name));
    }
}
