package seckill.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.LocalCluster;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.SaleInRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.AttemptLog;
import seckill.sim.ClientWins;
import seckill.sim.EngineKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/**
 * A sale on a Redis Cluster of three masters with a replica each, while its slot moves to another master and while
 * its master is killed (-9) and replaced by its replica. Nothing is oversold and nobody wins twice through either.
 * Before the kill the replica is made to fall behind (frozen, its link cut), so that purchases are lost with the
 * master: without {@code --wait-replicas} wins the buyers were told of are among them, and the result counts
 * exactly those; with {@code --wait-replicas 1} no buyer hears of a win the replica does not hold, and none is.
 */
@Tag("faults")
class ClusterFaultTest {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.forClass(3, 1);
    private RedisConnection connection;
    /** Every attempt of the sale last started, for what the client told its users. */
    private AttemptLog log;

    @AfterEach
    void closeConnection() {
        if (connection != null) {
            connection.close();
        }
    }

    /** A sale paced over a few seconds, so that a fault lands in its middle, with patience for a failover. */
    private static SimulationConfig sale(String prefix, int waitReplicas, EngineKind engine) {
        return SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA).stock(400).users(4_000)
                .pool(40).paceS(4).redisTimeoutS(30).waitReplicas(waitReplicas).engine(engine).seed(13).build();
    }

    private CompletableFuture<SimulationResult> start(SimulationConfig config) {
        connection = RedisConnection.open(cluster.nodes().stream().filter(PrivateRedis::isAlive).findFirst()
                .orElseThrow().target(), 8, Duration.ofSeconds(30), null);
        Simulation simulation = new Simulation(config, connection);
        log = ClientWins.record(simulation);
        return CompletableFuture.supplyAsync(simulation::run);
    }

    private static void awaitSold(PrivateRedis owner, SaleKeys keys, long atLeast) {
        await("items sold").atMost(Duration.ofSeconds(30)).until(() -> {
            try (Jedis jedis = owner.admin()) {
                String n = jedis.get(keys.num());
                return n != null && Long.parseLong(n) >= atLeast;
            }
        });
    }

    /** The sale's (or bucket's) winners, read on its master, once its invariants are checked there. */
    private static List<String> winners(SaleKeys keys) {
        try (Jedis jedis = cluster.ownerOf(LocalCluster.slotOf(keys.total())).admin()) {
            return SaleInRedis.check(jedis, keys).winners();
        }
    }

    /** Nothing oversold, nobody won twice, in the product's audit and in Redis; returns every winner Redis holds. */
    private static Set<String> assertSafe(SimulationResult result) {
        assertThat(result.endedBy()).as(String.valueOf(result.error())).isNotEqualTo(EndReason.ERROR);
        assertThat(result.state().oversold()).isZero();
        List<Problem.Kind> kinds = result.audit().violations().stream().map(Problem::kind).toList();
        assertThat(kinds).doesNotContain(Problem.Kind.OVERSOLD, Problem.Kind.WON_TWICE,
                Problem.Kind.WINNERS_MISMATCH);
        Set<String> everyone = new HashSet<>();
        for (SaleKeys bucket : result.config().keys().buckets(result.config().buckets())) {
            winners(bucket).forEach(id -> assertThat(everyone.add(id)).as("%s won twice", id).isTrue());
        }
        return everyone;
    }

    /** A sale's slot, or its first bucket's, moves mid-sale: its buyers follow it there, the other buckets' stay. */
    @ParameterizedTest(name = "{0}, {1} bucket(s)")
    @CsvSource({"THREADS, 1", "LOOP, 1", "THREADS, 8", "LOOP, 8"})
    void aSlotMovedToAnotherMasterMidSaleSellsExactlyTheStock(EngineKind engine, int buckets) {
        String tag = cluster.tagWhere("move." + engine.cliName() + "." + buckets, cluster::hasReplica);
        SimulationConfig config = sale(tag + ":", 0, engine).toBuilder().buckets(buckets).build();
        SaleKeys moved = config.keys().buckets(buckets).get(0);
        int slot = LocalCluster.slotOf(moved.total());
        PrivateRedis source = cluster.ownerOf(slot);
        PrivateRedis target = cluster.masters().stream().filter(n -> n != source).findFirst().orElseThrow();
        CompletableFuture<SimulationResult> running = start(config);
        awaitSold(source, moved, SaleKeys.bucketStock(400, buckets, 0) / 10);

        cluster.migrate(slot, source, target);

        SimulationResult result = running.join();
        Set<String> inRedis = assertSafe(result);
        assertThat(result.audit().ok()).as(result.audit().violations().toString()).isTrue();
        assertThat(result.state().sold()).isEqualTo(400);
        assertThat(inRedis).hasSize(400);
        assertThat(result.lostWins()).isZero();
        ClientWins.of(log).assertExactlyIn(inRedis);
        if (buckets == 1) {
            assertThat(connection.owner()).isEqualTo(address(target));
        } else {
            assertThat(result.bucketMasters().get(0)).isEqualTo(address(target));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineKind.class)
    void aMasterKilledMidSaleIsReplaced_andTheLostWinsAreCountedExactly(EngineKind engine) {
        SimulationResult result = killMasterMidSale("kill." + engine.cliName(), 0, engine);
        Set<String> inRedis = assertSafe(result);
        // the purchases after the replica fell behind are gone with the master: every lost win is really missing,
        // and every other acknowledged win is there
        assertThat(result.lostWins()).isPositive();
        assertLostExactly(result, inRedis);
        List<Problem.Kind> kinds = result.audit().violations().stream().map(Problem::kind).toList();
        assertThat(kinds.contains(Problem.Kind.LOST_WINS)).isEqualTo(result.lostWins() > 0);
    }

    @Test
    void withWaitReplicasAMasterKilledMidSaleLosesNoAcknowledgedWin() {
        SimulationResult result = killMasterMidSale("durable", 1, EngineKind.THREADS);
        Set<String> inRedis = assertSafe(result);
        assertThat(result.lostWins()).isZero();
        ClientWins.of(log).assertExactlyIn(inRedis);
        assertThat(result.audit().ok()).as(result.audit().violations().toString()).isTrue();
        assertThat(result.state().sold()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineKind.class)
    void aMasterKilledMidSaleInBucketsIsReplacedForItsBuckets_andTheLostWinsAreCountedExactly(EngineKind engine) {
        SimulationConfig config = sale("{kill.buckets." + engine.cliName() + "}:", 0, engine).toBuilder().buckets(8)
                .build();
        List<SaleKeys> buckets = config.keys().buckets(8);
        PrivateRedis master = cluster.ownerOf(LocalCluster.slotOf(buckets.get(0).total()));
        List<String> before = buckets.stream().map(b -> address(cluster.ownerOf(LocalCluster.slotOf(b.total()))))
                .toList();
        assertThat(before.stream().distinct().count()).as(before.toString()).isGreaterThan(1);
        String replica = address(cluster.replicaOf(master));

        SimulationResult result = killMasterMidSale(config, buckets.get(0));

        assertThat(result.endedBy()).as(String.valueOf(result.error())).isNotEqualTo(EndReason.ERROR);
        assertThat(result.state().oversold()).isZero();
        assertThat(result.state().sold()).isLessThanOrEqualTo(400);
        assertThat(result.audit().violations().stream().map(Problem::kind).toList()).doesNotContain(
                Problem.Kind.OVERSOLD, Problem.Kind.WON_TWICE, Problem.Kind.WINNERS_MISMATCH,
                Problem.Kind.BUCKET_STRAYS);
        // each bucket of the killed master is now its replica's; the others stayed where they were
        assertThat(result.bucketMasters()).isEqualTo(before.stream().map(m -> m.equals(address(master)) ? replica
                : m).toList());
        Set<String> inRedis = new HashSet<>();
        for (int i = 0; i < buckets.size(); i++) {
            int bucket = i;
            List<String> winners = winners(buckets.get(i));
            assertThat(winners).as("bucket %d", i).allMatch(id -> SaleKeys.bucketOf(id, 8) == bucket);
            winners.forEach(id -> assertThat(inRedis.add(id)).as("%s won twice", id).isTrue());
        }
        // the wins lost are exactly those acknowledged and missing, and only the killed master's buckets lost any
        assertThat(result.lostWins()).isPositive();
        assertThat(result.lostWinners()).allMatch(id -> before.get(SaleKeys.bucketOf(id, 8)).equals(address(master)));
        assertLostExactly(result, inRedis);
        assertThat(result.audit().violations().stream().map(Problem::kind)).contains(Problem.Kind.LOST_WINS);
    }

    /**
     * Both ways, against what the client told its users (its attempt log): the acknowledged winners Redis lacks are
     * exactly {@code lost_wins}, and every winner Redis holds was acknowledged or lost its reply to the fault.
     */
    private void assertLostExactly(SimulationResult result, Set<String> inRedis) {
        ClientWins told = ClientWins.of(log);
        assertThat(told.won()).as("acknowledged wins").isNotEmpty();
        assertThat(told.lostIn(inRedis)).as("acknowledged, not in kill_user").isNotEmpty()
                .isEqualTo(new HashSet<>(result.lostWinners()));
        assertThat(told.unexplainedIn(inRedis)).as("in kill_user, never acknowledged nor unanswered").isEmpty();
    }

    private static String address(PrivateRedis node) {
        return "127.0.0.1:" + node.port();
    }

    private SimulationResult killMasterMidSale(String name, int waitReplicas, EngineKind engine) {
        String tag = cluster.tagWhere(name, cluster::hasReplica);
        SaleKeys keys = new SaleKeys(tag + ":");
        return killMasterMidSale(sale(keys.prefix(), waitReplicas, engine), keys);
    }

    /**
     * Runs the sale and kills the master of {@code watched} (the sale, or one of its buckets) once a tenth of its
     * stock is sold, after its replica was made to fall behind; the cluster is whole again afterwards.
     */
    private SimulationResult killMasterMidSale(SimulationConfig config, SaleKeys watched) {
        int slot = LocalCluster.slotOf(watched.total());
        PrivateRedis master = cluster.ownerOf(slot);
        PrivateRedis replica = cluster.replicaOf(master);
        long stock = SaleKeys.bucketStock(config.stock(), config.buckets(), config.keys().buckets(config.buckets())
                .indexOf(watched));
        CompletableFuture<SimulationResult> running = start(config);
        awaitSold(master, watched, stock / 10);

        // the replica falls behind: frozen, its link cut, it gets none of the next purchases
        replica.freeze(true);
        try (Jedis jedis = master.admin()) {
            jedis.clientKill(new redis.clients.jedis.params.ClientKillParams()
                    .type(redis.clients.jedis.args.ClientType.REPLICA));
        }
        awaitSold(master, watched, stock / 5);
        master.killHard();
        replica.freeze(false);
        await("the replica takes over").atMost(Duration.ofSeconds(30))
                .until(() -> cluster.ownerOf(slot) != master);
        if (config.waitReplicas() > 0) {
            // the new master's only replica was the one killed: back, it follows the new master, and WAIT can
            // be answered again (until then no win is confirmed)
            master.restart();
        }

        SimulationResult result = running.join();
        if (!master.isAlive()) {
            master.restart(); // back as a replica of the new master: the next test finds the cluster whole
        }
        cluster.awaitHealthy();
        return result;
    }
}
