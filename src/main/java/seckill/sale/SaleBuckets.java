package seckill.sale;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.KeyedCalls;
import seckill.redis.OneTripTransaction;
import seckill.redis.RawCalls;
import seckill.redis.RedisConnection;
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

    /**
     * The buckets a sale under that prefix was opened with ({@code {T}:kill_meta}), read where its record lives; 1
     * when it recorded none ({@link SaleMeta#recorded}).
     *
     * @throws SaleKeyException naming the key and each field changed by hand
     */
    public static int recorded(KeyedCalls calls, SaleKeys sale) {
        return SaleMeta.recorded(calls, sale);
    }

    public List<SaleKeys> keys() {
        return buckets;
    }

    public int size() {
        return buckets.size();
    }

    /**
     * On a Redis Cluster, the master ({@code host:port}) that holds each bucket's slot now, by bucket index; none on
     * one server, or for a sale of one bucket (the connection's own master holds it).
     */
    public List<String> masters(RedisConnection redis) {
        if (!redis.isCluster() || buckets.size() == 1) {
            return List.of();
        }
        return buckets.stream().map(k -> redis.owner(k.total())).toList();
    }

    /**
     * Opens every bucket with its share of the stock (the remainder to the first ones), each where it lives and
     * recording the sale it belongs to, then records the split under the sale's own tag. Buckets of an earlier
     * opening that this one has not (it had more) go first, keys, open flag and all.
     */
    public void open(KeyedCalls calls, long stock, long durationSeconds, StrategyKind strategy) {
        int n = buckets.size();
        for (int i : SaleMeta.buckets(calls, sale)) {
            if (n == 1 || i >= n) {
                calls.at(sale.bucket(i).total(), new Sale(sale.bucket(i))::reset);
            }
        }
        for (int i = 0; i < n; i++) {
            long share = SaleKeys.bucketStock(stock, n, i);
            Sale bucket = new Sale(buckets.get(i));
            Map<String, String> of = n == 1 ? Map.of() : SaleMeta.bucketFields(sale, i);
            calls.at(bucket.keys().total(), jedis -> {
                bucket.open(jedis, share, durationSeconds, strategy, of);
                return null;
            });
        }
        if (n > 1) {
            // a whole sale left under the prefix itself would be read instead of the buckets: it goes as the split
            // is recorded
            calls.at(sale.meta(), jedis -> OneTripTransaction.exec(jedis, tx -> tx
                    .add(Command.DEL, sale.all().stream().map(RawCalls::bytes).toArray(byte[][]::new))
                    .add(Command.HSET, RawCalls.bytes(sale.meta()), RawCalls.bytes(SaleMeta.BUCKETS),
                            RawCalls.bytes(n))));
        }
    }

    /**
     * Deletes exactly the keys of the sale: its buckets' ({@link SaleMeta#buckets}: also those its record no longer
     * counts) and its own under the prefix; returns how many existed.
     */
    public long reset(Jedis jedis) {
        return reset(KeyedCalls.on(jedis));
    }

    /** As {@link #reset(Jedis)}, on one connection borrowed from the pool for it, one try (a clean-up after a run). */
    public long reset(RedisConnection redis) {
        try (Jedis jedis = redis.borrow()) {
            return reset(jedis);
        }
    }

    /** As {@link #reset(Jedis)}, each bucket where it lives. */
    public long reset(KeyedCalls calls) {
        Set<SaleKeys> all = new LinkedHashSet<>(buckets);
        all.add(sale);
        SaleMeta.buckets(calls, sale).forEach(i -> all.add(sale.bucket(i)));
        return all.stream().mapToLong(k -> calls.at(k.total(), new Sale(k)::reset)).sum();
    }

    /** Closes every bucket (its flag goes), each where it lives. */
    public void close(KeyedCalls calls) {
        buckets.forEach(k -> calls.at(k.total(), jedis -> {
            new Sale(k).close(jedis);
            return null;
        }));
    }

    /** Keys of any bucket that exist with another type than the sale needs ({@link Sale#wrongTypes}). */
    public List<Problem> wrongTypes(KeyedCalls calls) {
        return buckets.stream().flatMap(k -> calls.at(k.total(), new Sale(k)::wrongTypes).stream()).toList();
    }

    /** Each bucket's figures, in order, in one round trip. */
    public List<SaleState> read(Jedis jedis) {
        return read(KeyedCalls.on(jedis));
    }

    /** As {@link #read(Jedis)}, each bucket where it lives: one round trip per server. */
    public List<SaleState> read(KeyedCalls calls) {
        return read(calls, new long[buckets.size()], 0);
    }

    /**
     * Each bucket's figures and its winners not yet seen, in order, in one round trip: a MULTI … EXEC per
     * {@value #BUCKETS_PER_TRANSACTION} buckets, pipelined, so that each bucket's figures agree with each other (as
     * {@link SaleReader} reads one sale). On a Redis Cluster the buckets lie in different slots and a transaction
     * stays within one: each bucket is a transaction of its own, and each master's are pipelined in a round trip of
     * their own.
     *
     * @param fromIndex for each bucket, the index in its {@code kill_user} of the first winner to bring
     * @param maxNew    the most winners to bring in all, shared evenly (at least one a bucket); 0 for none
     */
    public List<SaleState> read(KeyedCalls calls, long[] fromIndex, int maxNew) {
        return read(calls, null, fromIndex, maxNew);
    }

    /**
     * As {@link #read(KeyedCalls, long[], int)}, asking only for what selling changes since {@code last} (the
     * buckets as last read): each bucket's sold and winners' count, and its winners not yet seen where {@code last}
     * counted more than {@code fromIndex} (those sold since come on the next read). The stock, the flag (its time to
     * live counted down) and the opening stay as {@code last} had them. What the dashboard's poller reads between two
     * whole reads: two commands a bucket instead of five, and no LRANGE for a bucket with nothing new.
     */
    public List<SaleState> readSince(KeyedCalls calls, List<SaleState> last, long[] fromIndex, int maxNew) {
        if (last.size() != buckets.size()) {
            throw new IllegalArgumentException(buckets.size() + " buckets, " + last.size() + " last read");
        }
        return read(calls, last, fromIndex, maxNew);
    }

    private List<SaleState> read(KeyedCalls calls, List<SaleState> last, long[] fromIndex, int maxNew) {
        int n = buckets.size();
        if (fromIndex.length != n) {
            throw new IllegalArgumentException(n + " buckets, " + fromIndex.length + " indexes");
        }
        int share = maxNew <= 0 ? 0 : Math.max(1, maxNew / n);
        int[] want = new int[n];
        for (int i = 0; i < n; i++) {
            want[i] = last == null || last.get(i).winners() > fromIndex[i] ? share : 0;
        }
        // the buckets by the server that holds them (one group on one server), in order within each
        Map<String, List<Integer>> byServer = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byServer.computeIfAbsent(String.valueOf(calls.where(buckets.get(i).total())), w -> new ArrayList<>())
                    .add(i);
        }
        int perTransaction = calls.where(sale.total()) == null ? BUCKETS_PER_TRANSACTION : 1;
        SaleState[] states = new SaleState[n];
        for (List<Integer> group : byServer.values()) {
            List<Consumer<Batch>> transactions = new ArrayList<>();
            for (int first = 0; first < group.size(); first += perTransaction) {
                List<Integer> part = group.subList(first, Math.min(group.size(), first + perTransaction));
                transactions.add(tx -> part.forEach(i -> readers.get(i).queue(tx, last == null ? null : last.get(i),
                        fromIndex[i], want[i])));
            }
            List<List<Object>> replies = calls.at(buckets.get(group.get(0)).total(),
                    jedis -> trip.read(jedis, transactions));
            long readAtMs = System.currentTimeMillis();
            int at = 0;
            for (int k = 0; k < group.size(); k++) {
                if (k % perTransaction == 0) {
                    at = 0;
                }
                int i = group.get(k);
                SaleState since = last == null ? null : last.get(i);
                int size = SaleReader.replies(since != null, want[i]);
                List<Object> own = replies.get(k / perTransaction).subList(at, at + size);
                states[i] = readers.get(i).parse(own, since, fromIndex[i], want[i], readAtMs);
                at += size;
            }
        }
        return List.of(states);
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
     * Every bucket audited as a sale of its own, each where it lives, and every winner checked to be in the bucket
     * its id routes to (so nobody can have won in two); the figures added up.
     */
    public AuditResult audit(KeyedCalls calls) {
        if (buckets.size() == 1) {
            return calls.at(sale.total(), new SaleAudit(sale)::audit);
        }
        List<Problem> violations = new ArrayList<>();
        long total = 0;
        long sold = 0;
        long winners = 0;
        long unique = 0;
        long oversold = 0;
        for (int i = 0; i < buckets.size(); i++) {
            int bucket = i;
            SaleAudit audit = new SaleAudit(buckets.get(i));
            AuditResult a = calls.at(buckets.get(i).total(), audit::audit);
            violations.addAll(a.violations());
            Problem strays = calls.at(buckets.get(i).total(), jedis -> audit.strays(jedis, bucket, buckets.size()));
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

    /**
     * Of the users a client told they won, those not among their bucket's winners ({@link SaleAudit#missing}), each
     * bucket read where it lives.
     */
    public List<String> missing(KeyedCalls calls, Collection<String> acknowledged) {
        var byBucket = acknowledged.stream().collect(Collectors.groupingBy(id -> SaleKeys.bucketOf(id,
                buckets.size())));
        List<String> missing = new ArrayList<>();
        byBucket.forEach((i, ids) -> missing.addAll(calls.at(buckets.get(i).total(),
                jedis -> new SaleAudit(buckets.get(i)).missing(jedis, ids))));
        return missing;
    }
}
