package seckill.ui.live;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import seckill.ui.common.Face;

/**
 * The winners as the table shows them. Rows arrive in batches (one list change per poll, not one per winner) so
 * a table of 100 000 rows stays smooth; the table follows the newest row unless the person scrolled away.
 *
 * <p>While it follows, the table holds only the newest {@link #TAIL} rows ({@link #shownProperty()}): a table
 * kept at the end of 100,000 rows lays itself out in time that grows with the rows (its virtual flow walks them),
 * 10–20 ms each time winners arrive on two cores, where the newest 1,000 take well under one. Once the person
 * scrolls away or unticks Follow, it holds them all.
 */
@Face
public final class WinnersViewModel {
    /** How many of the newest rows the table holds while it follows. */
    static final int TAIL = 1_000;

    private final ObservableList<WinnerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WinnerRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<WinnerRow> tail = FXCollections.observableArrayList();
    private final ObservableList<WinnerRow> readOnlyTail = FXCollections.unmodifiableObservableList(tail);
    private final BooleanProperty followNewest = new SimpleBooleanProperty(this, "followNewest", true);
    private final ReadOnlyObjectWrapper<ObservableList<WinnerRow>> shown =
            new ReadOnlyObjectWrapper<>(this, "shown", readOnlyTail);
    private final ReadOnlyLongWrapper beyondStock = new ReadOnlyLongWrapper(this, "beyondStock");

    public WinnersViewModel() {
        followNewest.addListener((obs, was, on) -> shown.set(on ? readOnlyTail : readOnlyRows));
    }

    /** Every winner, first buyer first. */
    public ObservableList<WinnerRow> rows() {
        return readOnlyRows;
    }

    /** The rows the table holds: the newest {@link #TAIL} while it follows the newest, else all of them. */
    public ReadOnlyObjectProperty<ObservableList<WinnerRow>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Where row {@code index} of {@code list} (one {@link #shownProperty()} held) is in {@code now}'s; -1 if not. */
    public int indexIn(ObservableList<WinnerRow> now, ObservableList<WinnerRow> list, int index) {
        if (index < 0 || index >= list.size()) {
            return -1;
        }
        int inRows = (int) (list.get(index).rank() - 1);
        int at = now == readOnlyTail ? inRows - (rows.size() - tail.size()) : inRows;
        return at >= 0 && at < now.size() ? at : -1;
    }

    /** How many rows are winners beyond the stock (oversold items). */
    public ReadOnlyLongProperty beyondStockProperty() {
        return beyondStock.getReadOnlyProperty();
    }

    public BooleanProperty followNewestProperty() {
        return followNewest;
    }

    /**
     * Adds the winners from {@code fromIndex} on. Rows already there are not added twice (a poll may repeat a
     * range after a reconnect); a gap means the table is behind, and the poller's next ticks fill it. A winner
     * ranked beyond the sale's stock ({@code total}) got an item that was not there, and is marked so.
     */
    public void append(long fromIndex, List<String> ids, List<Long> times, long openedMs, long total) {
        long have = rows.size();
        if (fromIndex > have || fromIndex + ids.size() <= have) {
            return;
        }
        int skip = (int) (have - fromIndex);
        List<WinnerRow> batch = new ArrayList<>(ids.size() - skip);
        for (int i = skip; i < ids.size(); i++) {
            long at = i < times.size() ? times.get(i) : -1;
            long since = at >= 0 && openedMs >= 0 ? Math.max(0, at - openedMs) : -1;
            long rank = fromIndex + i + 1;
            batch.add(new WinnerRow(rank, ids.get(i), since, total >= 0 && rank > total));
        }
        long beyond = batch.stream().filter(WinnerRow::beyondStock).count();
        if (beyond > 0) {
            beyondStock.set(beyondStock.get() + beyond);
        }
        // the tail first: whoever hears of the new rows finds the table's list up to date
        if (batch.size() >= TAIL) {
            tail.setAll(batch.subList(batch.size() - TAIL, batch.size()));
        } else {
            tail.addAll(batch);
            if (tail.size() > TAIL) {
                tail.remove(0, tail.size() - TAIL);
            }
        }
        rows.addAll(batch);
    }

    public void clear() {
        beyondStock.set(0);
        tail.clear();
        rows.clear();
    }

    public int size() {
        return rows.size();
    }
}
