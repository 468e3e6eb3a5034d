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
    private long runStart;
    private long maxGapAt;
    private long maxWorkNanos;

    FxPump(Handoff handoff, DashboardViewModel model) {
        this.handoff = handoff;
        this.model = model;
    }

    @Override
    public void handle(long now) {
        boolean running = model.getPhase() == Phase.RUNNING;
        if (running && runStart == 0) {
            runStart = now;
        }
        if (last != 0 && running) {
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
        if (running) {
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
