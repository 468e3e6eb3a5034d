package seckill.sim;

import java.util.List;

import seckill.redis.Batch;
import seckill.sale.Attempt;
import seckill.sale.Outcome;
import seckill.sale.RoundTripObserver;

/**
 * One user in play: the tries left after conflicts, and the run of connection faults they are in; when a trace
 * watches it ({@link #observed}), the observer of its round trips.
 */
final class Turn implements RoundTripObserver {
    final String userId;
    /** Its place among the run's users, from 0. */
    final long index;
    int conflictsLeft;
    boolean afterFault;
    long faultSince;
    int faultStreak;
    /** Let in by the pace: counted among the buyers in play until done. */
    boolean paced;
    /** The user's rank of arrival (its first attempt sent), from 0; -1 until it arrives. */
    long arrival = -1;

    /** True when a {@link Tracer} watches its round trips; the engines then tell this turn of each. */
    boolean observed;
    /** Its trace, when sampled. */
    BuyerTrace trace;
    /** The tracer that notes its purchase (a traced naive sale), else null. */
    Tracer tracer;
    /** The feed of what the sale sends, when this user is sampled for it; else null. */
    CommandFeed feed;
    /** Where its attempts are recorded ({@code --record}), when this user is; else null. */
    AttemptLog.Writer log;
    /** Its attempts so far, counted only while recorded. */
    int tries;

    Turn(String userId, long index, int retries) {
        this.userId = userId;
        this.index = index;
        this.conflictsLeft = retries;
    }

    @Override
    public void sending(Batch batch) {
        if (trace != null) {
            trace.sending(batch);
        }
        if (feed != null) {
            feed.sent(userId, batch);
        }
    }

    @Override
    public void answered(List<Object> replies) {
        if (trace != null) {
            trace.answered(replies);
        }
        if (feed != null) {
            feed.answered(userId, replies);
        }
    }

    @Override
    public void decided(Attempt attempt, Outcome outcome) {
        if (trace != null) {
            trace.decided(attempt, outcome);
        }
        if (tracer != null) {
            tracer.decided(this, attempt, outcome);
        }
    }
}
