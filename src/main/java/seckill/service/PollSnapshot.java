package seckill.service;

import java.util.ArrayList;
import java.util.List;

import seckill.metrics.MetricsSnapshot;
import seckill.sale.SaleState;
import seckill.util.Problem;

/**
 * What one tick of the poller saw: the sale in Redis and, during a local run, the client's own counters. Immutable;
 * made off the FX thread and applied on it.
 *
 * @param source    which poller made it: a snapshot of a poller since replaced is ignored
 * @param state     the sale, or null when Redis could not be read
 * @param metrics   the local run's counters, or null when nothing runs here (watching another client)
 * @param error     why Redis could not be read (password masked), else null
 * @param restarted the sale was opened anew since the last tick: what is on screen belongs to an older sale
 */
public record PollSnapshot(long source, SaleState state, MetricsSnapshot metrics, Problem error, boolean restarted) {

    public static PollSnapshot of(long source, SaleState state, MetricsSnapshot metrics, boolean restarted) {
        return new PollSnapshot(source, state, metrics, null, restarted);
    }

    public static PollSnapshot lost(long source, Problem error) {
        return new PollSnapshot(source, null, null, error, false);
    }

    public boolean isLost() {
        return error != null;
    }

    /**
     * This snapshot followed by a newer one that arrived before the screen took this one. The figures are the newer
     * one's; the winners of both are kept, so coalescing never loses a row of the table.
     */
    public PollSnapshot followedBy(PollSnapshot newer) {
        if (newer.source != source) {
            return newer;
        }
        if (newer.restarted || state == null || newer.state == null) {
            // a restart throws away what came before; a lost tick carries no winners, so keep ours for later
            return newer.restarted || state == null ? newer.withRestart(restarted) : keepWinnersOf(newer);
        }
        SaleState n = newer.state;
        if (n.fromIndex() != state.nextIndex()) {
            return newer.withRestart(restarted);
        }
        List<String> winners = new ArrayList<>(state.newWinners());
        winners.addAll(n.newWinners());
        List<Long> times = new ArrayList<>(state.newTimes());
        times.addAll(n.newTimes());
        SaleState merged = new SaleState(n.total(), n.sold(), n.winners(), n.ttlMillis(), n.openedMs(),
                state.fromIndex(), winners, times, n.readAtMs());
        return new PollSnapshot(source, merged, newer.metrics != null ? newer.metrics : metrics, null, restarted);
    }

    /** A lost tick after a good one: show the loss, but keep the winners not yet on screen. */
    private PollSnapshot keepWinnersOf(PollSnapshot lostTick) {
        return new PollSnapshot(source, state, metrics, lostTick.error, restarted);
    }

    private PollSnapshot withRestart(boolean earlierRestart) {
        return earlierRestart && !restarted ? new PollSnapshot(source, state, metrics, error, true) : this;
    }
}
