package seckill.sale;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import redis.clients.jedis.Jedis;
import seckill.redis.Batch;
import seckill.util.Problem;

/**
 * A sale split into {@code n} buckets ({@code --buckets}), each a complete sale in the tutorial's layout under its
 * own hash tag ({@link SaleKeys#bucket}); {@code {T}:kill_meta} records {@code buckets}. With one bucket it is
 * the sale itself, keys and all, as without buckets.
 */
public final class SaleBuckets {
    /** The most buckets one MULTI … EXEC reads; more go in further transactions of the same round trip. */
    public static final int BUCKETS_PER_TRANSACTION = 64;
    /**
     * A reader that follows the buckets (the dashboard's poller) reads them whole once in this many reads, and in
     * between only what selling changes ({@link #readSince}).
     */
    public static final int WHOLE_EVERY = 10;

    private final SaleKeys sale;
    private final List<SaleKeys> buckets;
    private final List<SaleReader> readers;
    private final ReadTrip trip = new ReadTrip();

    public SaleBuckets(SaleKeys sale, int n) {
        this.sale = sale;
        this.buckets = sale.buckets(n);
        this.readers = buckets.stream().map(SaleReader::new).toList();
    }

    /** The buckets a sale under that prefix was opened with ({@code {T}:kill_meta}); 1 when it recorded none. */
    public static int recorded(Jedis jedis, SaleKeys sale) {
        if (sale.hashTag().isEmpty()) {
            return 1;
        }
        String n = jedis.hget(sale.meta(), "buckets");
        return n == null ? 1 : Integer.parseInt(n);
    }

    public List<SaleKeys> keys() {
        return buckets;
    }

    public int size() {
        return buckets.size();
    }

    /** Opens every bucket with its share of the stock (the remainder to the first ones), then records the split. */
    public void open(Jedis jedis, long stock, long durationSeconds, StrategyKind strategy) {
        if (buckets.size() > 1) {
            // a whole sale left under the prefix itself would be read instead of the buckets: it goes
            new Sale(sale).reset(jedis);
        }
        for (int i = 0; i < buckets.size(); i++) {
            new Sale(buckets.get(i)).open(jedis, SaleKeys.bucketStock(stock, buckets.size(), i), durationSeconds,
                    strategy);
        }
        if (buckets.size() > 1) {
            jedis.hset(sale.meta(), "buckets", Integer.toString(buckets.size()));
        }
    }

    /** Deletes exactly the buckets' keys and the record of the split; returns how many existed. */
    public long reset(Jedis jedis) {
        long deleted = buckets.stream().mapToLong(k -> new Sale(k).reset(jedis)).sum();
        return buckets.size() > 1 ? deleted + jedis.del(sale.meta()) : deleted;
    }

    public void close(Jedis jedis) {
        buckets.forEach(k -> new Sale(k).close(jedis));
    }

    /** Each bucket's figures, in order, in one round trip. */
    public List<SaleState> read(Jedis jedis) {
        return read(jedis, new long[buckets.size()], 0);
    }

    /**
     * Each bucket's figures and its winners not yet seen, in order, in one round trip: a MULTI … EXEC per
     * {@value #BUCKETS_PER_TRANSACTION} buckets, pipelined, so that each bucket's figures agree with each other (as
     * {@link SaleReader} reads one sale). On a Redis Cluster the buckets lie in different slots: each would be a
     * transaction of its own, sent to its own master.
     *
     * @param fromIndex for each bucket, the index in its {@code kill_user} of the first winner to bring
     * @param maxNew    the most winners to bring in all, shared evenly (at least one a bucket); 0 for none
     */
    public List<SaleState> read(Jedis jedis, long[] fromIndex, int maxNew) {
        return read(jedis, null, fromIndex, maxNew);
    }

    /**
     * As {@link #read(Jedis, long[], int)}, asking only for what selling changes since {@code last} (the buckets as
     * last read): each bucket's sold and winners' count, and its winners not yet seen where {@code last} counted
     * more than {@code fromIndex} (those sold since come on the next read). The stock, the flag (its time to live
     * counted down) and the opening stay as {@code last} had them. What the dashboard's poller reads between two
     * whole reads: two commands a bucket instead of five, and no LRANGE for a bucket with nothing new.
     */
    public List<SaleState> readSince(Jedis jedis, List<SaleState> last, long[] fromIndex, int maxNew) {
        if (last.size() != buckets.size()) {
            throw new IllegalArgumentException(buckets.size() + " buckets, " + last.size() + " last read");
        }
        return read(jedis, last, fromIndex, maxNew);
    }

    private List<SaleState> read(Jedis jedis, List<SaleState> last, long[] fromIndex, int maxNew) {
        int n = buckets.size();
        if (fromIndex.length != n) {
            throw new IllegalArgumentException(n + " buckets, " + fromIndex.length + " indexes");
        }
        int share = maxNew <= 0 ? 0 : Math.max(1, maxNew / n);
        int[] want = new int[n];
        for (int i = 0; i < n; i++) {
            want[i] = last == null || last.get(i).winners() > fromIndex[i] ? share : 0;
        }
        List<Consumer<Batch>> transactions = new ArrayList<>();
        for (int first = 0; first < n; first += BUCKETS_PER_TRANSACTION) {
            int from = first;
            int to = Math.min(n, first + BUCKETS_PER_TRANSACTION);
            transactions.add(tx -> {
                for (int i = from; i < to; i++) {
                    readers.get(i).queue(tx, last == null ? null : last.get(i), fromIndex[i], want[i]);
                }
            });
        }
        List<List<Object>> replies = trip.read(jedis, transactions);
        long readAtMs = System.currentTimeMillis();
        List<SaleState> states = new ArrayList<>(n);
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (i % BUCKETS_PER_TRANSACTION == 0) {
                at = 0;
            }
            SaleState since = last == null ? null : last.get(i);
            int size = SaleReader.replies(since != null, want[i]);
            List<Object> own = replies.get(i / BUCKETS_PER_TRANSACTION).subList(at, at + size);
            states.add(readers.get(i).parse(own, since, fromIndex[i], want[i], readAtMs));
            at += size;
        }
        return states;
    }

    /** The buckets' figures added up: the sale as a whole (missing when any bucket is). */
    public static SaleState sum(List<SaleState> states) {
        if (states.size() == 1) {
            return states.get(0);
        }
        boolean all = states.stream().allMatch(SaleState::exists);
        return new SaleState(all ? states.stream().mapToLong(SaleState::total).sum() : -1,
                states.stream().mapToLong(SaleState::sold).sum(), states.stream().mapToLong(SaleState::winners).sum(),
                states.stream().mapToLong(SaleState::ttlMillis).max().orElse(-2),
                states.stream().mapToLong(SaleState::openedMs).min().orElse(0), 0, List.of(), List.of(),
                states.stream().mapToLong(SaleState::readAtMs).max().orElse(0));
    }

    /**
     * What bucketing cost ({@code bucket_unsold}): the items left in the buckets while at least one of them has sold
     * out, so that its users are turned away with stock still in the sale; 0 with one bucket, or while none has.
     */
    public static long unsold(List<SaleState> states) {
        if (states.size() < 2 || states.stream().noneMatch(s -> s.exists() && s.stockLeft() == 0)) {
            return 0;
        }
        return states.stream().mapToLong(SaleState::stockLeft).sum();
    }

    /**
     * Every bucket audited as a sale of its own, and every winner checked to be in the bucket its id routes to (so
     * nobody can have won in two); the figures added up.
     */
    public AuditResult audit(Jedis jedis) {
        if (buckets.size() == 1) {
            return new SaleAudit(sale).audit(jedis);
        }
        List<Problem> violations = new ArrayList<>();
        long total = 0;
        long sold = 0;
        long winners = 0;
        long unique = 0;
        long oversold = 0;
        for (int i = 0; i < buckets.size(); i++) {
            SaleAudit audit = new SaleAudit(buckets.get(i));
            AuditResult a = audit.audit(jedis);
            violations.addAll(a.violations());
            Problem strays = audit.strays(jedis, i, buckets.size());
            if (strays != null) {
                violations.add(strays);
            }
            total += a.total();
            sold += a.sold();
            winners += a.winners();
            unique += a.uniqueWinners();
            oversold += a.oversold();
        }
        return new AuditResult(violations.isEmpty(), violations, total, sold, winners, unique, oversold);
    }

    /** Of the users a client told they won, those not among their bucket's winners ({@link SaleAudit#missing}). */
    public List<String> missing(Jedis jedis, Collection<String> acknowledged) {
        var byBucket = acknowledged.stream().collect(Collectors.groupingBy(id -> SaleKeys.bucketOf(id,
                buckets.size())));
        List<String> missing = new ArrayList<>();
        byBucket.forEach((i, ids) -> missing.addAll(new SaleAudit(buckets.get(i)).missing(jedis, ids)));
        return missing;
    }
}
