package seckill.sale;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * Reads a sale's state in one round trip: one MULTI … EXEC, so the figures agree with each other, and only the
 * winners not yet seen (by index), never the whole list again.
 */
public final class SaleReader {
    /** The most winners one read brings; a poller catches up over the next ticks. */
    public static final int DEFAULT_BATCH = 5_000;

    private final SaleKeys keys;

    public SaleReader(SaleKeys keys) {
        this.keys = keys;
    }

    public SaleState read(Jedis jedis, long fromIndex, int maxNew) {
        long last = fromIndex + Math.max(0, maxNew) - 1;
        Transaction tx = jedis.multi();
        Response<String> total = tx.get(keys.total());
        Response<String> sold = tx.get(keys.num());
        Response<Long> ttl = tx.pttl(keys.flag());
        Response<Long> length = tx.llen(keys.user());
        Response<String> opened = tx.hget(keys.meta(), "opened_ms");
        Response<List<String>> users = maxNew > 0 ? tx.lrange(keys.user(), fromIndex, last) : null;
        Response<List<String>> times = maxNew > 0 ? tx.lrange(keys.times(), fromIndex, last) : null;
        tx.exec();
        List<String> newUsers = users == null ? List.of() : users.get();
        List<Long> newTimes = new ArrayList<>(newUsers.size());
        List<String> rawTimes = times == null ? List.of() : times.get();
        for (int i = 0; i < newUsers.size(); i++) {
            newTimes.add(i < rawTimes.size() ? parseOr(rawTimes.get(i), -1) : -1);
        }
        return new SaleState(
                total.get() == null ? -1 : parseOr(total.get(), -1),
                sold.get() == null ? 0 : parseOr(sold.get(), 0),
                length.get(),
                ttl.get(),
                opened.get() == null ? -1 : parseOr(opened.get(), -1),
                fromIndex, newUsers, newTimes, System.currentTimeMillis());
    }

    /** The figures alone, no winners. */
    public SaleState read(Jedis jedis) {
        return read(jedis, 0, 0);
    }

    private static long parseOr(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
