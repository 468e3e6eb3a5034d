package seckill.sale;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import redis.clients.jedis.Jedis;
import seckill.redis.KeyedCalls;
import seckill.redis.RedisConnection;
import seckill.util.Problem;

/**
 * A sale split into {@code n} buckets ({@code --buckets}), each a complete sale in the tutorial's layout under its
 * own hash tag ({@link SaleKeys#bucket}); {@code {T}:kill_meta} records {@code buckets}. With one bucket it is
 * the sale itself, keys and all, as without buckets.
 */
public final class SaleBuckets {
    private final SaleKeys sale;
    private final List<SaleKeys> buckets;

    public SaleBuckets(SaleKeys sale, int n) {
        this.sale = sale;
        this.buckets = sale.buckets(n);
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
     * Opens every bucket with its share of the stock (the remainder to the first ones), each where it lives, then
     * records the split under the sale's own tag.
     */
    public void open(KeyedCalls calls, long stock, long durationSeconds, StrategyKind strategy) {
        if (buckets.size() > 1) {
            // a whole sale left under the prefix itself would be read instead of the buckets: it goes
            calls.at(sale.total(), new Sale(sale)::reset);
        }
        for (int i = 0; i < buckets.size(); i++) {
            long share = SaleKeys.bucketStock(stock, buckets.size(), i);
            Sale bucket = new Sale(buckets.get(i));
            calls.at(bucket.keys().total(), jedis -> {
                bucket.open(jedis, share, durationSeconds, strategy);
                return null;
            });
        }
        if (buckets.size() > 1) {
            calls.at(sale.meta(), jedis -> jedis.hset(sale.meta(), "buckets", Integer.toString(buckets.size())));
        }
    }

    /** Deletes exactly the buckets' keys and the record of the split; returns how many existed. */
    public long reset(Jedis jedis) {
        return reset(KeyedCalls.on(jedis));
    }

    /** As {@link #reset(Jedis)}, each bucket where it lives. */
    public long reset(KeyedCalls calls) {
        long deleted = buckets.stream().mapToLong(k -> calls.at(k.total(), new Sale(k)::reset)).sum();
        return buckets.size() > 1 ? deleted + calls.at(sale.meta(), jedis -> jedis.del(sale.meta())) : deleted;
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

    /** Each bucket's figures, in order. */
    public List<SaleState> read(Jedis jedis) {
        return read(KeyedCalls.on(jedis));
    }

    /** As {@link #read(Jedis)}, each bucket where it lives. */
    public List<SaleState> read(KeyedCalls calls) {
        return buckets.stream().map(k -> calls.at(k.total(), new SaleReader(k)::read)).toList();
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
     * Every bucket audited as a sale of its own, and every winner checked to be in the bucket its id routes to (so
     * nobody can have won in two); the figures added up.
     */
    public AuditResult audit(Jedis jedis) {
        return audit(KeyedCalls.on(jedis));
    }

    /** As {@link #audit(Jedis)}, each bucket where it lives. */
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
