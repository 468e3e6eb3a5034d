package seckill.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The winners as the table shows them. Rows arrive in batches (one list change per poll, not one per winner) so
 * a table of 100 000 rows stays smooth; the table follows the newest row unless the person scrolled away.
 */
public final class WinnersViewModel {
    private final ObservableList<WinnerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WinnerRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final BooleanProperty followNewest = new SimpleBooleanProperty(this, "followNewest", true);
    private final ReadOnlyLongWrapper beyondStock = new ReadOnlyLongWrapper(this, "beyondStock");

    public ObservableList<WinnerRow> rows() {
        return readOnlyRows;
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
        rows.addAll(batch);
    }

    public void clear() {
        beyondStock.set(0);
        rows.clear();
    }

    public int size() {
        return rows.size();
    }
}
