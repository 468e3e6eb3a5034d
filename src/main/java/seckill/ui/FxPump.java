package seckill.ui;

import javafx.animation.AnimationTimer;

/**
 * Drains the {@link Handoff} once per frame, and measures how smooth the window stays: the longest gap between
 * two pulses while a sale runs. A long gap is a frozen window; the FX thread never waits on Redis, so it stays
 * near one frame (16 ms) however hard the engine works.
 */
final class FxPump extends AnimationTimer {
    private final Handoff handoff;
    private final DashboardViewModel model;
    private long last;
    private long maxGapNanos;
    private long frames;
    private long measuredNanos;

    FxPump(Handoff handoff, DashboardViewModel model) {
        this.handoff = handoff;
        this.model = model;
    }

    @Override
    public void handle(long now) {
        if (last != 0 && model.getPhase() == Phase.RUNNING) {
            long gap = now - last;
            maxGapNanos = Math.max(maxGapNanos, gap);
            measuredNanos += gap;
            frames++;
        }
        last = now;
        handoff.drain(model::apply);
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
