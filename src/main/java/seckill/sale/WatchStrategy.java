package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import seckill.redis.OneTripTransaction;

/**
 * The tutorial's optimistic transaction: WATCH, read, MULTI … EXEC; a null EXEC is a conflict.
 *
 * <p>Unlike the tutorial, everything the decision rests on is WATCHed: the flag (an expiry aborts EXEC since
 * Redis 6.0.9), the sold counter, and the buyers' set, so a user who wins elsewhere between our read and our
 * EXEC, even in another process, aborts this transaction instead of winning twice.
 */
final class WatchStrategy implements PurchaseStrategy {
    private final SaleKeys keys;
    private final String[] watched;

    WatchStrategy(SaleKeys keys) {
        this.keys = keys;
        this.watched = new String[] {keys.flag(), keys.num(), keys.total(), keys.buyers()};
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.WATCH;
    }

    @Override
    public Outcome buy(Jedis jedis, String userId) {
        // WATCH and the reads travel in one round trip; WATCH runs first, so the reads are covered
        Pipeline reads = jedis.pipelined();
        reads.sendCommand(Protocol.Command.WATCH, watched);
        Response<Boolean> open = reads.exists(keys.flag());
        Response<String> sold = reads.get(keys.num());
        Response<String> total = reads.get(keys.total());
        Response<Boolean> member = reads.sismember(keys.buyers(), userId);
        reads.sync();

        Outcome refusal = refusal(open.get(), member.get(), parse(sold.get()), parse(total.get()));
        if (refusal != null) {
            jedis.unwatch();
            return refusal;
        }
        String now = Long.toString(System.currentTimeMillis());
        List<Object> replies = OneTripTransaction.exec(jedis, tx -> {
            tx.incr(keys.num());
            tx.rpush(keys.user(), userId);
            tx.sadd(keys.buyers(), userId);
            tx.rpush(keys.times(), now);
        });
        return replies == null ? Outcome.CONFLICT : Outcome.WON;
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
