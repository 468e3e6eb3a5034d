package seckill.sale;

import java.util.List;

import redis.clients.jedis.Jedis;
import seckill.redis.Batch;
import seckill.redis.KeyedCalls;

/**
 * One strategy over a sale split into buckets ({@code --buckets}): each user is sent to the bucket its id routes
 * to ({@link SaleKeys#bucketOf}) and buys there as the strategy buys in any sale, so every safe strategy works per
 * bucket and no user can win in two.
 */
public final class BucketedStrategy implements PurchaseStrategy {
    private final List<SaleKeys> keys;
    private final List<PurchaseStrategy> buckets;

    public BucketedStrategy(StrategyKind kind, SaleKeys sale, int buckets, long naiveGapMs) {
        this.keys = sale.buckets(buckets);
        this.buckets = keys.stream().map(k -> kind.create(k, naiveGapMs)).toList();
    }

    @Override
    public StrategyKind kind() {
        return buckets.get(0).kind();
    }

    @Override
    public boolean claimMeansWon() {
        return buckets.get(0).claimMeansWon();
    }

    @Override
    public void prepare(Jedis jedis) {
        prepare(KeyedCalls.on(jedis));
    }

    /** Prepares each bucket's strategy where the bucket lives (on a cluster, its master: a script is loaded there). */
    public void prepare(KeyedCalls calls) {
        for (int i = 0; i < buckets.size(); i++) {
            PurchaseStrategy bucket = buckets.get(i);
            calls.at(keys.get(i).total(), jedis -> {
                bucket.prepare(jedis);
                return null;
            });
        }
    }

    /** The bucket this user buys in. */
    public int bucketOf(String userId) {
        return SaleKeys.bucketOf(userId, buckets.size());
    }

    @Override
    public Attempt begin(String userId, Batch out) {
        return buckets.get(bucketOf(userId)).begin(userId, out);
    }
}
