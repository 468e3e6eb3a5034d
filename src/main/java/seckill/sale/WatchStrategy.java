package seckill.sale;

import java.util.List;

import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * The tutorial's optimistic transaction: WATCH, read, MULTI … EXEC; a null EXEC is a conflict.
 *
 * <p>Unlike the tutorial, everything the decision rests on is WATCHed: the flag (an expiry aborts EXEC since
 * Redis 6.0.9), the sold counter, the stock, and the buyers' set, so a user who wins elsewhere between our read
 * and our EXEC, even in another process, aborts this transaction instead of winning twice.
 *
 * <p>Two round trips per attempt: WATCH with the reads, then MULTI with the writes and EXEC (or UNWATCH when
 * the reads already refuse the user).
 */
final class WatchStrategy implements PurchaseStrategy {
    private final RawKeys k;

    WatchStrategy(SaleKeys keys) {
        this.k = RawKeys.of(keys);
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.WATCH;
    }

    @Override
    public Attempt begin(String userId, Batch out) {
        byte[] id = RawCalls.bytes(userId);
        // WATCH runs first, so the reads that travel with it are covered by it
        out.add(Command.WATCH, k.flag(), k.num(), k.total(), k.buyers())
                .add(Command.MGET, k.flag(), k.num(), k.total())
                .add(Command.SISMEMBER, k.buyers(), id);
        return new ReadingAttempt() {
            private Outcome refused;
            private boolean written;

            @Override
            @SuppressWarnings("unchecked")
            public Outcome next(List<Object> replies, Batch next) {
                next.checkAnswers(replies);
                if (refused != null) {
                    return refused;
                }
                if (written) {
                    List<Object> done = (List<Object>) replies.get(5);
                    if (done == null) {
                        return Outcome.CONFLICT;
                    }
                    after = RawCalls.number(done.get(0));
                    return Outcome.WON;
                }
                List<Object> values = (List<Object>) replies.get(1);
                seen = RawCalls.number(values.get(1));
                // the flag is there (whatever its value) while the sale is open
                refused = refusal(values.get(0) != null, RawCalls.isOne(replies.get(2)), seen,
                        RawCalls.number(values.get(2)));
                if (refused != null) {
                    next.add(Command.UNWATCH);
                    return null;
                }
                written = true;
                next.add(Command.MULTI)
                        .add(Command.INCR, k.num())
                        .add(Command.RPUSH, k.user(), id)
                        .add(Command.SADD, k.buyers(), id)
                        .add(Command.RPUSH, k.times(), RawCalls.bytes(System.currentTimeMillis()))
                        .add(Command.EXEC);
                return null;
            }
        };
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
