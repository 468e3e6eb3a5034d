package seckill.sale;

import seckill.util.Resources;

/** The Lua scripts the sale runs, as resources beside the code. */
public final class Scripts {
    private static final String PURCHASE = Resources.text("/seckill/sale/purchase.lua");
    private static final String AUDIT_CHUNK = Resources.text("/seckill/sale/audit_chunk.lua");
    private static final String DECR_COMMIT = Resources.text("/seckill/sale/decr_commit.lua");

    private Scripts() {
    }

    /**
     * One atomic purchase. KEYS: kill_flag, kill_total, kill_num, kill_user, kill_buyers, kill_time; ARGV: user id,
     * time (epoch ms). Returns 0 won, 1 sold out, 2 closed, 3 already won.
     */
    public static String purchase() {
        return PURCHASE;
    }

    /**
     * The decr strategy's guarded commit. KEYS: kill_flag, kill_total, kill_num, kill_user, kill_buyers, kill_time,
     * kill_stock; ARGV: user id, time (epoch ms), '1' when an item of kill_stock is held. Returns 0 won, 1 sold out,
     * 2 closed.
     */
    public static String decrCommit() {
        return DECR_COMMIT;
    }

    /**
     * One chunk of the duplicate check, on the server so that the client's memory does not grow with the winners.
     * KEYS: kill_user, a temporary set; ARGV: start, stop, the set's TTL in ms. Returns {ids read, repeats, first
     * repeated id or ''}.
     */
    public static String auditChunk() {
        return AUDIT_CHUNK;
    }
}
