package seckill.sale;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import redis.clients.jedis.Jedis;
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

    /** Each bucket's figures, in order. */
    public List<SaleState> read(Jedis jedis) {
        return buckets.stream().map(k -> new SaleReader(k).read(jedis)).toList();
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
