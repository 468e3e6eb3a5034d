package seckill.service;

import java.util.ArrayList;
import java.util.List;

import seckill.metrics.MetricsSnapshot;
import seckill.sale.SaleState;
import seckill.util.Problem;

/**
 * What one tick of the poller saw, or several ticks that arrived before the screen could take them: the sale in
 * Redis and, during a local run, the client's own counters. Immutable; made off the FX thread and applied on it.
 *
 * @param source    which poller made it: a snapshot of a poller since replaced is ignored
 * @param state     the sale, or null when Redis could not be read
 * @param metrics   the local run's counters, or null when nothing runs here (watching another client)
 * @param error     why Redis could not be read (password masked), else null
 * @param restarted the sale was opened anew since the last tick: what is on screen belongs to an older sale
 * @param ticks     every tick this snapshot stands for, oldest first: a chart draws a point for each, so a slow
 *                  frame that takes three ticks at once still shows three points
 * @param buckets   for a sale split into buckets ({@code --buckets}), each bucket's figures (stock, sold, left;
 *                  no winners), in order, as the last tick read them; {@code state} is then their sum. Empty for a
 *                  sale of one bucket, and when Redis could not be read
 */
public record PollSnapshot(long source, SaleState state, MetricsSnapshot metrics, Problem error, boolean restarted,
                           List<Tick> ticks, List<SaleState> buckets) {

    /**
     * One tick as a chart needs it.
     *
     * @param state   the sale at that tick (its winners are not needed), or null when Redis was lost then
     * @param metrics the local run's counters sampled then, or null
     */
    public record Tick(SaleState state, MetricsSnapshot metrics) {
        public boolean isLost() {
            return state == null;
        }
    }

    public PollSnapshot {
        ticks = List.copyOf(ticks);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public static PollSnapshot of(long source, SaleState state, MetricsSnapshot metrics, boolean restarted) {
        return of(source, state, List.of(), metrics, restarted);
    }

    /** A tick of a sale in buckets: their sum, and each bucket's figures. */
    public static PollSnapshot of(long source, SaleState sum, List<SaleState> buckets, MetricsSnapshot metrics,
                                  boolean restarted) {
        return new PollSnapshot(source, sum, metrics, null, restarted, List.of(new Tick(sum, metrics)), buckets);
    }

    public static PollSnapshot lost(long source, Problem error) {
        return new PollSnapshot(source, null, null, error, false, List.of(new Tick(null, null)), List.of());
    }

    public boolean isLost() {
        return error != null;
    }

    /**
     * This snapshot followed by a newer one that arrived before the screen took this one. The figures are the newer
     * one's; the winners and the ticks of both are kept, so coalescing never loses a row of the table nor a point of
     * a chart.
     */
    public PollSnapshot followedBy(PollSnapshot newer) {
        if (newer.source != source) {
            return newer;
        }
        if (newer.restarted) {
            return newer; // a restart throws away what came before
        }
        PollSnapshot merged;
        if (state == null) {
            merged = newer.withRestart(restarted);
        } else if (newer.state == null) {
            merged = keepWinnersOf(newer); // a lost tick carries no winners: keep ours for later
        } else if (newer.state.fromIndex() != state.nextIndex()) {
            merged = newer.withRestart(restarted);
        } else {
            SaleState n = newer.state;
            List<String> winners = new ArrayList<>(state.newWinners());
            winners.addAll(n.newWinners());
            List<Long> times = new ArrayList<>(state.newTimes());
            times.addAll(n.newTimes());
            SaleState both = new SaleState(n.total(), n.sold(), n.winners(), n.ttlMillis(), n.openedMs(),
                    state.fromIndex(), winners, times, n.readAtMs());
            merged = new PollSnapshot(source, both, newer.metrics != null ? newer.metrics : metrics, null, restarted,
                    List.of(), newer.buckets);
        }
        List<Tick> all = new ArrayList<>(ticks);
        all.addAll(newer.ticks);
        return new PollSnapshot(source, merged.state, merged.metrics, merged.error, merged.restarted, all,
                merged.buckets);
    }

    /** A lost tick after a good one: show the loss, but keep the winners (and buckets) not yet on screen. */
    private PollSnapshot keepWinnersOf(PollSnapshot lostTick) {
        return new PollSnapshot(source, state, metrics, lostTick.error, restarted, List.of(), buckets);
    }

    private PollSnapshot withRestart(boolean earlierRestart) {
        return earlierRestart && !restarted ? new PollSnapshot(source, state, metrics, error, true, ticks, buckets)
                : this;
    }
}
