package seckill.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.app.CliSession;
import seckill.redis.LocalCluster;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.redis.RedisConnector;
import seckill.sale.SaleState;
import seckill.service.PollSnapshot;
import seckill.service.PollStream;
import seckill.service.RedisLabService;
import seckill.service.SaleRun;
import seckill.sim.BucketMix;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * A sale in buckets on a Redis Cluster of three masters of the test's own: the buckets' tags fall in slots spread
 * over the masters, each bucket's commands go to its own master on either engine and every safe strategy sells
 * exactly the stock; nobody wins in two buckets under a random mix of users and retries; and status, audit, reset
 * and --compare work there, saying which master holds each bucket.
 */
@Tag("faults")
class ClusterBucketsTest {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.forClass(3, 0);

    private final CliSession cli = new CliSession();
    private final List<SaleBuckets> made = new ArrayList<>();
    private RedisConnection connection;

    @AfterEach
    void resetAndClose() {
        if (connection != null) {
            made.forEach(sale -> connection.callKeyed(sale::reset));
            connection.close();
        }
    }

    /** Bucket i's master as the cluster's slot map says, {@code host:port}. */
    private static String masterOf(SaleKeys bucket) {
        return "127.0.0.1:" + cluster.ownerOf(LocalCluster.slotOf(bucket.total())).port();
    }

    private static List<String> mastersOf(String prefix, int buckets) {
        return new SaleKeys(prefix).buckets(buckets).stream().map(ClusterBucketsTest::masterOf).toList();
    }

    @Test
    void theBucketsSpreadOverTheMasters_andTheReportSaysWhichHoldsEach(@TempDir Path dir) throws Exception {
        String prefix = "{s}:";
        Path report = dir.resolve("r.json");
        assertThat(cli.run("run", "--redis", cluster.url(), "--prefix", prefix, "--buckets", "8", "--strategy", "lua",
                "--stock", "80", "--users", "800", "--pool", "20", "--report", report.toString()))
                .as(cli.err()).isZero();
        List<String> expected = mastersOf(prefix, 8);
        assertThat(expected.stream().distinct().count()).as(expected.toString()).isGreaterThan(1);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        List<String> reported = new ArrayList<>();
        json.get("bucket_masters").forEach(m -> reported.add(m.asText()));
        assertThat(reported).isEqualTo(expected);
        // a line per master, listing the buckets it holds
        for (String master : expected.stream().distinct().toList()) {
            String held = String.join(", ", IntStream.range(0, 8).filter(i -> expected.get(i).equals(master))
                    .mapToObj(Integer::toString).toList());
            assertThat(cli.out()).containsPattern(master + "  buckets [-0-9, ]+ \\(" + held.split(", ").length
                    + "\\)");
        }
        assertThat(cli.out()).contains("Sold        80 / 80").contains("the 8 buckets on "
                + expected.stream().distinct().count() + " masters");
        // every bucket's eight keys are on its own master, and only there
        for (SaleKeys bucket : new SaleKeys(prefix).buckets(8)) {
            for (PrivateRedis master : cluster.masters()) {
                try (Jedis jedis = master.admin()) {
                    boolean owns = masterOf(bucket).equals("127.0.0.1:" + master.port());
                    assertThat(jedis.clusterCountKeysInSlot(LocalCluster.slotOf(bucket.total()))).as(bucket.prefix())
                            .isEqualTo(owns ? 8 : 0);
                }
            }
        }
        assertThat(cli.run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"watch, threads", "lua, threads", "decr, threads", "watch, loop", "lua, loop", "decr, loop"})
    void everySafeStrategySellsExactlyTheStockInBuckets(String strategy, String engine) {
        String prefix = "{b." + strategy + "." + engine + "}:";
        assertThat(cli.run("run", "--redis", cluster.url(), "--prefix", prefix, "--buckets", "8", "--strategy",
                strategy, "--engine", engine, "--stock", "80", "--users", "800", "--pool", "20", "--retries", "1000"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("Sold        80 / 80").contains("Buckets     8: 10/10, 10/10")
                .contains("✔ nothing oversold");
        assertThat(cli.run("audit", "--redis", cluster.url(), "--prefix", prefix)).as(cli.out()).isZero();
        assertThat(cli.run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void noUserWinsInTwoBuckets_underARandomMixOfUsersAndRetries(StrategyKind kind) {
        connection = cluster.nodes().get(0).connect(8, Duration.ofSeconds(10));
        SplittableRandom random = new SplittableRandom(kind.ordinal() + 41);
        for (int round = 0; round < 2; round++) {
            BucketMix.playAndCheck(connection, "{mix." + kind.cliName() + "." + round + "}:", kind, random, made);
        }
    }

    @Test
    void statusAuditAndResetFindEachBucketOnItsMaster() throws Exception {
        String prefix = "{cli}:";
        List<String> masters = mastersOf(prefix, 8);
        assertThat(cli.run("run", "--redis", cluster.url(), "--prefix", prefix, "--buckets", "8", "--strategy",
                "decr", "--stock", "40", "--users", "600", "--pool", "10")).as(cli.err()).isZero();
        // keys that are not the sale's, beside its buckets: a ninth bucket's and one under the sale's own tag
        SaleKeys ninth = new SaleKeys(prefix).bucket(8);
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(ninth.total())).admin()) {
            jedis.set(ninth.total(), "5");
        }
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(prefix)).admin()) {
            jedis.set(prefix + "other", "kept");
        }
        Map<Integer, Long> before = keysPerMaster();

        // no --buckets: the number the sale recorded on the master of its own tag
        assertThat(cli.run("status", "--redis", cluster.url(), "--prefix", prefix, "--json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());
        assertThat(status.get("sold").asLong()).isEqualTo(40);
        assertThat(status.get("buckets").asInt()).isEqualTo(8);
        List<String> reported = new ArrayList<>();
        status.get("bucket_masters").forEach(m -> reported.add(m.asText()));
        assertThat(reported).isEqualTo(masters);
        assertThat(cli.run("status", "--redis", cluster.url(), "--prefix", prefix)).isZero();
        assertThat(cli.out()).contains("Buckets     8: 5/5").contains("Masters     127.0.0.1:");
        assertThat(cli.run("audit", "--redis", cluster.url(), "--prefix", prefix)).as(cli.out()).isZero();
        assertThat(cli.out()).contains("and 7 more bucket(s)").contains("Sold        40 / 40").contains("✔");

        assertThat(cli.run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
        // eight keys a bucket (every bucket sold, so has winners) and the record of the split
        assertThat(cli.out()).contains("Deleted 65 key(s)");
        Map<Integer, Long> after = keysPerMaster();
        Map<Integer, Long> deleted = new HashMap<>();
        before.forEach((port, n) -> deleted.put(port, n - after.get(port)));
        Map<Integer, Long> expected = new HashMap<>();
        before.keySet().forEach(port -> expected.put(port, 0L));
        masters.forEach(m -> expected.merge(Integer.parseInt(m.substring(m.indexOf(':') + 1)), 8L, Long::sum));
        expected.merge(cluster.ownerOf(LocalCluster.slotOf(prefix)).port(), 1L, Long::sum);
        assertThat(deleted).isEqualTo(expected);
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(ninth.total())).admin()) {
            assertThat(jedis.get(ninth.total())).isEqualTo("5");
            jedis.del(ninth.total());
        }
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(prefix)).admin()) {
            assertThat(jedis.get(prefix + "other")).isEqualTo("kept");
            jedis.del(prefix + "other");
        }
    }

    private static Map<Integer, Long> keysPerMaster() {
        Map<Integer, Long> keys = new HashMap<>();
        for (PrivateRedis master : cluster.masters()) {
            try (Jedis jedis = master.admin()) {
                keys.put(master.port(), jedis.dbSize());
            }
        }
        return keys;
    }

    @Test
    void theReportsOfRunsThatJoinedASaleInBucketsMerge_andItIsReadOnEachMaster(@TempDir Path dir) {
        String prefix = "{merge.b}:";
        assertThat(cli.run("run", "--redis", cluster.url(), "--prefix", prefix, "--buckets", "8", "--strategy",
                "decr", "--stock", "80", "--users", "1")).as(cli.err()).isZero();
        String[] merge = {"merge", dir.resolve("g0.json").toString(), dir.resolve("g1.json").toString()};
        for (int g = 0; g < 2; g++) {
            assertThat(cli.run("run", "--redis", cluster.url(), "--prefix", prefix, "--join", "--strategy", "decr",
                    "--users", "300", "--pool", "10", "--seed", Integer.toString(5 + g), "--report", merge[g + 1]))
                    .as(cli.err()).isZero();
        }
        assertThat(cli.run(merge)).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Sold        80 / 80").contains("Users       600: 79 won");
        assertThat(cli.run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
    }

    @Test
    void withoutAPrefixTheBucketsNumberTheSeckillTag() {
        assertThat(cli.run("run", "--redis", cluster.url(), "--buckets", "4", "--strategy", "lua", "--stock", "8",
                "--users", "400")).as(cli.err()).isZero();
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf("{seckill.3}")).admin()) {
            assertThat(jedis.get("{seckill.3}:kill_num")).isEqualTo("2");
        }
        assertThat(cli.run("reset", "--redis", cluster.url())).isZero();
        assertThat(cli.out()).contains("Deleted 33 key(s) of the sale under prefix '{seckill}:'");
    }

    @Test
    void strategiesComparedEachSellInBucketsOfTheirOwn() {
        String prefix = "{cmp.b}:";
        assertThat(cli.run("run", "--redis", cluster.url(), "--prefix", prefix, "--buckets", "4", "--compare",
                "naive,watch,lua,decr", "--stock", "40", "--users", "600", "--pool", "10", "--retries", "1000"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("Buckets     4").contains("Masters     127.0.0.1:");
        assertThat(cli.run("audit", "--redis", cluster.url(), "--prefix", prefix, "--compare", "watch,lua,decr"))
                .as(cli.out()).isZero();
        assertThat(cli.out()).contains("Sold        40 / 40, winners 40 (40 distinct)");
        assertThat(cli.run("reset", "--redis", cluster.url(), "--prefix", prefix, "--compare",
                "naive,watch,lua,decr")).isZero();
    }

    @Test
    void theDashboardsServiceRunsWatchesAuditsExportsAndResetsASaleInBucketsOnEveryMaster(@TempDir Path dir)
            throws Exception {
        String prefix = "{dash.b}:";
        SaleKeys keys = new SaleKeys(prefix);
        assertThat(mastersOf(prefix, 6).stream().distinct().count()).as("a spread to show").isGreaterThan(1);
        List<PollSnapshot> seen = new CopyOnWriteArrayList<>();
        try (RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment())) {
            service.connect(cluster.url(), false, Duration.ofSeconds(5));
            SaleRun run = service.startSale(SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA)
                    .load(60, 400, 10, 0).buckets(6).build());
            SimulationResult r;
            try (PollStream stream = service.watch(keys, seen::add)) {
                stream.follow(run.metrics());
                r = run.result().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
                assertThat(r.auditHolds()).as(r.audit().violations().toString()).isTrue();
                await("the poller's last read").atMost(Duration.ofSeconds(20)).until(() -> {
                    PollSnapshot last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
                    return last != null && !last.isLost() && last.buckets().size() == 6
                            && last.state().sold() == 60;
                });
            }
            PollSnapshot last = seen.get(seen.size() - 1);
            assertThat(last.buckets()).extracting(SaleState::total).containsExactly(10L, 10L, 10L, 10L, 10L, 10L);
            assertThat(last.buckets()).extracting(SaleState::sold)
                    .containsExactlyElementsOf(r.bucketStates().stream().map(SaleState::sold).toList());
            assertThat(service.audit(keys).ok()).isTrue();
            Path csv = dir.resolve("winners.csv");
            assertThat(service.exportWinners(keys, csv)).isEqualTo(60);
            assertThat(Files.readAllLines(csv)).hasSize(61);
            // six buckets of eight keys each on their masters, and the record of the split
            assertThat(service.reset(keys)).isEqualTo(6 * 8 + 1);
        }
    }
}
