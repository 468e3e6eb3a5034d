package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import seckill.redis.RedisConnection;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

/**
 * A sale in buckets under a random mix of users and retries, on one server or a cluster alike: a random number of
 * buckets and load on a random engine, then a second client joining with the same users or others and more
 * retries. Afterwards each bucket holds its share of the stock, every winner is in the bucket its id routes to and
 * in no other, the totals add up and the audits hold. Each bucket is read where it lives (on a cluster its
 * master, which refuses a key of another slot, so a wrong route fails instead of reading something else).
 */
public final class BucketMix {
    private BucketMix() {
    }

    /**
     * Plays one such sale and checks it.
     *
     * @param made the sale is added here before it is opened, for the caller to reset
     */
    public static void playAndCheck(RedisConnection redis, String prefix, StrategyKind kind, SplittableRandom random,
                                    List<SaleBuckets> made) {
        int buckets = 2 + random.nextInt(7);
        long stock = buckets + random.nextInt(300);
        SaleBuckets sale = new SaleBuckets(new SaleKeys(prefix), buckets);
        made.add(sale);
        long seed = random.nextLong();
        SimulationConfig first = SimulationConfig.builder().prefix(prefix).strategy(kind).buckets(buckets)
                .load(stock, 100 + random.nextInt(600), 1 + random.nextInt(64), random.nextInt(4))
                .engine(random.nextBoolean() ? EngineKind.THREADS : EngineKind.LOOP).seed(seed).build();
        SimulationResult opened = new Simulation(first, redis).run();
        // a second client joins with the same users and others: the same ids come back for more
        SimulationConfig again = first.toBuilder().join(true).seed(random.nextBoolean() ? seed : seed + 1)
                .retries(random.nextInt(6)).build();
        SimulationResult joined = new Simulation(again, redis).run();

        for (SimulationResult r : List.of(opened, joined)) {
            assertThat(r.audit().violations()).as("%d buckets", buckets).isEmpty();
            assertThat(r.bucketStates()).hasSize(buckets);
        }
        Set<String> everyone = new HashSet<>();
        long sold = 0;
        for (int i = 0; i < buckets; i++) {
            SaleKeys bucket = sale.keys().get(i);
            String total = redis.callAt(bucket.total(), jedis -> jedis.get(bucket.total()));
            assertThat(total).isEqualTo(Long.toString(SaleKeys.bucketStock(stock, buckets, i)));
            List<String> winners = redis.callAt(bucket.user(), jedis -> jedis.lrange(bucket.user(), 0, -1));
            for (String id : winners) {
                assertThat(SaleKeys.bucketOf(id, buckets)).as(id).isEqualTo(i);
                assertThat(everyone.add(id)).as("%s won twice", id).isTrue();
            }
            long num = Long.parseLong(redis.callAt(bucket.num(), jedis -> jedis.get(bucket.num())));
            assertThat(winners).hasSize((int) num);
            sold += num;
        }
        assertThat(sold).isLessThanOrEqualTo(stock).isEqualTo(everyone.size())
                .isEqualTo(joined.state().sold())
                .isEqualTo(opened.metrics().usersWon() + joined.metrics().usersWon());
        SaleKeys whole = new SaleKeys(prefix);
        String recorded = redis.callAt(whole.meta(), jedis -> jedis.hget(whole.meta(), "buckets"));
        assertThat(recorded).isEqualTo(Integer.toString(buckets));
    }
}
