package seckill.sale;

import java.util.List;

import seckill.redis.Batch;

/**
 * One user's purchase attempt as a conversation with Redis: {@link PurchaseStrategy#begin} writes the first
 * round trip's commands, then each {@link #next} reads that round trip's replies and either decides the outcome
 * or writes the next round trip. Written once per strategy, it is played by both engines: a thread blocking on
 * its own connection, or an event loop holding many connections.
 */
public interface Attempt {
    /**
     * @param replies the replies to the last batch, one per command, error replies as exception objects
     * @param out     an empty batch to write the next round trip's commands into
     * @return the outcome, or null when {@code out} holds the next round trip
     */
    Outcome next(List<Object> replies, Batch out);

    /**
     * {@code kill_num} as this attempt read it before deciding (the items sold then), or -1 when it decides on the
     * server (lua, decr) or has not read it yet. A trace explains conflicts and oversells with it.
     */
    default long soldSeen() {
        return -1;
    }

    /** {@code kill_num} as this attempt's own INCR left it (the item it took, from 1), or -1 when not known. */
    default long soldAfter() {
        return -1;
    }
}
