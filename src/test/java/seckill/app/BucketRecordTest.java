package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;

/**
 * What {@code {T}:kill_meta} records of a sale split into buckets, and what each bucket records of its sale: a bucket
 * is never run on its own, a sale opened anew leaves no bucket behind, reset finds every bucket, and a record changed
 * by hand is named (exit 2), never read as another sale.
 */
@Tag("faults")
@DisplayName("The record of a sale's buckets")
class BucketRecordTest {
    private static final int MOST_BUCKETS_USED = 8;

    private final String prefix = TestRedis.prefix("bucket-record");
    private final SaleKeys keys = new SaleKeys(prefix);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void deleteOwnKeys() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.del(ownKeys().toArray(String[]::new));
        }
    }

    /** Every key this test's sale and its buckets can have; 0 to 1,023 for a record of 1,024. */
    private List<String> ownKeys() {
        List<String> all = new ArrayList<>(keys.all());
        for (int i = 0; i < 1_024; i++) {
            all.addAll(keys.bucket(i).all());
        }
        return all;
    }

    private long ownKeysInRedis() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            return jedis.exists(ownKeys().toArray(String[]::new));
        }
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--redis", TestRedis.url()));
        return SeckillCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    private void open(int buckets, int stock) {
        assertThat(cli("run", "--prefix", prefix, "--buckets", Integer.toString(buckets), "--stock",
                Integer.toString(stock), "--users", "30", "--pool", "4", "--seed", "3", "--strategy", "lua"))
                .as(err.toString()).isZero();
    }

    private void assertRefused(int code, String... named) {
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(named).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("WRONGTYPE");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    /**
     * Redis itself, bucket by bucket: winners there are, each bucket's list matches its count and stock, and no
     * user is among the winners of two buckets (or twice in one).
     */
    private void assertNobodyWonTwice(int buckets) {
        List<String> winners = new ArrayList<>();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            for (SaleKeys bucket : keys.buckets(buckets)) {
                List<String> own = jedis.lrange(bucket.user(), 0, -1);
                assertThat((long) own.size()).isEqualTo(jedis.llen(bucket.user()))
                        .isEqualTo(Long.parseLong(jedis.get(bucket.num())))
                        .isLessThanOrEqualTo(Long.parseLong(jedis.get(bucket.total())));
                winners.addAll(own);
            }
        }
        assertThat(winners).isNotEmpty();
        Set<String> distinct = new HashSet<>(winners);
        assertThat(winners).as("users who won twice").hasSameSizeAs(distinct);
    }

    @ParameterizedTest(name = "run {0}")
    @ValueSource(strings = {"--join", "--stock=10"})
    void aRunOnOneBucketsOwnPrefixIsRefusedNamingItsSale_soNobodyWinsInTwoBuckets(String how) {
        open(4, 400);
        String bucket = keys.bucket(1).prefix();
        assertRefused(cli("run", "--prefix", bucket, how, "--users", "200", "--pool", "4", "--seed", "5",
                "--strategy", "lua"), "'" + bucket + "'", "bucket 1 of the sale under prefix '" + prefix + "'",
                "--prefix '" + prefix + "'");
        assertThat(cli("run", "--prefix", prefix, "--join", "--users", "200", "--pool", "4", "--seed", "5",
                "--strategy", "lua")).as(err.toString()).isZero();
        assertNobodyWonTwice(4);
        assertThat(cli("audit", "--prefix", prefix)).as(out.toString()).isZero();
    }

    @ParameterizedTest(name = "8 buckets, then {0}")
    @ValueSource(ints = {4, 1})
    void aSaleOpenedAgainWithFewerBucketsLeavesNoneOfTheOldOnes(int fewer) {
        open(MOST_BUCKETS_USED, 80);
        open(fewer, 400);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            for (int i = fewer == 1 ? 0 : fewer; i < MOST_BUCKETS_USED; i++) {
                assertThat(jedis.exists(keys.bucket(i).all().toArray(String[]::new))).as("bucket " + i).isZero();
            }
            long stock = 0;
            for (SaleKeys bucket : keys.buckets(fewer)) {
                stock += Long.parseLong(jedis.get(bucket.total()));
            }
            assertThat(stock).isEqualTo(400);
        }
        assertNobodyWonTwice(fewer);
        assertThat(cli("status", "--prefix", prefix)).isZero();
        assertThat(out.toString()).contains("Sold        30 / 400");
        assertThat(cli("reset", "--prefix", prefix)).isZero();
        assertThat(ownKeysInRedis()).isZero();
    }

    @Test
    void aKillMetaOfTheWrongTypeIsNamed_andResetStillDeletesEveryBucket() {
        open(4, 40);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.del(keys.meta());
            jedis.set(keys.meta(), "not a hash");
        }
        assertThat(ownKeysInRedis()).isEqualTo(33);
        for (String command : new String[] {"status", "audit"}) {
            assertRefused(cli(command, "--prefix", prefix), keys.meta(), "is a string, but a sale needs a hash");
        }
        assertRefused(cli("status", "--prefix", prefix, "--json"), keys.meta());
        assertRefused(cli("run", "--prefix", prefix, "--join", "--users", "5"), keys.meta());
        assertThat(cli("reset", "--prefix", prefix)).as(err.toString()).isZero();
        assertThat(out.toString()).contains(keys.meta()).contains("Deleted 33 key(s)");
        assertThat(ownKeysInRedis()).isZero();
    }

    @Test
    void aRecordOfFewerBucketsThanTheSaleHasIsNamed_notReadAsHalfTheSale() {
        open(4, 40);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.hset(keys.meta(), "buckets", "2");
        }
        for (String command : new String[] {"status", "audit"}) {
            assertRefused(cli(command, "--prefix", prefix), keys.meta(), "records 2 bucket(s)",
                    "'" + keys.bucket(2).prefix() + "'");
            assertThat(out.toString()).doesNotContain("✔");
        }
        assertRefused(cli("run", "--prefix", prefix, "--join", "--users", "5"), keys.meta(), "records 2 bucket(s)");
        assertThat(cli("reset", "--prefix", prefix)).as(err.toString()).isZero();
        assertThat(ownKeysInRedis()).isZero();
    }

    @Test
    void aRecordOfMoreBucketsThanTheSaleHasIsNamed_notReadAsANegativeStock() {
        open(4, 40);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.hset(keys.meta(), "buckets", "1024");
        }
        for (String command : new String[] {"status", "audit"}) {
            assertRefused(cli(command, "--prefix", prefix), keys.meta(), "records 1024 buckets",
                    "'" + keys.bucket(1_023).prefix() + "' does not exist");
            assertThat(out.toString()).doesNotContain("/ -");
        }
        assertThat(cli("reset", "--prefix", prefix)).as(err.toString()).isZero();
        assertThat(ownKeysInRedis()).isZero();
    }

    @ParameterizedTest(name = "{0} bucket(s), {1} = ''{2}''")
    @CsvSource({"1,opened_ms,abc", "1,duration_s,-1", "1,strategy,fast", "4,stock,lots", "4,opened_ms,1.5",
        "4,bucket,x", "4,bucket,7", "4,bucket_of,{other}:"})
    void everyFieldOfKillMetaIsCheckedAndNamed(int buckets, String field, String value) {
        open(buckets, 40);
        // one bucket: the sale's own record; more: bucket 1's
        String meta = buckets == 1 ? keys.meta() : keys.bucket(1).meta();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.hset(meta, field, value);
        }
        assertRefused(cli("status", "--prefix", prefix), meta, field + " '" + value + "'");
        assertRefused(cli("run", "--prefix", prefix, "--join", "--users", "5"), meta, field + " '" + value + "'");
        assertThat(cli("audit", "--prefix", prefix)).isNotZero();
        assertThat(out.toString() + err).contains(meta).contains(field + " '" + value + "'");
        assertThat(cli("reset", "--prefix", prefix)).as(err.toString()).isZero();
        assertThat(ownKeysInRedis()).isZero();
    }
}
