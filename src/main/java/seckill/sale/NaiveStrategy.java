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
    private final RawKeys k;
    private final long gapMs;

    NaiveStrategy(SaleKeys keys, long gapMs) {
        this.k = RawKeys.of(keys);
        this.gapMs = gapMs;
    }

    /** No: its writes are separate commands, not one step. */
    @Override
    public boolean claimMeansWon() {
        return false;
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.NAIVE;
    }

    @Override
    public Attempt begin(String userId, Batch out) {
        byte[] id = RawCalls.bytes(userId);
        out.add(Command.EXISTS, k.flag())
                .add(Command.GET, k.num())
                .add(Command.GET, k.total())
                .add(Command.SISMEMBER, k.buyers(), id);
        return new ReadingAttempt() {
            private boolean written;

            @Override
            public Outcome next(List<Object> replies, Batch next) {
                next.checkAnswers(replies);
                if (written) {
                    after = RawCalls.number(replies.get(0));
                    return Outcome.WON;
                }
                seen = RawCalls.number(replies.get(1));
                Outcome refusal = WatchStrategy.refusal(RawCalls.isOne(replies.get(0)),
                        RawCalls.isOne(replies.get(3)), seen, RawCalls.number(replies.get(2)));
                if (refusal != null) {
                    return refusal;
                }
                written = true;
                // the deliberate window between deciding and writing in which the others decide the same;
                // the sale is written when the window has passed
                long soldAt = System.currentTimeMillis() + gapMs;
                next.after(TimeUnit.MILLISECONDS.toNanos(gapMs))
                        .add(Command.INCR, k.num())
                        .add(Command.RPUSH, k.user(), id)
                        .add(Command.SADD, k.buyers(), id)
                        .add(Command.RPUSH, k.times(), RawCalls.bytes(soldAt));
                return null;
            }
        };
    }
}
