package seckill.sale;

import java.util.List;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import seckill.redis.RawCalls;

/**
 * The tutorial's optimistic transaction: WATCH, read, MULTI … EXEC; a null EXEC is a conflict.
 *
 * <p>Unlike the tutorial, everything the decision rests on is WATCHed: the flag (an expiry aborts EXEC since
 * Redis 6.0.9), the sold counter, the stock, and the buyers' set, so a user who wins elsewhere between our read
 * and our EXEC, even in another process, aborts this transaction instead of winning twice.
 *
 * <p>Two round trips per attempt: WATCH with the reads, then MULTI with the writes and EXEC.
 */
final class WatchStrategy implements PurchaseStrategy {
    private final byte[] flag;
    private final byte[] num;
    private final byte[] total;
    private final byte[] buyers;
    private final byte[] user;
    private final byte[] times;

    WatchStrategy(SaleKeys keys) {
        this.flag = RawCalls.bytes(keys.flag());
        this.num = RawCalls.bytes(keys.num());
        this.total = RawCalls.bytes(keys.total());
        this.buyers = RawCalls.bytes(keys.buyers());
        this.user = RawCalls.bytes(keys.user());
        this.times = RawCalls.bytes(keys.times());
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.WATCH;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome buy(Jedis jedis, String userId) {
        Connection c = jedis.getConnection();
        byte[] id = RawCalls.bytes(userId);
        // WATCH runs first, so the reads that travel with it are covered by it
        c.sendCommand(Command.WATCH, flag, num, total, buyers);
        c.sendCommand(Command.MGET, flag, num, total);
        c.sendCommand(Command.SISMEMBER, buyers, id);
        List<Object> read = RawCalls.replies(c, 3);
        List<Object> values = (List<Object>) read.get(1);
        // the flag is there (whatever its value) while the sale is open
        Outcome refusal = refusal(values.get(0) != null, RawCalls.isOne(read.get(2)),
                RawCalls.number(values.get(1)), RawCalls.number(values.get(2)));
        if (refusal != null) {
            c.sendCommand(Command.UNWATCH);
            RawCalls.replies(c, 1);
            return refusal;
        }
        c.sendCommand(Command.MULTI);
        c.sendCommand(Command.INCR, num);
        c.sendCommand(Command.RPUSH, user, id);
        c.sendCommand(Command.SADD, buyers, id);
        c.sendCommand(Command.RPUSH, times, RawCalls.bytes(Long.toString(System.currentTimeMillis())));
        c.sendCommand(Command.EXEC);
        List<Object> written = RawCalls.replies(c, 6);
        return written.get(5) == null ? Outcome.CONFLICT : Outcome.WON;
    }

    static Outcome refusal(boolean open, boolean alreadyWon, long sold, long total) {
        if (!open) {
            return Outcome.CLOSED;
        }
        if (alreadyWon) {
            return Outcome.ALREADY_WON;
        }
        if (sold >= total) {
            return Outcome.SOLD_OUT;
        }
        return null;
    }

    static long parse(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
