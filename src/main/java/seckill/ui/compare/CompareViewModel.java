package seckill.ui.compare;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.service.PollSnapshot;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.EndReason;
import seckill.sim.SimulationResult;
import seckill.ui.common.ChartHistory;
import seckill.ui.common.Face;

/**
 * Strategies side by side ({@code ui --compare naive,watch,lua}): a column of figures per strategy, read from its
 * own keys in Redis while it runs and completed from its result when it ends, and each strategy's sold-over-time
 * for one chart. No I/O, no clock: every input is an argument, so it is tested without a toolkit.
 */
@Face
public final class CompareViewModel {
    /** Points per lane's line before the past is thinned. */
    static final int CHART_POINTS = 600;

    /** How a lane's audit came out, as the comparison judges it: naive's violation is the lesson, not a failure. */
    public enum Audit {
        /** Still running, or ended without an audit yet. */
        PENDING,
        HOLDS,
        /** The naive strategy oversold, as it is there to show. */
        EXPECTED_VIOLATION,
        /** A safe strategy broke an invariant: the comparison fails (exit 3). */
        VIOLATION,
        /** Redis was lost before the audit. */
        NOT_AUDITED
    }

    /**
     * One strategy's column. Counts the window cannot know yet are -1 (the tile shows a dash), fairness NaN.
     *
     * @param soldOutMs ms from the lane's opening until its stock was gone, by the purchase time Redis keeps for the
     *                  item that emptied it ({@code kill_time}); -1 while stock is left, or until that item is read
     * @param unsold    stock left at the end while users lost (库存遗留); -1 until the lane ends
     */
    public record Column(StrategyKind strategy, boolean exists, long total, long sold, long stockLeft, long oversold,
                         long conflicts, long unsold, long soldOutMs, double fairness, Audit audit, boolean ended) {

        static Column waiting(StrategyKind strategy) {
            return new Column(strategy, false, -1, 0, 0, 0, -1, -1, -1, Double.NaN, Audit.PENDING, false);
        }
    }

    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<Column> readOnlyColumns = FXCollections.unmodifiableObservableList(columns);
    private final List<ChartHistory> sold = new ArrayList<>();
    private final List<Long> openedMs = new ArrayList<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<Comparison.Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final ReadOnlyLongWrapper chartsVersion = new ReadOnlyLongWrapper(this, "chartsVersion");
    private final ReadOnlyObjectWrapper<ComparisonResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    /** A comparison is on screen (instead of the one sale's tiles, charts and table). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison.Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** A column per strategy, in the order they were listed. */
    public ObservableList<Column> columns() {
        return readOnlyColumns;
    }

    /** Lane {@code i}'s items sold over seconds since it opened (one series). */
    public ChartHistory soldHistory(int lane) {
        return sold.get(lane);
    }

    public int lanes() {
        return sold.size();
    }

    /** Changes after points were added to any lane's history. */
    public ReadOnlyLongProperty chartsVersionProperty() {
        return chartsVersion.getReadOnlyProperty();
    }

    /** The whole comparison's result once every lane has ended; null before. */
    public ReadOnlyObjectProperty<ComparisonResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Starts showing a comparison of these strategies: empty columns and lines. */
    public void begin(List<StrategyKind> strategies, Comparison.Mode how) {
        columns.setAll(strategies.stream().map(Column::waiting).toList());
        sold.clear();
        openedMs.clear();
        for (int i = 0; i < strategies.size(); i++) {
            sold.add(new ChartHistory(1, CHART_POINTS));
            openedMs.add(-1L);
        }
        mode.set(how);
        result.set(null);
        active.set(true);
        chartsVersion.set(chartsVersion.get() + 1);
    }

    /** Back to the one sale's view. */
    public void leave() {
        active.set(false);
    }

    /** One poll of lane {@code i}'s keys (with that lane's own counters while it runs). */
    public void apply(int lane, PollSnapshot s) {
        if (lane < 0 || lane >= columns.size()) {
            return;
        }
        for (PollSnapshot.Tick tick : s.ticks()) {
            if (!tick.isLost() && tick.state().exists()) {
                addPoint(lane, tick.state());
            }
        }
        if (s.isLost() || !s.state().exists()) {
            return;
        }
        Column was = columns.get(lane);
        SaleState st = s.state();
        long soldOutMs = was.soldOutMs() >= 0 ? was.soldOutMs() : soldOutMs(st);
        if (was.ended()) {
            // the result's figures are final; Redis only confirms them, and tells when the stock went
            if (soldOutMs != was.soldOutMs()) {
                columns.set(lane, new Column(was.strategy(), was.exists(), was.total(), was.sold(), was.stockLeft(),
                        was.oversold(), was.conflicts(), was.unsold(), soldOutMs, was.fairness(), was.audit(), true));
            }
            return;
        }
        MetricsSnapshot m = s.metrics();
        columns.set(lane, new Column(was.strategy(), true, st.total(), st.sold(), st.stockLeft(), st.oversold(),
                m == null ? was.conflicts() : m.conflicts(), -1, soldOutMs, Double.NaN, Audit.PENDING, false));
    }

    private void addPoint(int lane, SaleState st) {
        long origin = openedMs.get(lane);
        if (origin < 0 || st.openedMs() >= 0 && st.openedMs() != origin) {
            origin = st.openedMs() >= 0 ? st.openedMs() : st.readAtMs();
            openedMs.set(lane, origin);
            sold.get(lane).clear();
        }
        ChartHistory h = sold.get(lane);
        double t = Math.max(0, (st.readAtMs() - origin) / 1000.0);
        if (h.size() > 0 && h.y(0, h.size() - 1) == st.sold() && t - h.lastX() < 0.5) {
            return; // a flat line needs no point per poll; one every half second keeps it moving right
        }
        h.add(t, st.sold());
        chartsVersion.set(chartsVersion.get() + 1);
    }

    /** Lane {@code i} has ended: its result completes the column. */
    public void laneEnded(int lane, SimulationResult r) {
        if (lane < 0 || lane >= columns.size()) {
            return;
        }
        Column was = columns.get(lane);
        SaleState st = r.state();
        boolean read = st != null && st.exists();
        if (read && !was.ended()) {
            // the line ends at the final figure, even where the lane was over between two polls
            addPoint(lane, st);
        }
        long oversold = read ? st.oversold() : was.oversold();
        // no fairness where more won than there was to win, and no 库存遗留 where the teacher stopped the lane
        columns.set(lane, new Column(was.strategy(), read || was.exists(), read ? st.total() : was.total(),
                read ? st.sold() : was.sold(), read ? st.stockLeft() : was.stockLeft(), oversold,
                r.metrics().conflicts(), r.endedBy() == EndReason.STOPPED ? -1 : r.unsoldStock(),
                was.soldOutMs() >= 0 || !read ? was.soldOutMs() : soldOutMs(st),
                oversold > 0 ? Double.NaN : r.fairness().share(), auditOf(r), true));
    }

    /**
     * Lane {@code i} has ended as a recording says it did: its column as the live lane's result left it, the line
     * already drawn from the recording's figures.
     */
    public void laneFinished(int lane, Column finished) {
        if (lane >= 0 && lane < columns.size()) {
            columns.set(lane, finished);
        }
    }

    /**
     * When the stock went, by Redis's own clock: the purchase time ({@code kill_time}) of the item that emptied it,
     * since the sale opened, as the chart and the winners' table count time; -1 until that winner has been read (or
     * when the stock is not gone, or the sale says nothing of its times).
     */
    static long soldOutMs(SaleState st) {
        long last = st.total() - 1;
        int i = (int) (last - st.fromIndex());
        if (st.total() <= 0 || st.openedMs() < 0 || i < 0 || i >= st.newTimes().size() || st.newTimes().get(i) < 0) {
            return -1;
        }
        return Math.max(0, st.newTimes().get(i) - st.openedMs());
    }

    /** Every lane has ended. */
    public void ended(ComparisonResult r) {
        for (int i = 0; i < r.results().size() && i < columns.size(); i++) {
            if (!columns.get(i).ended()) {
                laneEnded(i, r.results().get(i));
            }
        }
        result.set(r);
    }

    static Audit auditOf(SimulationResult r) {
        return audit(r.endedBy() != EndReason.ERROR && r.audit() != null, r.audit() != null && r.audit().ok(),
                r.config().strategy());
    }

    /** How a lane's audit came out: audited or not, whether it held, and whose it was. */
    public static Audit audit(boolean audited, boolean ok, StrategyKind strategy) {
        if (!audited) {
            return Audit.NOT_AUDITED;
        }
        if (ok) {
            return Audit.HOLDS;
        }
        return strategy.isSafe() ? Audit.VIOLATION : Audit.EXPECTED_VIOLATION;
    }

    /** The comparison on screen's result, once every lane has ended; null while none is on screen. */
    public ComparisonResult shownResult() {
        return active.get() ? result.get() : null;
    }
}
