package seckill.sale;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import seckill.redis.RawCalls;

/**
 * The whole purchase in one Lua script, atomic on the server: open check, user check, stock check, sale.
 * Called by EVALSHA; a server that lost its script cache (restart, SCRIPT FLUSH) gets it loaded again.
 */
final class LuaStrategy implements PurchaseStrategy {
    private static final String SCRIPT = Scripts.purchase();
    private static final byte[] KEY_COUNT = RawCalls.bytes("6");

    private final byte[][] keys;
    private volatile byte[] sha;

    LuaStrategy(SaleKeys keys) {
        this.keys = new byte[][] {RawCalls.bytes(keys.flag()), RawCalls.bytes(keys.total()),
            RawCalls.bytes(keys.num()), RawCalls.bytes(keys.user()), RawCalls.bytes(keys.buyers()),
            RawCalls.bytes(keys.times())};
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.LUA;
    }

    @Override
    public void prepare(Jedis jedis) {
        sha = RawCalls.bytes(jedis.scriptLoad(SCRIPT));
    }

    @Override
    public Outcome buy(Jedis jedis, String userId) {
        if (sha == null) {
            prepare(jedis);
        }
        byte[] id = RawCalls.bytes(userId);
        byte[] now = RawCalls.bytes(Long.toString(System.currentTimeMillis()));
        Object reply;
        try {
            reply = evalsha(jedis.getConnection(), id, now);
        } catch (JedisNoScriptException e) {
            // the server lost its script cache (a restart, SCRIPT FLUSH): load it again, once
            prepare(jedis);
            reply = evalsha(jedis.getConnection(), id, now);
        }
        return decode(((Number) reply).intValue());
    }

    private Object evalsha(Connection c, byte[] id, byte[] now) {
        c.sendCommand(Command.EVALSHA, sha, KEY_COUNT, keys[0], keys[1], keys[2], keys[3], keys[4], keys[5], id, now);
        return c.getOne();
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
