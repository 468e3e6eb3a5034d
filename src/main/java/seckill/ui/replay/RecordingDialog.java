package seckill.ui.replay;

import java.nio.file.Path;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;
import seckill.ui.common.UserFolders;

/** Asks which recording to open: {@code *.jsonl} or {@code *.jsonl.gz}, as {@code run --record} writes them. */
@Face
public final class RecordingDialog {
    private RecordingDialog() {
    }

    /** The file chosen, or null when the person cancels. */
    public static Path choose(Window owner, I18n i18n) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("replay.choose"));
        chooser.setInitialDirectory(UserFolders.forExtension("jsonl.gz").toFile());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("replay.files"),
                "*.jsonl", "*.jsonl.gz"));
        var file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }
}
