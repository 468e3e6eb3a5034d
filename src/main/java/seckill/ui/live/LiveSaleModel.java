package seckill.ui.live;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.SaleState;
import seckill.service.PollSnapshot;
import seckill.sim.EndReason;
import seckill.sim.SimulationResult;
import seckill.ui.buckets.BucketsViewModel;
import seckill.ui.common.ChartHistory;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;

/**
 * What the screen shows of the sale on view, made from the poller's snapshots: the tiles' figures, the charts'
 * history, the winners, each bucket's level (a sale in buckets), and the banner while Redis is lost. No I/O, no
 * threads, no clock: every input is an argument, so the same snapshots always give the same screen.
 */
@Face
public final class LiveSaleModel {
    /** Points per chart before the past is thinned: enough for a smooth line, bounded in a long run. */
    static final int CHART_POINTS = 1_200;
    /** Longer than this between two points (five missed ticks) is a time with no data: the lines break there. */
    static final double NO_DATA_S = 0.5;

    private final WinnersViewModel winners = new WinnersViewModel();
    private final BucketsViewModel buckets = new BucketsViewModel();
    private final ChartHistory stockHistory = new ChartHistory(2, CHART_POINTS);
    private final ChartHistory rateHistory = ChartHistory.ofRates(3, CHART_POINTS);
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures", Figures.NONE);
    private final ReadOnlyObjectWrapper<LocalText> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final ReadOnlyObjectWrapper<LocalText> stale = new ReadOnlyObjectWrapper<>(this, "stale");
    private final ReadOnlyLongWrapper chartsVersion = new ReadOnlyLongWrapper(this, "chartsVersion");
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(this, "settled");
    private final ReadOnlyBooleanWrapper ratesKnown = new ReadOnlyBooleanWrapper(this, "ratesKnown", true);

    private long firstSeenMs = -1;
    private long lastSold = -1;
    private long lastReadMs;
    private long points;
    private double longestStepS;
    /** The local run, once it has ended: its averages replace the live ones. */
    private SimulationResult ended;
    private long endedAtMs = Long.MAX_VALUE;
    /** The sale on screen is no longer in Redis: what is shown is what was last read. */
    private boolean vanished;
    /** When the last good poll was read (epoch ms), 0 before any; and whether its answer is overdue now. */
    private long lastPollMs;
    private boolean stalled;

    public WinnersViewModel winners() {
        return winners;
    }

    /** Each bucket's level, for a sale split into buckets. */
    public BucketsViewModel buckets() {
        return buckets;
    }

    public ChartHistory stockHistory() {
        return stockHistory;
    }

    public ChartHistory rateHistory() {
        return rateHistory;
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Shown across the window while Redis is lost; null when all is well. */
    public ReadOnlyObjectProperty<LocalText> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /**
     * What the sale on screen was, once it no longer answers to what is set now (a lesson chosen, a setting changed):
     * its figures, verdict and charts are dimmed under this caption until the next sale takes the screen; null while
     * they are the settings' own.
     */
    public ReadOnlyObjectProperty<LocalText> staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The sale on screen is the last one, no longer the one set: see {@link #staleProperty()}. */
    public void stale(LocalText caption) {
        stale.set(caption);
    }

    /** Changes after new points were added to the chart histories. */
    public ReadOnlyLongProperty chartsVersionProperty() {
        return chartsVersion.getReadOnlyProperty();
    }

    /**
     * The client's own rates (attempts and conflicts per second) are known: a run here. Watching another client,
     * Redis tells only what was sold, so a chart shows no line for the rest.
     */
    public ReadOnlyBooleanProperty ratesKnownProperty() {
        return ratesKnown.getReadOnlyProperty();
    }

    /** Chart points drawn for the sale on view. */
    public long chartPoints() {
        return points;
    }

    /** The longest time between two chart points of the sale on view, in s (outages included). */
    public double longestChartStepS() {
        return longestStepS;
    }

    /** The local run has ended and a poll read after its end is on screen, winners and all. */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    /**
     * Starts showing a sale from scratch: empty table and charts, no figures.
     *
     * @param local a run here (its own rates are known), not another client's sale being watched
     */
    public void begin(boolean local) {
        clearHistory();
        ratesKnown.set(local);
        points = 0;
        longestStepS = 0;
        figures.set(Figures.NONE);
        banner.set(null);
        stale.set(null);
        vanished = false;
        lastPollMs = 0;
        stalled = false;
        settled.set(false);
        ended = null;
        endedAtMs = Long.MAX_VALUE;
        firstSeenMs = -1;
    }

    /** The local run ended at that time: the screen settles on the first poll read after it. */
    public void ended(SimulationResult result, long atMs) {
        ended = result;
        endedAtMs = atMs;
        if (result.endedBy() == EndReason.ERROR) {
            settled.set(true); // no poll will come back to settle on
        }
    }

    /**
     * The keys of the sale on screen went while it was shown (Redis came back empty: it restarted without
     * persistence): the screen keeps the sale as last read, and the banner says so until a sale is there again.
     */
    public boolean saleVanished() {
        return vanished;
    }

    /** A sale is on screen: figures read, or a line drawn. */
    public boolean showsASale() {
        return stockHistory.size() > 0 || figures.get().exists();
    }

    /** Nothing more will come for this view (it was refused, or failed): what is on screen is final. */
    public void settle() {
        settled.set(true);
    }

    /**
     * One poll.
     *
     * @return true when this snapshot brought Redis back after a loss (the banner went)
     */
    public boolean apply(PollSnapshot s) {
        if (!s.isLost() && !s.state().exists() && (vanished || s.restarted() && showsASale())) {
            // the keys went from under the sale on screen (a Redis restarted without persistence): it stays
            vanished = true;
            banner.set(LocalText.of("banner.vanished"));
            if (ended != null) {
                settled.set(true); // no poll will bring that sale back
            }
            return false;
        }
        vanished = false;
        if (s.restarted()) {
            clearHistory();
        }
        for (PollSnapshot.Tick tick : s.ticks()) {
            if (tick.isLost()) {
                lost();
            } else {
                if (tick.state().exists()) {
                    addChartPoints(tick.state(), tick.metrics());
                }
                lastPollMs = tick.state().readAtMs();
            }
        }
        stalled = false;
        if (s.isLost()) {
            // keep everything on screen; the poller keeps trying and the banner goes when Redis is back
            banner.set(LocalText.of("banner.lost", s.error()));
            return false;
        }
        boolean back = banner.get() != null;
        banner.set(null);
        SaleState state = s.state();
        winners.append(state.fromIndex(), state.newWinners(), state.newTimes(), state.openedMs(), state.total());
        buckets.apply(s.buckets());
        figures.set(figuresOf(state, s.metrics()));
        if (ended != null && state.readAtMs() >= endedAtMs && winners.size() >= state.winners()) {
            settled.set(true);
        }
        return back;
    }

    private Figures figuresOf(SaleState state, MetricsSnapshot m) {
        if (!state.exists()) {
            return Figures.NONE;
        }
        long conflicts = -1;
        double attemptsPerS = Double.NaN;
        double p99 = Double.NaN;
        if (ended != null) {
            // the run is over: its averages say more than a last interval with nothing in it
            conflicts = ended.metrics().conflicts();
            attemptsPerS = ended.attemptsPerSecond();
            p99 = ended.metrics().overall().count() > 0 ? ended.metrics().overall().p99() : Double.NaN;
        } else if (m != null) {
            conflicts = m.conflicts();
            attemptsPerS = m.attemptsPerS();
            p99 = m.interval().count() > 0 ? m.interval().p99() : m.overall().p99();
        }
        // below zero when more was sold than the stock, as the chart's stock line shows it
        return new Figures(true, state.total(), state.sold(), state.total() - state.sold(), state.winners(),
                state.oversold(),
                state.ttlMillis(), conflicts, attemptsPerS, p99);
    }

    /**
     * Each frame, with the time now: a poll overdue by more than {@link #NO_DATA_S} (Redis stalled: paused, or busy
     * with a slow command) is named in the banner, and the charts shade it from their last point as an outage, until
     * a poll comes back.
     */
    public void overdue(long nowMs) {
        long silentMs = nowMs - lastPollMs;
        if (lastPollMs <= 0 || vanished || silentMs <= NO_DATA_S * 1000 || banner.get() != null && !stalled) {
            return;
        }
        if (!stalled && ended == null) {
            outageFrom(stockHistory.lastX());
        }
        stalled = true;
        banner.set(LocalText.of("banner.stalled", silentMs / 100 / 10.0)); // a new text each tenth of a second
    }

    private void addChartPoints(SaleState state, MetricsSnapshot m) {
        if (m == null && ended != null && state.sold() == lastSold && stockHistory.size() > 0) {
            // nothing moves after the run: the charts keep the sale's own time span (and close a band left open)
            stockHistory.outageEnds(stockHistory.lastX());
            rateHistory.outageEnds(rateHistory.lastX());
            return;
        }
        if (firstSeenMs < 0) {
            // a sale another client opened without saying when (the tutorial's): its time counts from its first sight
            firstSeenMs = state.readAtMs();
        }
        long origin = state.openedMs() >= 0 ? state.openedMs() : firstSeenMs;
        double t = Math.max(0, (state.readAtMs() - origin) / 1000.0);
        double previous = stockHistory.lastX();
        if (!Double.isNaN(previous)) {
            longestStepS = Math.max(longestStepS, t - previous);
            if (t - previous > NO_DATA_S) {
                stockHistory.addGap();
                rateHistory.addGap();
                if (lastPollMs > 0 && state.readAtMs() - lastPollMs > NO_DATA_S * 1000) {
                    outageFrom(previous); // no poll came back in time: a stall, shaded as an outage is
                }
            }
        }
        stockHistory.outageEnds(t);
        rateHistory.outageEnds(t);
        points++;
        double winsPerS;
        if (m != null) {
            winsPerS = m.winsPerS();
        } else if (lastSold >= 0 && state.readAtMs() > lastReadMs) {
            // watching another client: its sales per second are all Redis tells
            winsPerS = Math.max(0, state.sold() - lastSold) * 1000.0 / (state.readAtMs() - lastReadMs);
        } else {
            winsPerS = 0;
        }
        lastSold = state.sold();
        lastReadMs = state.readAtMs();
        // below zero when the naive strategy sold more than the stock: the line shows it
        stockHistory.add(t, state.total() - state.sold(), state.sold());
        rateHistory.add(t, m == null ? Double.NaN : m.attemptsPerS(), winsPerS,
                m == null ? Double.NaN : m.conflictsPerS());
        chartsVersion.set(chartsVersion.get() + 1);
    }

    /** Redis could not be read: the lines break, and the time until it answers again is an outage. */
    private void lost() {
        if (outageFrom(stockHistory.lastX())) {
            stockHistory.addGap();
            rateHistory.addGap();
        }
    }

    /** An outage from that time on, until the next point; false when nothing is drawn yet. */
    private boolean outageFrom(double at) {
        if (Double.isNaN(at)) {
            return false; // nothing drawn yet: there is no line to break
        }
        stockHistory.outageStarts(at);
        rateHistory.outageStarts(at);
        chartsVersion.set(chartsVersion.get() + 1);
        return true;
    }

    private void clearHistory() {
        firstSeenMs = -1;
        winners.clear();
        buckets.clear();
        stockHistory.clear();
        rateHistory.clear();
        lastSold = -1;
        chartsVersion.set(chartsVersion.get() + 1);
    }
}
