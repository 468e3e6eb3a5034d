package seckill.sale;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import seckill.redis.OneTripTransaction;
import seckill.redis.RawCalls;

/**
 * Reads a sale's state in one round trip: one MULTI … EXEC, so the figures agree with each other, and only the
 * winners not yet seen (by index), never the whole list again.
 */
public final class SaleReader {
    /** The most winners one read brings; a poller catches up over the next ticks. */
    public static final int DEFAULT_BATCH = 5_000;

    private static final byte[] OPENED_MS = RawCalls.bytes("opened_ms");

    private final RawKeys k;

    public SaleReader(SaleKeys keys) {
        this.k = RawKeys.of(keys);
    }

    public SaleState read(Jedis jedis, long fromIndex, int maxNew) {
        long last = fromIndex + Math.max(0, maxNew) - 1;
        boolean withWinners = maxNew > 0;
        List<Object> r = OneTripTransaction.exec(jedis, tx -> {
            tx.add(Command.GET, k.total()).add(Command.GET, k.num()).add(Command.PTTL, k.flag())
                    .add(Command.LLEN, k.user()).add(Command.HGET, k.meta(), OPENED_MS);
            if (withWinners) {
                byte[] from = RawCalls.bytes(fromIndex);
                byte[] to = RawCalls.bytes(last);
                tx.add(Command.LRANGE, k.user(), from, to).add(Command.LRANGE, k.times(), from, to);
            }
        });
        String total = RawCalls.text(r.get(0));
        String sold = RawCalls.text(r.get(1));
        String opened = RawCalls.text(r.get(4));
        List<String> newUsers = withWinners ? RawCalls.texts(r.get(5)) : List.of();
        List<String> rawTimes = withWinners ? RawCalls.texts(r.get(6)) : List.of();
        List<Long> newTimes = new ArrayList<>(newUsers.size());
        for (int i = 0; i < newUsers.size(); i++) {
            newTimes.add(i < rawTimes.size() ? parseOr(rawTimes.get(i), -1) : -1);
        }
        return new SaleState(
                total == null ? -1 : parseOr(total, -1),
                sold == null ? 0 : parseOr(sold, 0),
                RawCalls.number(r.get(3)),
                RawCalls.number(r.get(2)),
                opened == null ? -1 : parseOr(opened, -1),
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
