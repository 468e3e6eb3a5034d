package seckill.ui.trace;

import java.util.function.IntSupplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Where the timeline is and how it moves: stepped by hand, or replayed at a speed; the replay moves only on
 * {@link #tick}, so tests need no clock.
 */
final class TracePlayback {
    /** Replay speeds, in steps a second. */
    static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    static final double DEFAULT_SPEED = 1;

    private final IntSupplier stepCount;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", DEFAULT_SPEED);
    private double sinceTick;

    /** @param stepCount how many steps the timeline has now */
    TracePlayback(IntSupplier stepCount) {
        this.stepCount = stepCount;
    }

    /** The step reached, from 0; those after it are still to come. -1 while there is none. */
    ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The replay's speed in steps a second. */
    ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /**
     * To the first step of a timeline just laid out (none when it has no step); false when the index is already
     * that, so nothing tells that the step there is another one.
     */
    boolean rewind() {
        int start = stepCount.getAsInt() == 0 ? -1 : 0;
        if (current.get() == start) {
            return false;
        }
        current.set(start);
        return true;
    }

    void next() {
        if (current.get() < stepCount.getAsInt() - 1) {
            current.set(current.get() + 1);
        }
    }

    void previous() {
        if (current.get() > 0) {
            current.set(current.get() - 1);
        }
    }

    void first() {
        if (stepCount.getAsInt() > 0) {
            current.set(0);
        }
    }

    void last() {
        current.set(stepCount.getAsInt() - 1);
    }

    /** Replays from the step reached (from the first, when at the last), one step per 1/speed seconds of ticks. */
    void play() {
        if (stepCount.getAsInt() == 0) {
            return;
        }
        if (current.get() >= stepCount.getAsInt() - 1) {
            current.set(0);
        }
        sinceTick = 0;
        playing.set(true);
    }

    void pause() {
        playing.set(false);
        sinceTick = 0;
    }

    void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    void faster() {
        for (double s : SPEEDS) {
            if (s > speed.get()) {
                speed.set(s);
                return;
            }
        }
    }

    void slower() {
        for (int i = SPEEDS.length - 1; i >= 0; i--) {
            if (SPEEDS[i] < speed.get()) {
                speed.set(SPEEDS[i]);
                return;
            }
        }
    }

    /** Time passes for the replay: a step for every 1/speed seconds; it stops at the last step. */
    void tick(double seconds) {
        if (!playing.get()) {
            return;
        }
        sinceTick += seconds;
        double every = 1 / speed.get();
        while (sinceTick >= every && playing.get()) {
            sinceTick -= every;
            next();
            if (current.get() >= stepCount.getAsInt() - 1) {
                pause();
            }
        }
    }
}
