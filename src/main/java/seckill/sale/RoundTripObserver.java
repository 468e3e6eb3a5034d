package seckill.sale;

import java.util.List;

import seckill.redis.Batch;

/**
 * Watches one user's attempts round trip by round trip (a trace). The engines call it only for the users being
 * watched, so a run without a trace pays nothing for it.
 */
public interface RoundTripObserver {
    /** The batch is about to go (after any wait it asked for). */
    void sending(Batch batch);

    /** Its replies came, one per command, error replies as exception objects; read before the attempt reads them. */
    void answered(List<Object> replies);

    /** The attempt decided. */
    void decided(Attempt attempt, Outcome outcome);
}
