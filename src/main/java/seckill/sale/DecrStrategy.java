package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * The industry's common pattern: claim the user with SADD, take an item with DECR, give it back (INCR) when
 * the counter went below zero. The counter alone decides who gets an item, so nothing is oversold; the
 * tutorial's keys are then written in one MULTI so that {@code kill_num} and {@code kill_user} agree.
 */
final class DecrStrategy implements PurchaseStrategy {
    private final SaleKeys keys;
    private final RawKeys k;

    DecrStrategy(SaleKeys keys) {
        this.keys = keys;
        this.k = RawKeys.of(keys);
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

    private enum Step { CLAIM, TAKE, SETTLE }

    @Override
    public Attempt begin(String userId, Batch out) {
        byte[] id = RawCalls.bytes(userId);
        out.add(Command.EXISTS, k.flag()).add(Command.SADD, k.buyers(), id);
        return new Attempt() {
            private Step step = Step.CLAIM;
            private Outcome settled;

            @Override
            public Outcome next(List<Object> replies, Batch next) {
                next.checkAnswers(replies);
                switch (step) {
                    case CLAIM -> {
                        boolean added = RawCalls.isOne(replies.get(1));
                        if (!RawCalls.isOne(replies.get(0))) {
                            if (!added) {
                                return Outcome.CLOSED;
                            }
                            next.add(Command.SREM, k.buyers(), id);
                            return settle(Outcome.CLOSED);
                        }
                        if (!added) {
                            return Outcome.ALREADY_WON;
                        }
                        step = Step.TAKE;
                        next.add(Command.DECR, k.stock());
                        return null;
                    }
                    case TAKE -> {
                        if (RawCalls.number(replies.get(0)) < 0) {
                            next.add(Command.INCR, k.stock()).add(Command.SREM, k.buyers(), id);
                            return settle(Outcome.SOLD_OUT);
                        }
                        next.add(Command.MULTI)
                                .add(Command.INCR, k.num())
                                .add(Command.RPUSH, k.user(), id)
                                .add(Command.RPUSH, k.times(), RawCalls.bytes(System.currentTimeMillis()))
                                .add(Command.EXEC);
                        return settle(Outcome.WON);
                    }
                    default -> {
                        return settled;
                    }
                }
            }

            /** The outcome is known; one more round trip writes what follows from it. */
            private Outcome settle(Outcome outcome) {
                step = Step.SETTLE;
                settled = outcome;
                return null;
            }
        };
    }
}
