package seckill.ui.shell;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the dashboard's session is: the one state machine of the window. {@link #next()} lists, in one place, the
 * phases each may move to; the commands are on exactly when the move they make is allowed.
 *
 * <p>See docs/ARCHITECTURE.md, "Threads and the hand-off to the window".
 */
public enum Phase {
    /** No connection yet (or it failed). */
    DISCONNECTED,
    /** Connecting, deleting keys or checking a sale before watching: a short job on a worker thread. */
    BUSY,
    /** Connected, nothing running. */
    IDLE,
    /** A sale runs here. */
    RUNNING,
    /** Stop was asked; the threads finish the attempt they are in. */
    STOPPING,
    /** Following a sale that another client drives (or any sale under the prefix). */
    WATCHING,
    /** The local run has ended; the poller still shows Redis. */
    FINISHED;

    /**
     * The phases this one may move to. A job that fails, from any phase where one runs, ends in a quiet phase:
     * {@code IDLE} when a server was reached, else {@code DISCONNECTED}.
     */
    public Set<Phase> next() {
        return switch (this) {
            // quiet: a sale may start here (it connects on the way), or a short job (connect, watch, reset)
            case DISCONNECTED, IDLE, FINISHED -> EnumSet.of(BUSY, RUNNING);
            case BUSY -> EnumSet.of(IDLE, WATCHING, DISCONNECTED);
            case RUNNING -> EnumSet.of(STOPPING, FINISHED, IDLE, DISCONNECTED);
            case STOPPING -> EnumSet.of(FINISHED, IDLE, DISCONNECTED);
            // Stop while watching is the end of it
            case WATCHING -> EnumSet.of(IDLE, DISCONNECTED);
        };
    }

    public boolean canGoTo(Phase phase) {
        return next().contains(phase);
    }

    /** Nothing runs: a sale may start, and its settings, its keys and the server may change. */
    public boolean isQuiet() {
        return canGoTo(RUNNING);
    }

    /** Stop means something here: a run to stop, or a watch to end. */
    public boolean canStop() {
        return this == RUNNING || this == WATCHING;
    }
}
