package seckill.ui.monitor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import seckill.sim.CommandFeed;
import seckill.sim.FeedLine;
import seckill.ui.common.Face;
import seckill.ui.common.Formats;

/**
 * What Redis sees, as the window shows it: the run's sampled feed of commands ({@link CommandFeed}) as lines close
 * to {@code redis-cli MONITOR}'s ({@code 1796048822.688123 [u9113…] WATCH kill_flag …}), a line per command and one
 * for each round trip's replies, the newest {@value #MOST_ROWS} kept. The feed samples only while it is shown, so a
 * sale nobody looks at this way pays nothing for it. {@link #pull()} takes what came since the last pull (the view
 * calls it about ten times a second while shown; tests call it by hand).
 */
@Face
public final class CommandFeedModel {
    /** Rows kept on screen. */
    static final int MOST_ROWS = 400;

    /** What a row is: a command sent, the replies of a round trip, or a note that lines were skipped. */
    public enum RowKind { COMMAND, REPLY, MISSED }

    /** One row: its text as shown (for {@link RowKind#MISSED}, how many lines were skipped). */
    public record Row(RowKind kind, String text) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private CommandFeed feed;
    private long next;

    public CommandFeedModel() {
        shown.addListener((obs, was, on) -> {
            if (feed != null) {
                feed.setOn(on);
            }
        });
    }

    /** Whether the feed is on screen (View → What Redis sees); only then do the buyers sample into it. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * A run starts: its feed (null for none) replaces the last run's, shown from its first line (the run is handed
     * over after its first buyers have begun, and the first of them is the one sampled).
     */
    public void follow(CommandFeed runFeed) {
        if (feed != null && feed != runFeed) {
            feed.setOn(false);
        }
        feed = runFeed;
        rows.clear();
        if (feed != null) {
            next = 0;
            feed.setOn(shown.get());
        }
    }

    /** Takes the lines written since the last pull; never blocks. */
    public void pull() {
        if (feed == null) {
            return;
        }
        CommandFeed.Read read = feed.since(next);
        next = read.next();
        if (read.missed() > 0) {
            rows.add(new Row(RowKind.MISSED, Formats.count(read.missed())));
        }
        for (FeedLine line : read.lines()) {
            String head = Formats.monitorTime(line.epochMicros()) + " [" + line.userId() + "] ";
            if (line.reply()) {
                rows.add(new Row(RowKind.REPLY, head + "← " + String.join(" | ", line.parts())));
            } else {
                for (String command : line.parts()) {
                    rows.add(new Row(RowKind.COMMAND, head + command));
                }
            }
        }
        if (rows.size() > MOST_ROWS) {
            rows.remove(0, rows.size() - MOST_ROWS);
        }
    }
}
