package seckill.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import redis.clients.jedis.Jedis;
import seckill.app.CliProcess;
import seckill.app.SeckillCli;
import seckill.redis.LocalCluster;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.SaleKeys;
import seckill.service.LabService;
import seckill.service.RedisLabService;
import seckill.redis.RedisConnector;

/**
 * The command line on a Redis Cluster of three masters of the test's own: every safe strategy sells exactly the
 * stock on either engine, the sale's keys share one slot (a hash tag, {@code {seckill}:} by default), a prefix
 * without a tag is refused before the sale, and status, audit, reset, --compare and the service's cluster view work
 * there.
 */
@Tag("faults")
class ClusterSaleTest {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.forClass(3, 0);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SeckillCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"watch", "lua", "decr"})
    void everySafeStrategySellsExactlyTheStock(String strategy) {
        String prefix = "{sell." + strategy + "}:";
        assertThat(run("run", "--redis", cluster.url(), "--prefix", prefix, "--strategy", strategy, "--stock", "60",
                "--users", "400", "--pool", "20", "--retries", "1000")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sold        60 / 60");
        assertThat(run("audit", "--redis", cluster.url(), "--prefix", prefix)).as(out.toString()).isZero();
        assertThat(run("status", "--redis", cluster.url(), "--prefix", prefix, "--json")).isZero();
        assertThat(out.toString()).containsPattern("\"sold\" ?: ?60");
        // every key of the sale is on the master of its tag's slot
        PrivateRedis owner = cluster.ownerOf(LocalCluster.slotOf(prefix));
        try (Jedis jedis = owner.admin()) {
            assertThat(jedis.llen(new SaleKeys(prefix).user())).isEqualTo(60);
        }
        assertThat(run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
        try (Jedis jedis = owner.admin()) {
            assertThat(jedis.exists(new SaleKeys(prefix).total())).isFalse();
        }
    }

    @Test
    void generatorsInTheirOwnJvmsJoinAClustersSale_andMergeReadsSoldFromItsMaster(@TempDir Path dir)
            throws Exception {
        String prefix = "{merged}:";
        assertThat(run("run", "--redis", cluster.url(), "--prefix", prefix, "--strategy", "lua", "--stock", "120",
                "--users", "1")).as(err.toString()).isZero();
        String start = Long.toString(System.currentTimeMillis() + 1_000);
        List<Process> generators = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            generators.add(CliProcess.start(dir.resolve("g" + g + ".out"), "run", "--redis", cluster.url(),
                    "--prefix", prefix, "--join", "--strategy", "lua", "--users", "150", "--pool", "8", "--seed",
                    Integer.toString(20 + g), "--start-at", start, "--report", dir.resolve("g" + g + ".json")
                    .toString()));
        }
        for (Process p : generators) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        assertThat(run("merge", dir.resolve("g0.json").toString(), dir.resolve("g1.json").toString()))
                .as(out + " " + err).isZero();
        // one item went to the opener's user, the rest to the generators'
        assertThat(out.toString()).contains("Sold        120 / 120").contains("Users       300: 119 won");
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(prefix)).admin()) {
            assertThat(jedis.llen(new SaleKeys(prefix).user())).isEqualTo(120);
        }
        assertThat(run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
    }

    @Test
    void withoutAPrefixTheSaleLivesUnderTheSeckillTag() {
        assertThat(run("run", "--redis", cluster.url(), "--strategy", "lua", "--stock", "10", "--users", "50"))
                .as(err.toString()).isZero();
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(SaleKeys.CLUSTER_PREFIX)).admin()) {
            assertThat(jedis.get("{seckill}:kill_num")).isEqualTo("10");
        }
        assertThat(run("reset", "--redis", cluster.url())).isZero();
        assertThat(out.toString()).contains("Deleted 8 key(s) of the sale under prefix '{seckill}:'");
    }

    @Test
    void aPrefixWithoutAHashTagIsRefusedBeforeTheSale() {
        assertThat(run("run", "--redis", cluster.url(), "--prefix", "flash:", "--users", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("hash tag").contains("--prefix '{flash}:'");
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf("flash:kill_total")).admin()) {
            assertThat(jedis.exists("flash:kill_total")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"watch", "lua", "decr"})
    void theEventLoopSellsExactlyTheStockToo(String strategy) {
        String prefix = "{loop." + strategy + "}:";
        assertThat(run("run", "--redis", cluster.url(), "--prefix", prefix, "--strategy", strategy, "--engine",
                "loop", "--stock", "60", "--users", "400", "--pool", "20", "--retries", "1000"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sold        60 / 60");
        assertThat(run("reset", "--redis", cluster.url(), "--prefix", prefix)).isZero();
    }

    @Test
    void strategiesComparedShareTheTagsSlot() {
        String prefix = "{cmp}:";
        assertThat(run("run", "--redis", cluster.url(), "--prefix", prefix, "--compare", "naive,watch,lua",
                "--stock", "20", "--users", "200", "--pool", "10", "--retries", "1000")).as(err.toString()).isZero();
        assertThat(run("audit", "--redis", cluster.url(), "--prefix", prefix, "--compare", "watch,lua")).isZero();
        assertThat(run("reset", "--redis", cluster.url(), "--prefix", prefix, "--compare", "naive,watch,lua"))
                .isZero();
    }

    @Test
    void theServiceShowsTheNodesAndTheMasterThatHoldsTheSale() {
        java.util.concurrent.atomic.AtomicReference<seckill.service.ClusterView> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment());
             LabService.ClusterWatch watch = service.watchCluster(seen::set)) {
            service.connect(cluster.url(), false, Duration.ofSeconds(5));
            service.reset(new SaleKeys("{panel}:"));
            PrivateRedis owner = cluster.ownerOf(LocalCluster.slotOf("{panel}"));
            await("a reading of the cluster").atMost(Duration.ofSeconds(20)).until(() -> seen.get() != null
                    && ("127.0.0.1:" + owner.port()).equals(seen.get().saleMaster()));
            assertThat(seen.get().nodes()).hasSize(3).allMatch(n -> n.master() && n.opsPerSec() >= 0);
            assertThat(seen.get().nodes().stream().mapToInt(n -> n.slots()).sum()).isEqualTo(LocalCluster.SLOTS);
        }
    }

    @Test
    void aSeedThatIsDownIsPassedOver() {
        String seeds = "redis://127.0.0.1:" + LocalCluster.freePort() + ","
                + cluster.url().substring("redis://".length());
        assertThat(run("run", "--redis", seeds, "--prefix", "{seeds}:", "--strategy", "lua", "--stock", "5",
                "--users", "20")).as(err.toString()).isZero();
        assertThat(run("reset", "--redis", seeds, "--prefix", "{seeds}:")).isZero();
    }

    @Test
    void aConnectionKnowsItIsOnACluster() {
        try (RedisConnection connection = cluster.nodes().get(0).connect(4, Duration.ofSeconds(5))) {
            assertThat(connection.isCluster()).isTrue();
            connection.aim("{x}:kill_total");
            PrivateRedis owner = cluster.ownerOf(LocalCluster.slotOf("{x}"));
            assertThat(connection.owner()).isEqualTo("127.0.0.1:" + owner.port());
        }
    }
}
