package seckill.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import seckill.redis.OneTripTransaction;
import seckill.redis.RawCalls;
import seckill.redis.RedisConnection;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/** Opening, resetting and checking the keys of one sale. */
public final class Sale {
    private final SaleKeys keys;

    public Sale(SaleKeys keys) {
        this.keys = keys;
    }

    public SaleKeys keys() {
        return keys;
    }

    /**
     * Opens a fresh sale as the tutorial does (delete the keys, write the stock, zero sold, the flag with a TTL),
     * in one MULTI so that no half-opened sale is ever seen.
     */
    public void open(Jedis jedis, long stock, long durationSeconds, StrategyKind strategy) {
        open(jedis, stock, durationSeconds, strategy, Map.of());
    }

    /** As {@link #open(Jedis, long, long, StrategyKind)}, {@code kill_meta} recording those fields too. */
    void open(Jedis jedis, long stock, long durationSeconds, StrategyKind strategy, Map<String, String> more) {
        RawKeys k = RawKeys.of(keys);
        byte[] items = RawCalls.bytes(stock);
        List<byte[]> meta = new ArrayList<>(List.of(k.meta(), RawCalls.bytes("opened_ms"),
                RawCalls.bytes(System.currentTimeMillis()), RawCalls.bytes("stock"), items,
                RawCalls.bytes("duration_s"), RawCalls.bytes(durationSeconds), RawCalls.bytes("strategy"),
                RawCalls.bytes(strategy.cliName())));
        more.forEach((field, value) -> meta.addAll(List.of(RawCalls.bytes(field), RawCalls.bytes(value))));
        List<Object> done = OneTripTransaction.exec(jedis, tx -> tx
                .add(Command.DEL, keys.all().stream().map(RawCalls::bytes).toArray(byte[][]::new))
                .add(Command.SET, k.total(), items)
                .add(Command.SET, k.num(), RawCalls.bytes(0))
                .add(Command.SETEX, k.flag(), RawCalls.bytes(durationSeconds), RawCalls.bytes(1))
                .add(Command.SET, k.stock(), items)
                .add(Command.HSET, meta.toArray(byte[][]::new)));
        if (done == null) {
            // only a WATCH left standing on this connection can abort it: say so, never open nothing silently
            throw new IllegalStateException("the sale was not opened: the transaction was aborted by a WATCH left "
                    + "on the connection");
        }
    }

    /**
     * Opens it for the Lua purchase, on a pooled connection, for a client outside the lab that buys by EVALSHA
     * (redis-benchmark); returns the SHA1 under which the server keeps the purchase script ({@link Scripts#purchase}).
     */
    public String openForEvalsha(RedisConnection redis, long stock, long durationSeconds) {
        try (Jedis jedis = redis.borrow()) {
            open(jedis, stock, durationSeconds, StrategyKind.LUA);
            return jedis.scriptLoad(Scripts.purchase());
        }
    }

    /** Items sold as the sale counts them ({@code kill_num}), read on a pooled connection. */
    public long sold(RedisConnection redis) {
        try (Jedis jedis = redis.borrow()) {
            return Long.parseLong(jedis.get(keys.num()));
        }
    }

    /** Closes the sale for every client (its flag goes, as when its time is up); the rest stays to be read. */
    public void close(Jedis jedis) {
        jedis.del(keys.flag());
    }

    /** Deletes exactly the sale's keys; returns how many existed. */
    public long reset(Jedis jedis) {
        return jedis.del(keys.all().toArray(String[]::new));
    }

    /** As {@link #reset(Jedis)}, on a connection borrowed from the pool for it, one try (a clean-up after a run). */
    public long reset(RedisConnection redis) {
        try (Jedis jedis = redis.borrow()) {
            return reset(jedis);
        }
    }

    /** True when a sale has been opened under this prefix (its stock exists). */
    public boolean exists(Jedis jedis) {
        return jedis.exists(keys.total());
    }

    /**
     * Keys that exist with a type other than the sale needs, as problems naming the key: a sale like that
     * cannot be joined or watched, only replaced.
     */
    public List<Problem> wrongTypes(Jedis jedis) {
        Pipeline p = jedis.pipelined();
        List<Response<String>> types = new ArrayList<>();
        for (String key : keys.all()) {
            types.add(p.type(key));
        }
        p.sync();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < keys.all().size(); i++) {
            String key = keys.all().get(i);
            String type = types.get(i).get();
            String expected = keys.expectedType(key);
            if (!"none".equals(type) && !expected.equals(type)) {
                problems.add(Problem.of(Kind.KEY_WRONG_TYPE, key, type, expected));
            } else if ("hash".equals(type)) {
                problems.addAll(SaleMeta.problems(keys, jedis.hgetAll(key)));
            } else if ("string".equals(type) && !key.equals(keys.flag())) {
                String value = jedis.get(key);
                if (value != null && !value.matches("-?\\d{1,18}")) {
                    problems.add(Problem.of(Kind.KEY_NOT_A_NUMBER, key, abbreviate(value)));
                }
            }
        }
        return problems;
    }

    /** A value as a message quotes it: its first 20 characters. */
    static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
