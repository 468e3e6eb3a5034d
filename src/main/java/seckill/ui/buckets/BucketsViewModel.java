package seckill.ui.buckets;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleState;
import seckill.ui.common.Face;
import seckill.ui.common.Formats;
import seckill.ui.common.LocalText;

/**
 * The "Buckets" panel's state, for a sale split into buckets ({@code --buckets}): each bucket's level (its stock
 * left out of its own share), how many have sold out, and what bucketing costs meanwhile: the items left in the
 * others while the users of a sold-out bucket are turned away ({@code bucket_unsold}). Nothing while the sale on view
 * is one bucket. Fed the poller's figures; touches no control, so it is tested without a toolkit.
 */
@Face
public final class BucketsViewModel {
    /** Up to this many buckets, each is a bar with its number under it; more are a grid of small cells. */
    static final int BARS_UP_TO = 32;

    /**
     * One bucket as the panel shows it.
     *
     * @param index its number: bucket i sells under the tag {@code {T.i}}
     * @param stock its share of the stock ({@code kill_total}), or -1 when it does not exist
     * @param sold  items it has sold ({@code kill_num})
     */
    public record Level(int index, long stock, long sold) {
        public long left() {
            return Math.max(0, stock - sold);
        }

        public boolean soldOut() {
            return stock >= 0 && left() == 0;
        }

        /** Its stock left, from 0 (sold out, or missing) to 1 (untouched). */
        public double fraction() {
            return stock > 0 ? (double) left() / stock : 0;
        }
    }

    private final ReadOnlyObjectWrapper<List<Level>> levels = new ReadOnlyObjectWrapper<>(this, "levels",
            List.of());
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<LocalText> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private int soldOut;
    private long unsold;

    /** The buckets' figures as the last poll read them, in order; fewer than two: no buckets to show. */
    public void apply(List<SaleState> buckets) {
        if (buckets.size() < 2) {
            clear();
            return;
        }
        List<Level> now = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            SaleState s = buckets.get(i);
            now.add(new Level(i, s.total(), s.sold()));
        }
        soldOut = (int) now.stream().filter(Level::soldOut).count();
        unsold = SaleBuckets.unsold(buckets);
        long left = now.stream().mapToLong(Level::left).sum();
        levels.set(List.copyOf(now));
        summary.set(soldOut == 0 ? LocalText.of("buckets.summary.none", count(now.size()), count(left))
                : soldOut == now.size() ? LocalText.of("buckets.summary.all", count(now.size()))
                : LocalText.of("buckets.summary.some", count(soldOut), count(now.size()), count(unsold)));
        active.set(true);
    }

    private static String count(long n) {
        return Formats.count(n);
    }

    /** A new sale on view: nothing to show until its figures come. */
    public void clear() {
        levels.set(List.of());
        summary.set(null);
        soldOut = 0;
        unsold = 0;
        active.set(false);
    }

    /** True while the sale on view is split into buckets: the panel shows only then. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Each bucket, in order; a new list whenever a figure changed. */
    public ReadOnlyObjectProperty<List<Level>> levelsProperty() {
        return levels.getReadOnlyProperty();
    }

    /** "3 of 8 buckets sold out: … 37 items left in the others", or that none or all have. */
    public ReadOnlyObjectProperty<LocalText> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Bars, each numbered, for a few buckets; a grid of cells (a heat map) for many. */
    public boolean bars() {
        return levels.get().size() <= BARS_UP_TO;
    }

    public int soldOut() {
        return soldOut;
    }

    /** The items left in buckets while another has sold out ({@code bucket_unsold}); 0 while none has. */
    public long unsold() {
        return unsold;
    }

    /** What a bucket's cell says when pointed at: its number and its figures. */
    static LocalText describe(Level level) {
        String index = Integer.toString(level.index());
        return level.stock() < 0 ? LocalText.of("buckets.cellMissing", index)
                : LocalText.of(level.soldOut() ? "buckets.cellSoldOut" : "buckets.cell", index,
                        count(level.left()), count(level.stock()), count(level.sold()));
    }
}
