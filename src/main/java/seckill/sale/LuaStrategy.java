package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The whole purchase in one Lua script, atomic on the server: open check, user check, stock check, sale.
 * Called by EVALSHA; a server that lost its script cache (restart, SCRIPT FLUSH) gets it loaded again.
 */
final class LuaStrategy implements PurchaseStrategy {
    private static final String SCRIPT = Scripts.purchase();

    private final List<String> keyList;
    private volatile String sha;

    LuaStrategy(SaleKeys keys) {
        this.keyList = List.of(keys.flag(), keys.total(), keys.num(), keys.user(), keys.buyers(), keys.times());
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.LUA;
    }

    @Override
    public void prepare(Jedis jedis) {
        sha = jedis.scriptLoad(SCRIPT);
    }

    @Override
    public Outcome buy(Jedis jedis, String userId) {
        List<String> args = List.of(userId, Long.toString(System.currentTimeMillis()));
        String current = sha;
        if (current == null) {
            prepare(jedis);
            current = sha;
        }
        Object reply;
        try {
            reply = jedis.evalsha(current, keyList, args);
        } catch (JedisNoScriptException e) {
            prepare(jedis);
            reply = jedis.evalsha(sha, keyList, args);
        }
        return decode(((Number) reply).intValue());
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
