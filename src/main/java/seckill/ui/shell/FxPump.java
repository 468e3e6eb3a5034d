package seckill.ui.shell;

import javafx.animation.AnimationTimer;
import seckill.ui.common.Handoff;

/**
 * Drains the {@link Handoff} once per frame, and measures how smooth the window stays: the longest gap between
 * two pulses while a sale runs, from its second second on (the first one is the JVM compiling the hot paths and the
 * buyers connecting, the same in any window). A long gap is a frozen window; the FX thread never waits on Redis, so
 * it stays near one frame (16 ms) however hard the engine works.
 */
final class FxPump extends AnimationTimer {
    /** The start of a run that the figures leave out. */
    static final long SETTLING_NANOS = 1_000_000_000L;

    private final Handoff handoff;
    private final DashboardViewModel model;
    private long last;
    private long maxGapNanos;
    private long frames;
    private long measuredNanos;
    private long runStart;
    private long maxGapAt;
    private long maxWorkNanos;

    FxPump(Handoff handoff, DashboardViewModel model) {
        this.handoff = handoff;
        this.model = model;
    }

    @Override
    public void handle(long now) {
        boolean running = model.status().getPhase() == Phase.RUNNING;
        if (running && runStart == 0) {
            runStart = now;
        }
        if (!running) {
            runStart = 0;
        }
        boolean measuring = running && now - runStart >= SETTLING_NANOS;
        if (last != 0 && measuring) {
            long gap = now - last;
            if (gap > maxGapNanos) {
                maxGapNanos = gap;
                maxGapAt = now - runStart;
            }
            measuredNanos += gap;
            frames++;
        }
        last = now;
        long t0 = System.nanoTime();
        handoff.drain(model::apply);
        model.frame(System.currentTimeMillis());
        if (measuring) {
            maxWorkNanos = Math.max(maxWorkNanos, System.nanoTime() - t0);
        }
    }

    /** When the longest gap ended, in seconds after the run started. */
    double maxGapAtS() {
        return maxGapAt / 1e9;
    }

    /** The longest time one frame spent applying what came from the workers, in ms. */
    double maxWorkMs() {
        return maxWorkNanos / 1e6;
    }

    /** The longest gap between pulses while a sale ran, in ms; 0 before any. */
    double maxGapMs() {
        return maxGapNanos / 1e6;
    }

    long frames() {
        return frames;
    }

    double meanGapMs() {
        return frames == 0 ? 0 : measuredNanos / 1e6 / frames;
    }
}
