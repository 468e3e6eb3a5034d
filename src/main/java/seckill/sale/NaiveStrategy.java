package seckill.sale;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Read, decide, write, with no transaction: the check and the sale are separate steps, so under contention
 * many users pass the check before any of them writes. It oversells on purpose, to show why the others exist.
 */
final class NaiveStrategy implements PurchaseStrategy {
    private final SaleKeys keys;
    private final long gapNanos;

    NaiveStrategy(SaleKeys keys, long gapMs) {
        this.keys = keys;
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMs);
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.NAIVE;
    }

    @Override
    public Outcome buy(Jedis jedis, String userId) {
        Pipeline read = jedis.pipelined();
        Response<Boolean> open = read.exists(keys.flag());
        Response<String> sold = read.get(keys.num());
        Response<String> total = read.get(keys.total());
        Response<Boolean> member = read.sismember(keys.buyers(), userId);
        read.sync();
        Outcome refusal = WatchStrategy.refusal(open.get(), member.get(), WatchStrategy.parse(sold.get()),
                WatchStrategy.parse(total.get()));
        if (refusal != null) {
            return refusal;
        }
        if (gapNanos > 0) {
            // the deliberate window between deciding and writing in which the others decide the same
            LockSupport.parkNanos(gapNanos);
        }
        Pipeline write = jedis.pipelined();
        write.incr(keys.num());
        write.rpush(keys.user(), userId);
        write.sadd(keys.buyers(), userId);
        write.rpush(keys.times(), Long.toString(System.currentTimeMillis()));
        write.sync();
        return Outcome.WON;
    }
}
