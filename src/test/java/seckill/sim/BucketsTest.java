package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.CountingSocketFactory;
import seckill.redis.KeyedCalls;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeyException;
import seckill.sale.SaleKeys;
import seckill.sale.SaleReader;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;

/** A sale split into buckets: every safe strategy per bucket, nobody in two buckets, the totals exact. */
class BucketsTest {
    private final RedisConnection redis = TestRedis.connection();
    private final List<SaleBuckets> sales = new ArrayList<>();

    @AfterEach
    void deleteOwnKeys() {
        try (Jedis jedis = redis.borrow()) {
            sales.forEach(s -> s.reset(jedis));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void noUserWinsInTwoBuckets_andTheTotalsAreExact_underARandomMixOfUsersAndRetries(StrategyKind kind) {
        SplittableRandom random = new SplittableRandom(kind.ordinal() + 14);
        for (int round = 0; round < 3; round++) {
            BucketMix.playAndCheck(redis, TestRedis.prefix("buckets"), kind, random, sales);
        }
    }

    /** A Lua sale of the test's own in that many buckets, without retries. */
    private SimulationConfig luaSale(int buckets, long stock, long users, int pool, long seed) {
        String prefix = TestRedis.prefix("buckets");
        sales.add(new SaleBuckets(new SaleKeys(prefix), buckets));
        return SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA).buckets(buckets)
                .load(stock, users, pool, 0).seed(seed).build();
    }

    @Test
    void stockLeftInOneBucketWhileAnotherSoldOutIsCountedAsWhatBucketingCost() {
        // few users for the stock: their buckets sell out unevenly
        SimulationConfig c = luaSale(8, 16, 40, 8, 3);
        SimulationResult r = new Simulation(c, redis).run();
        assertThat(r.auditHolds()).isTrue();
        long left = r.bucketStates().stream().mapToLong(s -> s.stockLeft()).sum();
        boolean oneSoldOut = r.bucketStates().stream().anyMatch(s -> s.stockLeft() == 0);
        assertThat(r.bucketUnsold()).isEqualTo(oneSoldOut ? left : 0);
        assertThat(r.state().sold() + left).isEqualTo(16);
    }

    @Test
    void strategiesComparedEachSellInBucketsOfTheirOwn() {
        String prefix = TestRedis.prefix("buckets");
        List<StrategyKind> kinds = List.of(StrategyKind.WATCH, StrategyKind.LUA, StrategyKind.DECR);
        kinds.forEach(k -> sales.add(new SaleBuckets(Comparison.saleKeys(prefix, k), 4)));
        SimulationConfig base = SimulationConfig.builder().prefix(prefix).buckets(4).load(40, 600, 16, 1000).seed(7)
                .build();
        ComparisonResult compared = new Comparison(base, kinds, Comparison.Mode.AT_ONCE, redis, null).run();
        try (Jedis jedis = redis.borrow()) {
            for (int s = 0; s < kinds.size(); s++) {
                SimulationResult r = compared.results().get(s);
                assertThat(r.audit().violations()).as(kinds.get(s).cliName()).isEmpty();
                assertThat(r.state().sold()).isEqualTo(40);
                assertThat(r.bucketStates()).hasSize(4).allMatch(b -> b.total() == 10);
                // the strategy's bucket i lives under the tag numbered i, the strategy's name after it
                SaleKeys bucket = Comparison.saleKeys(prefix, kinds.get(s)).bucket(3);
                assertThat(bucket.prefix()).endsWith(".3}:" + kinds.get(s).cliName() + ":");
                assertThat(jedis.get(bucket.num())).isEqualTo("10");
            }
        }
    }

    @Test
    void joiningWithAnotherNumberOfBucketsIsRefusedBeforeItSells() {
        SimulationConfig c = luaSale(4, 40, 10, 2, 5);
        String prefix = c.prefix();
        new Simulation(c, redis).run();
        for (int other : new int[] {1, 2, 8}) {
            SimulationConfig join = c.toBuilder().join(true).buckets(other).build();
            assertThatThrownBy(() -> new Simulation(join, redis).run()).isInstanceOf(SaleKeyException.class)
                    .hasMessageContaining("split into 4 bucket(s) and --buckets says " + other);
        }
        try (Jedis jedis = redis.borrow()) {
            assertThat(SaleBuckets.sum(new SaleBuckets(new SaleKeys(prefix), 4).read(jedis)).sold()).isEqualTo(10);
        }
    }

    @Test
    void everyBucketIsReadInOneRoundTrip_figuresAndNewWinners_evenAThousandAndTwentyFour() {
        int n = (int) ConfigField.BUCKETS.max();
        SimulationConfig c = luaSale(n, 2 * n + 100, 3 * n, 50, 7);
        SimulationResult r = new Simulation(c, redis).run();
        assertThat(r.auditHolds()).isTrue();
        SaleBuckets sale = new SaleBuckets(c.keys(), n);
        CountingSocketFactory counted = new CountingSocketFactory(redis);
        try (Jedis jedis = counted.connect()) {
            long[] next = new long[n];
            long tripsBefore = counted.roundTrips();
            List<SaleState> states = sale.read(KeyedCalls.on(jedis), next, SaleReader.DEFAULT_BATCH);
            assertThat(counted.roundTrips() - tripsBefore).as("one round trip for all").isEqualTo(1);
            assertThat(states).hasSize(n);
            assertThat(states).extracting(SaleState::sold)
                    .containsExactlyElementsOf(r.bucketStates().stream().map(SaleState::sold).toList());
            Set<String> winners = new HashSet<>();
            for (int i = 0; i < n; i++) {
                SaleState s = states.get(i);
                assertThat(s.total()).isEqualTo(SaleKeys.bucketStock(c.stock(), n, i));
                // a share of the batch each (5,000 / 1,024: four), any more on the next read
                assertThat(s.newWinners()).hasSize((int) Math.min(s.winners(), SaleReader.DEFAULT_BATCH / n));
                int bucket = i;
                assertThat(s.newWinners()).allSatisfy(id -> assertThat(SaleKeys.bucketOf(id, n)).isEqualTo(bucket));
                winners.addAll(s.newWinners());
                next[i] = s.nextIndex();
            }
            long sentWhole = counted.bytesOut();
            List<SaleState> rest = sale.read(KeyedCalls.on(jedis), next, SaleReader.DEFAULT_BATCH);
            sentWhole = counted.bytesOut() - sentWhole;
            rest.forEach(s -> winners.addAll(s.newWinners()));
            assertThat(winners).hasSize((int) r.state().winners());
            assertThat(SaleBuckets.sum(rest).sold()).isEqualTo(r.state().sold());

            // what selling changes, asked alone: the same figures, in one round trip, for a fraction of the bytes
            long sentSince = counted.bytesOut();
            tripsBefore = counted.roundTrips();
            List<SaleState> since = sale.readSince(KeyedCalls.on(jedis), rest, next, SaleReader.DEFAULT_BATCH);
            sentSince = counted.bytesOut() - sentSince;
            assertThat(counted.roundTrips() - tripsBefore).isEqualTo(1);
            for (int i = 0; i < n; i++) {
                SaleState was = rest.get(i);
                SaleState now = since.get(i);
                assertThat(List.of(now.total(), now.sold(), now.winners(), now.openedMs(), now.nextIndex()))
                        .isEqualTo(List.of(was.total(), was.sold(), was.winners(), was.openedMs(), was.nextIndex()));
                assertThat(now.ttlMillis()).isBetween(0L, was.ttlMillis());
            }
            assertThat(sentSince).isLessThan(sentWhole / 3);
        }
    }

    @Test
    void readingOnlyWhatChangedBringsTheWinnersSoldSince_onTheReadAfter() {
        SimulationConfig c = luaSale(4, 40, 20, 4, 9);
        SaleBuckets sale = new SaleBuckets(c.keys(), 4);
        try (Jedis jedis = redis.borrow()) {
            sale.open(KeyedCalls.on(jedis), 40, 600, StrategyKind.LUA);
            long[] next = new long[4];
            List<SaleState> first = sale.read(KeyedCalls.on(jedis), next, SaleReader.DEFAULT_BATCH);
            assertThat(first).hasSize(4).allSatisfy(s -> assertThat(s.winners()).isZero());
            new Simulation(c.toBuilder().join(true).build(), redis).run();
            // the counts come at once; the winners of a bucket not known to have any, on the next read
            List<SaleState> counts = sale.readSince(KeyedCalls.on(jedis), first, next, SaleReader.DEFAULT_BATCH);
            assertThat(SaleBuckets.sum(counts).sold()).isEqualTo(20);
            assertThat(counts).hasSize(4).allSatisfy(s -> assertThat(s.newWinners()).isEmpty());
            List<SaleState> winners = sale.readSince(KeyedCalls.on(jedis), counts, next, SaleReader.DEFAULT_BATCH);
            assertThat(winners.stream().mapToLong(s -> s.newWinners().size()).sum()).isEqualTo(20);
            assertThat(winners).extracting(SaleState::total).containsExactly(10L, 10L, 10L, 10L);
        }
    }

    @Test
    void bucketsNumberTheHashTag_andSplitTheStockEvenly() {
        assertThat(new SaleKeys("{sale}:").bucket(0).total()).isEqualTo("{sale.0}:kill_total");
        assertThat(new SaleKeys("shop:{sale}:").bucket(11).user()).isEqualTo("shop:{sale.11}:kill_user");
        assertThat(new SaleKeys("{sale}:").buckets(1)).containsExactly(new SaleKeys("{sale}:"));
        assertThat(List.of(0, 1, 2, 3).stream().map(i -> SaleKeys.bucketStock(10, 4, i)).toList())
                .containsExactly(3L, 3L, 2L, 2L);
        assertThatThrownBy(() -> SimulationConfig.builder().prefix("shop:").buckets(4).build())
                .hasMessageContaining("--buckets").hasMessageContaining("--prefix '{shop}:'");
        assertThatThrownBy(() -> SimulationConfig.builder().prefix("{s}:").stock(3).buckets(4).build())
                .hasMessageContaining("--buckets must be at most --stock");
    }
}
