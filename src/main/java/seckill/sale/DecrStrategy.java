package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * The industry's common pattern, made safe beside any other writer: SADD claims the user, DECR on
 * {@code kill_stock} lets an item through the gate (INCR gives it back when the counter went below zero), and a
 * small script commits the item to the tutorial's keys only while {@code kill_num < kill_total}. So the cheap
 * counter turns most users away, and the sale's own keys still decide: decr joined to a lua, watch or tutorial
 * sale, or a {@code kill_total} lowered mid-sale, never oversells.
 *
 * <p>A connection cut between the DECR and the commit strands an item on the gate. Users the gate turns away are
 * then asked of the sale itself, until one commit finds it sold out: stranded items are sold, not lost.
 */
final class DecrStrategy implements PurchaseStrategy {
    private static final CachedScript COMMIT = new CachedScript(Scripts.decrCommit());
    private static final byte[] KEY_COUNT = RawCalls.bytes("7");
    private static final byte[] HELD = RawCalls.bytes("1");
    private static final byte[] NOT_HELD = RawCalls.bytes("0");

    private final SaleKeys keys;
    private final RawKeys k;
    /** Once a commit found the sale sold out, the gate's refusals are believed without asking the sale. */
    private volatile boolean soldOut;

    DecrStrategy(SaleKeys keys) {
        this.keys = keys;
        this.k = RawKeys.of(keys);
    }

    /** No: the user is claimed before the item is taken. */
    @Override
    public boolean claimMeansWon() {
        return false;
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
        COMMIT.load(jedis);
    }

    private enum Step { CLAIM, TAKE, COMMIT, SETTLE }

    @Override
    public Attempt begin(String userId, Batch out) {
        byte[] id = RawCalls.bytes(userId);
        out.add(Command.EXISTS, k.flag()).add(Command.SADD, k.buyers(), id);
        return new DecrAttempt(id);
    }

    /** One user's attempt: claim the user, take an item at the gate, commit it, and settle what follows. */
    private final class DecrAttempt implements Attempt {
        private final byte[] id;
        private Step step = Step.CLAIM;
        private Outcome settled;
        private byte[][] commit;
        private boolean resent;

        DecrAttempt(byte[] id) {
            this.id = id;
        }

        @Override
        public Outcome next(List<Object> replies, Batch next) {
            if (step == Step.COMMIT && CachedScript.isNoScript(replies.get(replies.size() - 1)) && !resent) {
                resent = true;
                COMMIT.resend(next, KEY_COUNT, commit);
                return null;
            }
            next.checkAnswers(replies);
            return switch (step) {
                case CLAIM -> claimed(replies, next);
                case TAKE -> took(replies, next);
                case COMMIT -> committed(replies);
                default -> settled;
            };
        }

        /** The flag was looked for and the user claimed (SADD). */
        private Outcome claimed(List<Object> replies, Batch next) {
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

        /** The gate's DECR answered: an item is held, or not (and goes back); either way the script decides. */
        private Outcome took(List<Object> replies, Batch next) {
            boolean held = RawCalls.number(replies.get(0)) >= 0;
            if (!held) {
                next.add(Command.INCR, k.stock());
                if (soldOut) {
                    next.add(Command.SREM, k.buyers(), id);
                    return settle(Outcome.SOLD_OUT);
                }
            }
            step = Step.COMMIT;
            commit = new byte[][] {k.flag(), k.total(), k.num(), k.user(), k.buyers(), k.times(),
                k.stock(), id, RawCalls.bytes(System.currentTimeMillis()), held ? HELD : NOT_HELD};
            COMMIT.call(next, KEY_COUNT, commit);
            return null;
        }

        private Outcome committed(List<Object> replies) {
            long code = RawCalls.number(replies.get(replies.size() - 1));
            Outcome outcome = code == 4 ? Outcome.WON_STRANDED : LuaStrategy.decode((int) code);
            if (outcome == Outcome.SOLD_OUT) {
                soldOut = true;
            }
            return outcome;
        }

        /** The outcome is known; one more round trip writes what follows from it. */
        private Outcome settle(Outcome outcome) {
            step = Step.SETTLE;
            settled = outcome;
            return null;
        }
    }
}
