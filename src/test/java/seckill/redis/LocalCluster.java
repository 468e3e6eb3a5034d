package seckill.redis;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import redis.clients.jedis.Jedis;

/**
 * A Redis Cluster of the test's own: {@code masters} redis-server processes ({@link PrivateRedis}: free ports, a
 * folder each), each with {@code replicas} replicas, a short node timeout so that a failover takes a second or
 * two. The slots are split evenly and the nodes introduced with CLUSTER ADDSLOTS, SET-CONFIG-EPOCH, MEET and
 * REPLICATE, as {@code redis-cli --cluster create} does, so that no redis-cli is needed. A test class registers one
 * ({@code @RegisterExtension static final LocalCluster cluster = LocalCluster.forClass(3, 0);}): it is formed
 * before the class's first test and stopped after its last, exactly its processes.
 */
public final class LocalCluster implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public static final int SLOTS = ClusterRoute.SLOTS;
    private static final Duration READY = Duration.ofSeconds(60);

    private final List<PrivateRedis> nodes = new ArrayList<>();
    private final int masters;
    private final int replicas;

    private LocalCluster(int masters, int replicas) {
        this.masters = masters;
        this.replicas = replicas;
    }

    /** A cluster of {@code masters} masters with {@code replicas} replicas each, for a test class to register. */
    public static LocalCluster forClass(int masters, int replicas) {
        return new LocalCluster(masters, replicas);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            form();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void form() {
        int count = masters * (1 + replicas);
        for (int i = 0; i < count; i++) {
            nodes.add(PrivateRedis.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "1000", "--cluster-replica-validity-factor", "0"));
        }
        for (int m = 0; m < masters; m++) {
            int from = SLOTS * m / masters;
            int to = SLOTS * (m + 1) / masters;
            try (Jedis jedis = nodes.get(m).admin()) {
                jedis.clusterAddSlots(IntStream.range(from, to).toArray());
                jedis.clusterSetConfigEpoch(m + 1);
            }
        }
        try (Jedis first = nodes.get(0).admin()) {
            for (PrivateRedis node : nodes.subList(1, nodes.size())) {
                first.clusterMeet("127.0.0.1", node.port());
            }
        }
        await("every node knows every other").atMost(READY).until(() -> nodes.stream()
                .allMatch(n -> knownNodes(n) == nodes.size()));
        for (int r = masters; r < count; r++) {
            String masterId = id(nodes.get((r - masters) % masters));
            try (Jedis jedis = nodes.get(r).admin()) {
                jedis.clusterReplicate(masterId);
            }
        }
        awaitHealthy();
    }

    /** Until every live node says {@code cluster_state:ok} and every live replica's link to its master is up. */
    public void awaitHealthy() {
        await("cluster_state:ok and replicas linked").atMost(READY).until(() -> nodes.stream()
                .filter(PrivateRedis::isAlive).allMatch(LocalCluster::healthy));
    }

    private static boolean healthy(PrivateRedis node) {
        try (Jedis jedis = node.admin()) {
            if (!jedis.clusterInfo().contains("cluster_state:ok")) {
                return false;
            }
            String replication = jedis.info("replication");
            return replication.contains("role:master") || replication.contains("master_link_status:up");
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static long knownNodes(PrivateRedis node) {
        try (Jedis jedis = node.admin()) {
            return jedis.clusterNodes().lines().filter(l -> !l.contains("handshake") && !l.contains("noaddr"))
                    .count();
        }
    }

    public static String id(PrivateRedis node) {
        try (Jedis jedis = node.admin()) {
            return jedis.clusterMyId();
        }
    }

    /** A loopback port nothing listens on: a seed that is down. */
    public static int freePort() {
        try {
            return EmbeddedRedis.freeLoopbackPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The seed URL a user would give: the first node's. */
    public String url() {
        return nodes.get(0).url();
    }

    public List<PrivateRedis> nodes() {
        return List.copyOf(nodes);
    }

    /** The live node that is master of the slot now, as a live node sees it. */
    public PrivateRedis ownerOf(int slot) {
        PrivateRedis asked = nodes.stream().filter(PrivateRedis::isAlive).findFirst().orElseThrow();
        try (Jedis jedis = asked.admin()) {
            for (Object range : jedis.clusterSlots()) {
                List<?> r = (List<?>) range;
                long from = (Long) r.get(0);
                long to = (Long) r.get(1);
                if (slot >= from && slot <= to) {
                    long port = (Long) ((List<?>) r.get(2)).get(1);
                    return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
                }
            }
        }
        throw new IllegalStateException("slot " + slot + " is served by no node");
    }

    /** The slot of a key, as the cluster computes it. */
    public static int slotOf(String key) {
        return ClusterRoute.slotOf(key);
    }

    /** A hash tag, {@code {name.N}}, whose slot a master holds that {@code wanted} accepts. */
    public String tagWhere(String name, java.util.function.Predicate<PrivateRedis> wanted) {
        for (int n = 0; n < 10_000; n++) {
            String tag = "{" + name + "." + n + "}";
            if (wanted.test(ownerOf(slotOf(tag)))) {
                return tag;
            }
        }
        throw new IllegalStateException("no tag found for " + name);
    }

    /** The live masters that hold slots. */
    public List<PrivateRedis> masters() {
        return IntStream.range(0, masters).map(m -> SLOTS * m / masters).mapToObj(this::ownerOf).distinct()
                .toList();
    }

    /** The master's first replica, as the master's INFO replication names it. */
    public PrivateRedis replicaOf(PrivateRedis master) {
        try (Jedis jedis = master.admin()) {
            String port = parse(jedis.info("replication")).get("slave0").replaceAll(".*port=(\\d+).*", "$1");
            return nodes.stream().filter(n -> n.port() == Integer.parseInt(port)).findFirst().orElseThrow();
        }
    }

    /** True when the node has a live replica linked to it. */
    public boolean hasReplica(PrivateRedis master) {
        String masterId = id(master);
        return nodes.stream().filter(PrivateRedis::isAlive).filter(n -> n != master).anyMatch(n -> {
            try (Jedis jedis = n.admin()) {
                Map<String, String> info = parse(jedis.info("replication"));
                return "slave".equals(info.get("role")) && jedis.clusterNodes().lines()
                        .anyMatch(l -> l.contains("myself") && l.contains(masterId));
            }
        });
    }

    private static Map<String, String> parse(String info) {
        return info.lines().filter(l -> l.contains(":")).collect(java.util.stream.Collectors.toMap(
                l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf(':') + 1).trim(), (a, b) -> a));
    }

    /**
     * Moves a slot from its master to another, as resharding does: SETSLOT IMPORTING on the target, MIGRATING on
     * the source, MIGRATE of its keys, SETSLOT NODE on both.
     */
    public void migrate(int slot, PrivateRedis source, PrivateRedis target) {
        String sourceId = id(source);
        String targetId = id(target);
        try (Jedis to = target.admin(); Jedis from = source.admin()) {
            to.clusterSetSlotImporting(slot, sourceId);
            from.clusterSetSlotMigrating(slot, targetId);
            while (true) {
                List<String> keys = from.clusterGetKeysInSlot(slot, 100);
                if (keys.isEmpty()) {
                    break;
                }
                from.migrate("127.0.0.1", target.port(), 0, 5_000,
                        new redis.clients.jedis.params.MigrateParams(), keys.toArray(String[]::new));
            }
            to.clusterSetSlotNode(slot, targetId);
            from.clusterSetSlotNode(slot, targetId);
        }
    }

    @Override
    public void close() {
        for (PrivateRedis node : nodes) {
            node.close();
        }
        nodes.clear();
    }
}
