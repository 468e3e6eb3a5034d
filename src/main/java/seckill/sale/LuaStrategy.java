package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * The whole purchase in one Lua script, atomic on the server: open check, user check, stock check, sale.
 * Called by EVALSHA; a server that lost its script cache (restart, SCRIPT FLUSH) is sent the script itself
 * with EVAL, which caches it again.
 */
final class LuaStrategy implements PurchaseStrategy {
    private static final CachedScript PURCHASE = new CachedScript(Scripts.purchase());
    private static final byte[] KEY_COUNT = RawCalls.bytes("6");

    private final RawKeys k;

    LuaStrategy(SaleKeys keys) {
        this.k = RawKeys.of(keys);
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.LUA;
    }

    @Override
    public void prepare(Jedis jedis) {
        PURCHASE.load(jedis);
    }

    @Override
    public Attempt begin(String userId, Batch out) {
        // KEYS as purchase.lua reads them: flag, total, num, user, buyers, times; then the user and the time
        byte[][] keysAndArgs = {k.flag(), k.total(), k.num(), k.user(), k.buyers(), k.times(), RawCalls.bytes(userId),
            RawCalls.bytes(System.currentTimeMillis())};
        PURCHASE.call(out, KEY_COUNT, keysAndArgs);
        return new Attempt() {
            private boolean resent;

            @Override
            public Outcome next(List<Object> replies, Batch next) {
                if (CachedScript.isNoScript(replies.get(0)) && !resent) {
                    resent = true;
                    PURCHASE.resend(next, KEY_COUNT, keysAndArgs);
                    return null;
                }
                return decode((int) RawCalls.number(next.checkAnswers(replies).get(0)));
            }
        };
    }

    static Outcome decode(int code) {
        return switch (code) {
            case 0 -> Outcome.WON;
            case 1 -> Outcome.SOLD_OUT;
            case 2 -> Outcome.CLOSED;
            case 3 -> Outcome.ALREADY_WON;
            default -> throw new IllegalStateException("purchase.lua returned an unknown code " + code);
        };
    }
}
