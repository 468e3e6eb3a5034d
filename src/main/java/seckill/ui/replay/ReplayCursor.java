package seckill.ui.replay;

import java.util.ArrayList;
import java.util.List;

import seckill.report.Recording;
import seckill.sale.SaleState;
import seckill.service.PollSnapshot;

/**
 * Where a replay of one recorded sale (a comparison's lane) has got to: the chart points and winners already handed
 * over, so that each step hands over only what is new, as a poller's next snapshot would.
 */
final class ReplayCursor {
    /** Chart points over a sale, at most: more for a long one, so that no two are 0.25 s apart. */
    static final int CHART_STEPS = 400;
    static final double MAX_STEP_MS = 250;
    /** The rates' window, as a share of the sale's length. */
    static final int RATE_WINDOWS = 20;
    /** The snapshots' source: a replay has no poller. */
    private static final long SOURCE = 0;

    private final Recording recording;
    private final ReplayTimeline timeline;
    /** The winners already on screen. */
    private int shownWinners;
    /** The recorded time of the next chart point. */
    private double nextPointMs;

    ReplayCursor(Recording recording) {
        this.recording = recording;
        this.timeline = new ReplayTimeline(recording);
    }

    Recording recording() {
        return recording;
    }

    /** The recorded sale's length in ms. */
    double spanMs() {
        return timeline.spanMs();
    }

    /** Back to the start: nothing handed over yet. */
    void rewind() {
        shownWinners = 0;
        nextPointMs = 0;
    }

    /**
     * The snapshot a poller would have made at {@code to} (no later than the sale's end), its ticks a chart point
     * each since the last one handed over.
     */
    PollSnapshot advance(double to) {
        double span = timeline.spanMs();
        double at = Math.min(to, span);
        double step = Math.max(1, Math.min(MAX_STEP_MS, span / CHART_STEPS));
        double window = Math.max(2, span / RATE_WINDOWS);
        List<PollSnapshot.Tick> ticks = new ArrayList<>();
        while (nextPointMs <= at) {
            ticks.add(new PollSnapshot.Tick(timeline.state(nextPointMs, timeline.purchasesBy(nextPointMs)),
                    timeline.metrics(nextPointMs, window, false)));
            nextPointMs = nextPointMs >= span ? Double.MAX_VALUE : Math.min(span, nextPointMs + step);
        }
        SaleState state = timeline.state(at, shownWinners);
        shownWinners = (int) state.nextIndex();
        return new PollSnapshot(SOURCE, state, timeline.metrics(at, window, at >= span), null, false, ticks,
                List.of());
    }
}
