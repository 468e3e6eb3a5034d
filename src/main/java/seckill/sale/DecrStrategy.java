package seckill.sale;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import seckill.redis.OneTripTransaction;

/**
 * The industry's common pattern: claim the user with SADD, take an item with DECR, give it back (INCR) when
 * the counter went below zero. The counter alone decides who gets an item, so nothing is oversold; the
 * tutorial's keys are then written in one MULTI so that {@code kill_num} and {@code kill_user} agree.
 */
final class DecrStrategy implements PurchaseStrategy {
    private final SaleKeys keys;

    DecrStrategy(SaleKeys keys) {
        this.keys = keys;
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.DECR;
    }

    /** A sale opened by another client (the tutorial's script) has no counter yet: derive it once. */
    @Override
    public void prepare(Jedis jedis) {
        if (!jedis.exists(keys.stock())) {
            long total = WatchStrategy.parse(jedis.get(keys.total()));
            long sold = WatchStrategy.parse(jedis.get(keys.num()));
            jedis.setnx(keys.stock(), Long.toString(Math.max(0, total - sold)));
        }
    }

    @Override
    public Outcome buy(Jedis jedis, String userId) {
        Pipeline claim = jedis.pipelined();
        Response<Boolean> open = claim.exists(keys.flag());
        Response<Long> added = claim.sadd(keys.buyers(), userId);
        claim.sync();
        if (!open.get()) {
            if (added.get() == 1) {
                jedis.srem(keys.buyers(), userId);
            }
            return Outcome.CLOSED;
        }
        if (added.get() == 0) {
            return Outcome.ALREADY_WON;
        }
        long left = jedis.decr(keys.stock());
        if (left < 0) {
            Pipeline giveBack = jedis.pipelined();
            giveBack.incr(keys.stock());
            giveBack.srem(keys.buyers(), userId);
            giveBack.sync();
            return Outcome.SOLD_OUT;
        }
        String now = Long.toString(System.currentTimeMillis());
        OneTripTransaction.exec(jedis, record -> {
            record.incr(keys.num());
            record.rpush(keys.user(), userId);
            record.rpush(keys.times(), now);
        });
        return Outcome.WON;
    }
}
