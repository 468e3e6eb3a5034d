package seckill.ui;

/** Where the dashboard is; decides which commands are on. */
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

    public boolean isActive() {
        return this == RUNNING || this == STOPPING || this == WATCHING;
    }
}
