package seckill.ui.code;

import java.util.List;

import seckill.sale.StrategyKind;
import seckill.sim.RoundTripKind;
import seckill.ui.common.Face;

/**
 * A step of a purchase's conversation with Redis, as the code panel highlights it: what a traced round trip was
 * doing. The steps are the strategies' round trips: watch and naive READ then WRITE, lua one SCRIPT, decr CLAIM,
 * TAKE, COMMIT.
 */
@Face
public enum CodeStep {
    /** WATCH with the reads (watch), or the plain reads (naive). */
    READ,
    /** MULTI … EXEC (watch), or the unguarded writes (naive). */
    WRITE,
    /** EVALSHA purchase.lua (lua). */
    SCRIPT,
    /** EXISTS the flag and SADD the user (decr). */
    CLAIM,
    /** DECR the stock counter (decr). */
    TAKE,
    /** EVALSHA decr_commit.lua (decr). */
    COMMIT;

    /**
     * The step a traced round trip was, for the code panel to light up (the trace's timeline at its send or its
     * reply); null when none (an UNWATCH after a refusal, another buyer's purchase) or no round trip.
     */
    public static CodeStep of(RoundTripKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case WATCH_READ, NAIVE_READ -> READ;
            case EXEC, NAIVE_WRITE -> WRITE;
            case PURCHASE_SCRIPT -> SCRIPT;
            case DECR_CLAIM -> CLAIM;
            case DECR_COUNT -> TAKE;
            case DECR_COMMIT -> COMMIT;
            case OTHER -> null;
        };
    }

    /** The steps of a strategy's winning attempt, in order, one per round trip. */
    public static List<CodeStep> of(StrategyKind kind) {
        return switch (kind) {
            case WATCH, NAIVE -> List.of(READ, WRITE);
            case LUA -> List.of(SCRIPT);
            case DECR -> List.of(CLAIM, TAKE, COMMIT);
        };
    }
}
