package seckill.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import seckill.redis.KeyedCalls;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;

/** The CSV's bytes, written straight into the sale's lists so that every odd case is there. */
class WinnersCsvTest {
    private final RedisConnection redis = TestRedis.connection();
    private final SaleKeys sale = new SaleKeys(TestRedis.prefix("csv"));

    @TempDir
    Path dir;

    @AfterEach
    void deleteOwnKeys() {
        try (Jedis jedis = redis.borrow()) {
            new SaleBuckets(sale, 3).reset(jedis);
            new SaleBuckets(sale, 1).reset(jedis);
        }
    }

    @Test
    void oneSaleQuotesOddIdsAndLeavesUnreadableTimesEmpty() throws Exception {
        try (Jedis jedis = redis.borrow()) {
            jedis.hset(sale.meta(), "opened_ms", "1000");
            jedis.rpush(sale.user(), "u1", "a,b", "q\"x", "line\nbreak", "no-time");
            jedis.rpush(sale.times(), "1005", "1010", "not-a-number", "1020");
        }
        Path file = dir.resolve("one.csv");

        assertThat(WinnersCsv.export(calls(), List.of(sale), file)).isEqualTo(5);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(WinnersCsv.HEADER + "\n"
                + "1,u1,1005,5\n"
                + "2,\"a,b\",1010,10\n"
                + "3,\"q\"\"x\",,\n"
                + "4,\"line\nbreak\",1020,20\n"
                + "5,no-time,,\n");
    }

    @Test
    void aLongListIsReadAcrossChunksInOrder() throws Exception {
        List<String> expected = new ArrayList<>(List.of(WinnersCsv.HEADER));
        try (Jedis jedis = redis.borrow()) {
            // no opening recorded: the last column stays empty
            for (int from = 0; from < 25_000; from += 5_000) {
                String[] users = new String[5_000];
                String[] times = new String[5_000];
                for (int i = 0; i < users.length; i++) {
                    users[i] = "u" + (from + i);
                    times[i] = Long.toString(2_000_000L + from + i);
                    expected.add((from + i + 1) + "," + users[i] + "," + times[i] + ",");
                }
                jedis.rpush(sale.user(), users);
                jedis.rpush(sale.times(), times);
            }
        }
        Path file = dir.resolve("long.csv");

        assertThat(WinnersCsv.export(calls(), List.of(sale), file)).isEqualTo(25_000);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", expected) + "\n");
    }

    @Test
    void bucketsAreMergedByPurchaseTimeSinceTheEarliestOpening() throws Exception {
        List<SaleKeys> buckets = sale.buckets(3);
        // per bucket, in order: (id, time); ties go to the lower bucket, an unreadable time comes first
        long[][] times = {{105, 110, 130}, {100, 110, 120}, {-1, 140}};
        try (Jedis jedis = redis.borrow()) {
            jedis.hset(buckets.get(0).meta(), "opened_ms", "90");
            jedis.hset(buckets.get(1).meta(), "opened_ms", "80");
            jedis.hset(buckets.get(2).meta(), "opened_ms", "garbage");
            for (int b = 0; b < times.length; b++) {
                for (int i = 0; i < times[b].length; i++) {
                    jedis.rpush(buckets.get(b).user(), "b" + b + "-" + i);
                    jedis.rpush(buckets.get(b).times(), times[b][i] < 0 ? "?" : Long.toString(times[b][i]));
                }
            }
        }
        Path file = dir.resolve("buckets.csv");

        assertThat(WinnersCsv.export(calls(), buckets, file)).isEqualTo(8);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(WinnersCsv.HEADER + "\n"
                + "1,b2-0,,\n"
                + "2,b1-0,100,20\n"
                + "3,b0-0,105,25\n"
                + "4,b0-1,110,30\n"
                + "5,b1-1,110,30\n"
                + "6,b1-2,120,40\n"
                + "7,b0-2,130,50\n"
                + "8,b2-1,140,60\n");
    }

    @Test
    void bucketsLongerThanAChunkStayInOrder() throws Exception {
        List<SaleKeys> buckets = sale.buckets(3);
        List<String> expected = new ArrayList<>(List.of(WinnersCsv.HEADER));
        try (Jedis jedis = redis.borrow()) {
            // a chunk is a third of 10,000 here: bucket 1 needs three of them
            for (int i = 0; i < 7_000; i++) {
                jedis.rpush(buckets.get(1).user(), "w" + i);
                jedis.rpush(buckets.get(1).times(), Long.toString(500 + i));
                expected.add((i + 1) + ",w" + i + "," + (500 + i) + ",");
            }
        }
        Path file = dir.resolve("long-buckets.csv");

        assertThat(WinnersCsv.export(calls(), buckets, file)).isEqualTo(7_000);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", expected) + "\n");
    }

    @Test
    void noWinnersIsTheHeaderAlone() throws Exception {
        Path one = dir.resolve("none.csv");
        Path split = dir.resolve("none-buckets.csv");

        assertThat(WinnersCsv.export(calls(), List.of(sale), one)).isZero();
        assertThat(WinnersCsv.export(calls(), sale.buckets(3), split)).isZero();
        assertThat(Files.readString(one, StandardCharsets.UTF_8)).isEqualTo(WinnersCsv.HEADER + "\n");
        assertThat(Files.readString(split, StandardCharsets.UTF_8)).isEqualTo(WinnersCsv.HEADER + "\n");
    }

    private KeyedCalls calls() {
        return new KeyedCalls() {
            @Override
            public <T> T at(String key, Function<Jedis, T> work) {
                return redis.callAt(key, work);
            }
        };
    }
}
