package seckill.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Redraws a chart view a few times a second at most, and only after something changed: JFreeChart redraws a whole
 * chart on the FX thread at each change, and a few times a second reads as live and leaves the frames to the rest of
 * the window. It also draws the last points once things go quiet.
 */
public final class ThrottledRedraw extends AnimationTimer {
    private static final long MIN_REDRAW_NANOS = 250_000_000L;

    private final Runnable sync;
    private boolean dirty;
    private long lastDrawNanos;

    public ThrottledRedraw(Runnable sync) {
        this.sync = sync;
    }

    /** Something changed: draw it at the next frame the pace allows. */
    public void markDirty() {
        dirty = true;
    }

    @Override
    public void handle(long now) {
        if (dirty && now - lastDrawNanos >= MIN_REDRAW_NANOS) {
            dirty = false;
            sync.run();
            lastDrawNanos = now;
        }
    }
}
