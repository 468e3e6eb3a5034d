package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * The whole purchase in one Lua script, atomic on the server: open check, user check, stock check, sale.
 * Called by EVALSHA; a server that lost its script cache (restart, SCRIPT FLUSH) is sent the script itself
 * with EVAL, which caches it again.
 */
final class LuaStrategy implements PurchaseStrategy {
    private static final byte[] SCRIPT = RawCalls.bytes(Scripts.purchase());
    private static final byte[] KEY_COUNT = RawCalls.bytes("6");

    private final RawKeys k;
    private volatile byte[] sha;

    LuaStrategy(SaleKeys keys) {
        this.k = RawKeys.of(keys);
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.LUA;
    }

    @Override
    public void prepare(Jedis jedis) {
        sha = RawCalls.bytes(jedis.scriptLoad(Scripts.purchase()));
    }

    @Override
    public Attempt begin(String userId, Batch out) {
        byte[] id = RawCalls.bytes(userId);
        byte[] now = RawCalls.bytes(System.currentTimeMillis());
        byte[] known = sha;
        call(out, known != null ? Command.EVALSHA : Command.EVAL, known != null ? known : SCRIPT, id, now);
        return new Attempt() {
            private boolean resent;

            @Override
            public Outcome next(List<Object> replies, Batch next) {
                if (replies.get(0) instanceof JedisNoScriptException && !resent) {
                    // the server lost its script cache (a restart, SCRIPT FLUSH): send the script, once
                    resent = true;
                    call(next, Command.EVAL, SCRIPT, id, now);
                    return null;
                }
                return decode((int) RawCalls.number(next.checkAnswers(replies).get(0)));
            }
        };
    }

    private void call(Batch out, Command command, byte[] script, byte[] id, byte[] now) {
        // KEYS as purchase.lua reads them: flag, total, num, user, buyers, times
        out.add(command, script, KEY_COUNT, k.flag(), k.total(), k.num(), k.user(), k.buyers(), k.times(), id, now);
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
