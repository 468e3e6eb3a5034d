package seckill.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.sim.CommandFeed;
import seckill.sim.FeedLine;
import seckill.ui.monitor.CommandFeedModel.Row;
import seckill.ui.monitor.CommandFeedModel.RowKind;

class CommandFeedModelTest {
    private static final long AT = 1_796_048_822_688_123L;

    @Test
    void samplesOnlyWhileShownAndWritesLinesAsMonitorDoes() {
        CommandFeed feed = new CommandFeed();
        CommandFeedModel model = new CommandFeedModel();
        model.follow(feed);
        assertThat(feed.isOn()).isFalse();
        model.shownProperty().set(true);
        assertThat(feed.isOn()).isTrue();

        feed.add(new FeedLine(AT, "u91135", false, List.of("WATCH d:kill_flag d:kill_num", "GET d:kill_num")));
        feed.add(new FeedLine(AT + 412, "u91135", true, List.of("OK", "\"39\"")));
        model.pull();
        assertThat(model.rows()).containsExactly(
                new Row(RowKind.COMMAND, "1796048822.688123 [u91135] WATCH d:kill_flag d:kill_num"),
                new Row(RowKind.COMMAND, "1796048822.688123 [u91135] GET d:kill_num"),
                new Row(RowKind.REPLY, "1796048822.688535 [u91135] ← OK | \"39\""));
        model.pull();
        assertThat(model.rows()).hasSize(3);

        model.shownProperty().set(false);
        assertThat(feed.isOn()).isFalse();
    }

    @Test
    void keepsTheNewestRowsAndSaysWhenItFellBehind() {
        CommandFeed feed = new CommandFeed();
        CommandFeedModel model = new CommandFeedModel();
        model.follow(feed);
        for (int i = 0; i < CommandFeed.CAPACITY + 5; i++) {
            feed.add(new FeedLine(AT, "u" + i, false, List.of("GET k")));
        }
        model.pull();
        assertThat(model.rows().get(0)).isEqualTo(new Row(RowKind.MISSED, "5"));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < CommandFeed.CAPACITY / 2; i++) {
                feed.add(new FeedLine(AT, "v" + i, false, List.of("GET k")));
            }
            model.pull();
        }
        assertThat(model.rows()).hasSize(CommandFeedModel.MOST_ROWS);
        assertThat(model.rows().get(CommandFeedModel.MOST_ROWS - 1).text()).endsWith("[v127] GET k");
    }

    @Test
    void aNewRunStartsAnEmptyListAndTheOldFeedStops() {
        CommandFeed old = new CommandFeed();
        CommandFeedModel model = new CommandFeedModel();
        model.shownProperty().set(true);
        model.follow(old);
        assertThat(old.isOn()).isTrue();
        old.add(new FeedLine(AT, "u1", false, List.of("GET k")));
        model.pull();
        CommandFeed next = new CommandFeed();
        next.add(new FeedLine(AT, "first", false, List.of("GET k")));
        model.follow(next);
        assertThat(old.isOn()).isFalse();
        assertThat(next.isOn()).isTrue();
        assertThat(model.rows()).as("the old run's lines are gone").isEmpty();
        model.pull();
        // a run is handed to the window after its first buyers began: the first sampled one's lines are shown too
        assertThat(model.rows()).extracting(CommandFeedModel.Row::text).singleElement().asString()
                .contains("[first] GET k");
    }
}
