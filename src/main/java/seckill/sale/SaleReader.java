package seckill.sale;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * Reads a sale's state in one round trip: one MULTI … EXEC, so the figures agree with each other, and only the
 * winners not yet seen (by index), never the whole list again. A sale's buckets are read the same way, all in one
 * round trip ({@link SaleBuckets#read(Jedis, long[], int)}).
 */
public final class SaleReader {
    /** The most winners one read brings; a poller catches up over the next ticks. */
    public static final int DEFAULT_BATCH = 5_000;

    private static final byte[] OPENED_MS = RawCalls.bytes("opened_ms");
    /** The figures' commands: GET GET PTTL LLEN HGET; the winners add LRANGE LRANGE. */
    private static final int FIGURES = 5;
    /** What selling changes: GET kill_num, LLEN kill_user. */
    private static final int LEVEL = 2;

    private final RawKeys k;
    private final ReadTrip trip = new ReadTrip();

    public SaleReader(SaleKeys keys) {
        this.k = RawKeys.of(keys);
    }

    public SaleState read(Jedis jedis, long fromIndex, int maxNew) {
        List<Object> replies = trip.read(jedis, List.of(tx -> queue(tx, null, fromIndex, maxNew))).get(0);
        return parse(replies, null, fromIndex, maxNew, System.currentTimeMillis());
    }

    /**
     * Writes this sale's reads into a round trip: its figures, and its winners from {@code fromIndex} on.
     *
     * @param since null for every figure; else this sale as last read, and only what selling changes is asked
     *              for (sold and the winners' count)
     */
    void queue(Batch tx, SaleState since, long fromIndex, int maxNew) {
        if (since == null) {
            tx.add(Command.GET, k.total()).add(Command.GET, k.num()).add(Command.PTTL, k.flag())
                    .add(Command.LLEN, k.user()).add(Command.HGET, k.meta(), OPENED_MS);
        } else {
            tx.add(Command.GET, k.num()).add(Command.LLEN, k.user());
        }
        if (maxNew > 0) {
            byte[] from = RawCalls.bytes(fromIndex);
            byte[] to = RawCalls.bytes(fromIndex + maxNew - 1);
            tx.add(Command.LRANGE, k.user(), from, to).add(Command.LRANGE, k.times(), from, to);
        }
    }

    /** How many replies {@link #queue} asks for. */
    static int replies(boolean sinceLast, int maxNew) {
        return (sinceLast ? LEVEL : FIGURES) + (maxNew > 0 ? 2 : 0);
    }

    /**
     * The sale as these replies to {@link #queue} tell it; read since the last time, its stock and opening as they
     * were then, and its flag's time to live counted down since.
     */
    SaleState parse(List<Object> r, SaleState since, long fromIndex, int maxNew, long readAtMs) {
        int figures = since == null ? FIGURES : LEVEL;
        String sold = RawCalls.text(r.get(since == null ? 1 : 0));
        long winners = RawCalls.number(r.get(since == null ? 3 : 1));
        List<String> newUsers = maxNew > 0 ? RawCalls.texts(r.get(figures)) : List.of();
        List<String> rawTimes = maxNew > 0 ? RawCalls.texts(r.get(figures + 1)) : List.of();
        List<Long> newTimes = new ArrayList<>(newUsers.size());
        for (int i = 0; i < newUsers.size(); i++) {
            newTimes.add(i < rawTimes.size() ? parseOr(rawTimes.get(i), -1) : -1);
        }
        long soldCount = sold == null ? 0 : parseOr(sold, 0);
        if (since != null) {
            long ttl = since.ttlMillis() < 0 ? since.ttlMillis()
                    : Math.max(0, since.ttlMillis() - (readAtMs - since.readAtMs()));
            return new SaleState(since.total(), soldCount, winners, ttl, since.openedMs(), fromIndex, newUsers,
                    newTimes, readAtMs);
        }
        String total = RawCalls.text(r.get(0));
        String opened = RawCalls.text(r.get(4));
        return new SaleState(
                total == null ? -1 : parseOr(total, -1),
                soldCount,
                winners,
                RawCalls.number(r.get(2)),
                opened == null ? -1 : parseOr(opened, -1),
                fromIndex, newUsers, newTimes, readAtMs);
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
