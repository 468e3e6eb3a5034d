package seckill.sale;

import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * Read, decide, write, with no transaction: the check and the sale are separate steps, so under contention
 * many users pass the check before any of them writes. It oversells on purpose, to show why the others exist.
 */
final class NaiveStrategy implements PurchaseStrategy {
    private final byte[] flag;
    private final byte[] num;
    private final byte[] total;
    private final byte[] buyers;
    private final byte[] user;
    private final byte[] times;
    private final long gapMs;

    NaiveStrategy(SaleKeys keys, long gapMs) {
        this.flag = RawCalls.bytes(keys.flag());
        this.num = RawCalls.bytes(keys.num());
        this.total = RawCalls.bytes(keys.total());
        this.buyers = RawCalls.bytes(keys.buyers());
        this.user = RawCalls.bytes(keys.user());
        this.times = RawCalls.bytes(keys.times());
        this.gapMs = gapMs;
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.NAIVE;
    }

    @Override
    public Attempt begin(String userId, Batch out) {
        byte[] id = RawCalls.bytes(userId);
        out.add(Command.EXISTS, flag)
                .add(Command.GET, num)
                .add(Command.GET, total)
                .add(Command.SISMEMBER, buyers, id);
        return new Attempt() {
            private boolean written;

            @Override
            public Outcome next(List<Object> replies, Batch next) {
                RawCalls.check(replies);
                if (written) {
                    return Outcome.WON;
                }
                Outcome refusal = WatchStrategy.refusal(RawCalls.isOne(replies.get(0)),
                        RawCalls.isOne(replies.get(3)), RawCalls.number(replies.get(1)),
                        RawCalls.number(replies.get(2)));
                if (refusal != null) {
                    return refusal;
                }
                written = true;
                // the deliberate window between deciding and writing in which the others decide the same;
                // the sale is written when the window has passed
                long soldAt = System.currentTimeMillis() + gapMs;
                next.after(TimeUnit.MILLISECONDS.toNanos(gapMs))
                        .add(Command.INCR, num)
                        .add(Command.RPUSH, user, id)
                        .add(Command.SADD, buyers, id)
                        .add(Command.RPUSH, times, RawCalls.bytes(Long.toString(soldAt)));
                return null;
            }
        };
    }
}
