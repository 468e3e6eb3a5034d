package seckill.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.redis.Batch;
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
    private volatile boolean transactions = true;

    public SaleReader(SaleKeys keys) {
        this.k = RawKeys.of(keys);
    }

    public SaleState read(Jedis jedis, long fromIndex, int maxNew) {
        long last = fromIndex + Math.max(0, maxNew) - 1;
        boolean withWinners = maxNew > 0;
        Consumer<Batch> reads = tx -> {
            tx.add(Command.GET, k.total()).add(Command.GET, k.num()).add(Command.PTTL, k.flag())
                    .add(Command.LLEN, k.user()).add(Command.HGET, k.meta(), OPENED_MS);
            if (withWinners) {
                byte[] from = RawCalls.bytes(fromIndex);
                byte[] to = RawCalls.bytes(last);
                tx.add(Command.LRANGE, k.user(), from, to).add(Command.LRANGE, k.times(), from, to);
            }
        };
        List<Object> r = readAll(jedis, reads);
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

    /**
     * In one transaction, so that the figures agree with each other; where transactions are refused (a user
     * allowed to read only, a server out of memory) as one plain pipeline instead, from then on.
     */
    private List<Object> readAll(Jedis jedis, Consumer<Batch> reads) {
        if (transactions) {
            try {
                return OneTripTransaction.exec(jedis, reads);
            } catch (JedisDataException refused) {
                if (!refusesTransactions(refused)) {
                    throw refused;
                }
                transactions = false;
            }
        }
        Batch batch = new Batch();
        reads.accept(batch);
        int size = batch.size();
        Connection connection = jedis.getConnection();
        batch.sendTo(connection);
        List<Object> replies = connection.getMany(size);
        batch.clear();
        return batch.checkAnswers(replies);
    }

    private static boolean refusesTransactions(JedisDataException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("NOPERM") || m.startsWith("OOM") || m.startsWith("EXECABORT");
    }

    /** The purchases at these places of {@code kill_user} (and their times), in one round trip. */
    public List<Purchase> purchasesAt(Jedis jedis, List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        Batch batch = new Batch();
        for (long position : positions) {
            byte[] at = RawCalls.bytes(position);
            batch.add(Command.LINDEX, k.user(), at).add(Command.LINDEX, k.times(), at);
        }
        Connection connection = jedis.getConnection();
        batch.sendTo(connection);
        List<Object> replies = connection.getMany(batch.size());
        batch.clear();
        batch.checkAnswers(replies);
        List<Purchase> purchases = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            String time = RawCalls.text(replies.get(2 * i + 1));
            purchases.add(new Purchase(positions.get(i), RawCalls.text(replies.get(2 * i)),
                    time == null ? -1 : parseOr(time, -1)));
        }
        return purchases;
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
