package seckill.sim;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import seckill.util.Problem;

/**
 * Why a run ended, and the problem that ended it: the first reason given stays, except that an error replaces
 * any. Safe for any number of buyers at once.
 */
final class RunEnd {
    private final AtomicReference<EndReason> endedBy = new AtomicReference<>();
    private final AtomicReference<Problem> error = new AtomicReference<>();
    /** Open until the run is stopped or fails: a wait for the start ends there. */
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Open until the run ends for any reason: a sale that waits for people ({@link #awaitEnd}) waits here. */
    private final CountDownLatch over = new CountDownLatch(1);

    /**
     * Waits until that instant on this machine's clock (processes started together, {@code run --start-at}), or
     * until the run is stopped meanwhile.
     */
    void waitUntil(Instant at) {
        long ms = at.toEpochMilli() - System.currentTimeMillis();
        try {
            ended.await(Math.max(0, ms), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the run with an error; the first problem is the one reported. */
    void fail(Problem problem) {
        error.compareAndSet(null, problem);
        endedBy.set(EndReason.ERROR);
        ended.countDown();
        over.countDown();
    }

    /** Asks the run to end; the buyers finish the attempt they are in and leave. */
    void stop() {
        endedBy.compareAndSet(null, EndReason.STOPPED);
        ended.countDown();
        over.countDown();
    }

    /** Ends the run for that reason unless it has ended already; true when this call ended it. */
    boolean end(EndReason reason) {
        boolean first = endedBy.compareAndSet(null, reason);
        over.countDown();
        return first;
    }

    /** Waits until the run has ended, or at most that long; true when it has ended. */
    boolean awaitEnd(long nanos) {
        try {
            return over.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return hasEnded();
        }
    }

    boolean hasEnded() {
        return endedBy.get() != null;
    }

    /**
     * After a fault the attempt's fate is unknown (the reply may be what was lost), so the user tries again even
     * when the sale has meanwhile sold out or closed: the retry learns ALREADY_WON, SOLD_OUT or CLOSED, and the
     * counts stay true. Only a stop or a lost Redis abandons it.
     */
    boolean isAbandoned() {
        EndReason reason = endedBy.get();
        return reason == EndReason.STOPPED || reason == EndReason.ERROR;
    }

    EndReason reason() {
        return endedBy.get();
    }

    Problem error() {
        return error.get();
    }
}
