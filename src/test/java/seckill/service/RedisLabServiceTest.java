package seckill.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnector;
import seckill.redis.RedisTarget;
import seckill.redis.TestRedis;
import seckill.report.Recording;
import seckill.report.RecordingReader;
import seckill.report.WinnersCsv;
import seckill.sale.AuditResult;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;
import seckill.util.Verdict;

/** The service on the real Redis, under a prefix of the test's own. */
class RedisLabServiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String prefix = TestRedis.prefix("service");
    private final SaleKeys keys = new SaleKeys(prefix);
    private final RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment());
    /** How many buckets the test's sale was split into, for the clean-up. */
    private int buckets = 1;

    @AfterEach
    void cleanUp() {
        service.close();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new SaleBuckets(keys, buckets).reset(jedis);
        }
    }

    private SimulationConfig sale(long stock, long users) {
        return SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA).load(stock, users, 10, 0).build();
    }

    private static SimulationResult resultOf(SaleRun run) {
        return run.result().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Test
    void connectsOnceAndNamesTheServerWithoutItsPassword() {
        ServerInfo first = service.connect(TestRedis.url(), false, TIMEOUT);
        assertThat(first.maskedUrl()).isEqualTo(TestRedis.connection().target().masked());
        assertThat(first.version()).matches("\\d+\\.\\d+.*");
        assertThat(service.connect(TestRedis.url(), false, TIMEOUT)).isEqualTo(first);
    }

    @Test
    void anUnreachableServerIsAProblemNamingIt() {
        assertThatThrownBy(() -> service.connect("redis://:secret@127.0.0.1:1", false, TIMEOUT))
                .isInstanceOfSatisfying(LabException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LabException.Reason.UNREACHABLE);
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.REDIS_REFUSED);
                    assertThat(e.problem().english()).contains("redis://:***@127.0.0.1:1").doesNotContain("secret");
                });
    }

    @Test
    void aMalformedUrlFromTheEnvironmentIsAProblemSayingWhereItCameFrom() {
        RedisLabService fromEnvironment = new RedisLabService(new RedisConnector("http://:secret@h:1",
                RedisTarget.DEFAULT_URL));
        try {
            assertThatThrownBy(() -> fromEnvironment.connect(null, false, TIMEOUT))
                    .isInstanceOfSatisfying(LabException.class, e -> {
                        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.REDIS_FROM);
                        assertThat(e.problem().get("source")).isEqualTo("$REDIS_URL");
                        // the cause stays a problem, so that the window says it in its own language
                        assertThat(e.problem().get("cause")).isEqualTo(Problem.of(Problem.Kind.URL_SCHEME));
                        assertThat(e.problem().english()).doesNotContain("secret");
                    });
        } finally {
            fromEnvironment.close();
        }
    }

    @Test
    void runsASaleAndStreamsItsSnapshots() {
        service.connect(TestRedis.url(), false, TIMEOUT);
        List<PollSnapshot> seen = new CopyOnWriteArrayList<>();
        SaleRun run = service.startSale(sale(15, 150));
        try (PollStream stream = service.watch(keys, seen::add)) {
            stream.follow(run.metrics());
            SimulationResult r = resultOf(run);
            assertThat(r.endedBy()).isEqualTo(EndReason.SOLD_OUT);
            assertThat(r.auditHolds()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                    .anyMatch(s -> !s.isLost() && s.state().sold() == 15));
            assertThat(seen).allSatisfy(s -> assertThat(s.source()).isEqualTo(stream.source()));
            assertThat(seen.stream().filter(s -> s.metrics() != null)).as("the run's counters are sampled")
                    .isNotEmpty();
        }
        try (PollStream later = service.watch(keys, s -> { })) {
            assertThat(later.source()).as("a later stream numbers higher").isGreaterThan(seen.get(0).source());
        }
    }

    /** The good snapshots since the last that started the sale anew (what the screen holds now). */
    private static List<PollSnapshot> sinceRestart(List<PollSnapshot> seen) {
        List<PollSnapshot> good = seen.stream().filter(s -> !s.isLost()).toList();
        int from = 0;
        for (int i = 0; i < good.size(); i++) {
            if (good.get(i).restarted()) {
                from = i;
            }
        }
        return good.subList(from, good.size());
    }

    /** Every winner of the sale's buckets, as Redis holds them. */
    private Set<String> winnersInRedis() {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            Set<String> all = new HashSet<>();
            keys.buckets(buckets).forEach(bucket -> all.addAll(jedis.lrange(bucket.user(), 0, -1)));
            return all;
        }
    }

    @Test
    void streamsASaleInBucketsAsItsSum_eachBucketsLevel_andEveryWinnerInTheOrderTheyBought(@TempDir Path dir)
            throws Exception {
        service.connect(TestRedis.url(), false, TIMEOUT);
        buckets = 4;
        List<PollSnapshot> seen = new CopyOnWriteArrayList<>();
        SaleRun run = service.startSale(sale(42, 120).toBuilder().buckets(4).build());
        SimulationResult r;
        try (PollStream stream = service.watch(keys, 4, seen::add)) {
            stream.follow(run.metrics());
            r = resultOf(run);
            assertThat(r.auditHolds()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<PollSnapshot> now = sinceRestart(seen);
                SaleState last = now.isEmpty() ? null : now.get(now.size() - 1).state();
                return last != null && last.sold() == r.state().sold() && last.nextIndex() == last.winners();
            });
        }
        List<PollSnapshot> shown = sinceRestart(seen);
        PollSnapshot last = shown.get(shown.size() - 1);
        assertThat(last.state().total()).isEqualTo(42);
        assertThat(last.buckets()).hasSize(4);
        assertThat(last.buckets()).extracting(SaleState::total).containsExactly(11L, 11L, 10L, 10L);
        assertThat(last.buckets().stream().mapToLong(SaleState::sold).sum()).isEqualTo(last.state().sold())
                .isEqualTo(r.state().sold());
        assertThat(last.buckets()).extracting(SaleState::sold)
                .containsExactlyElementsOf(r.bucketStates().stream().map(SaleState::sold).toList());
        assertThat(SaleBuckets.unsold(last.buckets())).isEqualTo(r.bucketUnsold());
        assertThat(last.buckets()).isNotEmpty().allSatisfy(b -> assertThat(b.newWinners()).isEmpty());

        List<String> winners = new ArrayList<>();
        for (PollSnapshot s : shown) {
            assertThat(s.state().fromIndex()).as("numbered on from the winners brought").isEqualTo(winners.size());
            assertThat(s.state().newTimes()).isSorted();
            winners.addAll(s.state().newWinners());
        }
        assertThat(winners).hasSize((int) r.state().sold()).doesNotHaveDuplicates();
        assertThat(Set.copyOf(winners)).isEqualTo(winnersInRedis());

        // the winners' CSV holds every bucket's, ranked as one sale's, each bucket's in the order of its list (the
        // times are the buyers' own clocks: within a bucket they may step back a millisecond)
        Path csv = dir.resolve("winners.csv");
        assertThat(service.exportWinners(keys, csv)).isEqualTo(r.state().sold());
        List<String[]> rows = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
        assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(IntStream
                .rangeClosed(1, rows.size()).mapToObj(Integer::toString).toList());
        assertThat(rows.stream().map(row -> row[1]).collect(Collectors.toSet())).isEqualTo(winnersInRedis());
        try (Jedis jedis = TestRedis.connection().borrow()) {
            for (int i = 0; i < buckets; i++) {
                int bucket = i;
                assertThat(rows.stream().map(row -> row[1]).filter(id -> SaleKeys.bucketOf(id, 4) == bucket))
                        .containsExactlyElementsOf(jedis.lrange(keys.bucket(i).user(), 0, -1));
            }
        }
    }

    @Test
    void watchesASaleInBucketsAsManyAsItRecords_opensAfterTheWatchBegan_andIsAuditedAndResetWhole() {
        service.connect(TestRedis.url(), false, TIMEOUT);
        List<PollSnapshot> seen = new CopyOnWriteArrayList<>();
        try (PollStream stream = service.watch(keys, seen::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(s -> !s.isLost()));
            assertThat(seen.stream().filter(s -> !s.isLost()).findFirst().orElseThrow().state().exists())
                    .as("nothing there yet").isFalse();
            // another client opens the sale in three buckets and sells it
            buckets = 3;
            SimulationResult r = new Simulation(sale(30, 200).toBuilder().buckets(3).build(), TestRedis.connection())
                    .run();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                PollSnapshot last = seen.get(seen.size() - 1);
                return !last.isLost() && last.buckets().size() == 3 && last.state().sold() == r.state().sold();
            });
            PollSnapshot last = seen.get(seen.size() - 1);
            assertThat(last.state().total()).isEqualTo(30);
            assertThat(last.buckets()).extracting(SaleState::sold)
                    .containsExactlyElementsOf(r.bucketStates().stream().map(SaleState::sold).toList());
        }
        assertThat(service.wrongTypes(keys)).isEmpty();
        AuditResult audit = service.audit(keys);
        assertThat(audit.ok()).isTrue();
        assertThat(audit.total()).as("every bucket audited").isEqualTo(30);
        Set<String> winners = winnersInRedis();
        assertThat(winners).hasSize((int) audit.sold());
        long keysThere;
        try (Jedis jedis = TestRedis.connection().borrow()) {
            keysThere = keys.buckets(3).stream().mapToLong(b -> jedis.exists(b.all().toArray(String[]::new))).sum()
                    + (jedis.exists(keys.meta()) ? 1 : 0);
        }
        assertThat(service.reset(keys)).isEqualTo(keysThere).isPositive();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(keys.buckets(3)).allSatisfy(b -> assertThat(jedis.exists(b.all().toArray(String[]::new)))
                    .isZero());
            assertThat(jedis.exists(keys.meta())).isFalse();
        }
    }

    @Test
    void joiningASaleThatIsNotThereIsRefusedThroughTheResult() {
        service.connect(TestRedis.url(), false, TIMEOUT);
        SaleRun run = service.startSale(sale(5, 5).toBuilder().join(true).build());
        assertThatThrownBy(() -> resultOf(run)).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(LabException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LabException.Reason.REFUSED);
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.JOIN_NO_SALE);
                });
    }

    @Test
    void checksResetsAndAuditsExactlyTheSalesKeys() {
        service.connect(TestRedis.url(), false, TIMEOUT);
        String bystander = prefix + "bystander";
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.set(keys.user(), "not a list");
            jedis.set(bystander, "untouched");
        }
        try {
            assertThat(service.wrongTypes(keys)).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Problem.Kind.KEY_WRONG_TYPE);
                assertThat(p.get("key")).isEqualTo(keys.user());
            });
            assertThat(service.reset(keys)).isEqualTo(1);
            assertThat(service.wrongTypes(keys)).isEmpty();
            AuditResult none = service.audit(keys);
            assertThat(none.ok()).isFalse();
            assertThat(none.violations()).extracting(Problem::kind).containsExactly(Problem.Kind.NO_SALE);
            try (Jedis jedis = TestRedis.connection().borrow()) {
                assertThat(jedis.get(bystander)).isEqualTo("untouched");
            }
        } finally {
            try (Jedis jedis = TestRedis.connection().borrow()) {
                jedis.del(bystander);
            }
        }
    }

    @Test
    void exportsTheWinnersAndTheReport(@TempDir Path dir) throws Exception {
        service.connect(TestRedis.url(), false, TIMEOUT);
        SimulationResult r = resultOf(service.startSale(sale(10, 100).toBuilder().strategy(StrategyKind.DECR)
                .build()));
        assertThat(service.exportWinners(keys, dir.resolve("w.csv"))).isEqualTo(10);
        assertThat(Files.readAllLines(dir.resolve("w.csv"))).hasSize(11).first().isEqualTo(WinnersCsv.HEADER);
        service.exportReport(r, dir.resolve("r.json"));
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"strategy\" : \"decr\"")
                .contains("\"sold\" : 10").contains("\"version\"");
    }

    @Test
    void recordsEveryRunAndKeepsOnlyTheLastOnesRecording(@TempDir Path dir) throws Exception {
        service.connect(TestRedis.url(), false, TIMEOUT);
        SimulationResult first = resultOf(service.startSale(sale(5, 40)));
        SimulationResult last = resultOf(service.startSale(sale(10, 100)));
        assertThatThrownBy(() -> service.exportRecording(first, dir.resolve("first.jsonl")))
                .isInstanceOf(IllegalStateException.class);
        Path file = dir.resolve("last.jsonl.gz");
        service.exportRecording(last, file);
        Recording recording = RecordingReader.read(file);
        assertThat(recording.header().settings()).containsEntry("stock", 10);
        assertThat(recording.purchases()).hasSize(10);
        assertThat(recording.attempts()).hasSize((int) last.metrics().attempts());
        assertThat(recording.end().fields()).containsEntry("exit_code", Verdict.OK.exitCode());
    }

    @Test
    void commandsBeforeAnyConnectionSayIt() {
        assertThatThrownBy(() -> service.reset(keys)).hasMessageContaining("not connected");
    }

    @Test
    void comparesStrategiesSideBySide_eachLaneWithItsKeysMetricsAndResult(@TempDir Path dir) throws Exception {
        service.connect(TestRedis.url(), false, TIMEOUT);
        List<StrategyKind> strategies = List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA);
        try {
            ComparisonRun run = service.startComparison(SimulationConfig.builder().prefix(prefix)
                    .load(10, 300, 50, 0).naiveGapMs(20).seed(4).build(), strategies, Comparison.Mode.AT_ONCE);
            assertThat(run.mode()).isEqualTo(Comparison.Mode.AT_ONCE);
            assertThat(run.lanes()).extracting(ComparisonRun.Lane::strategy).containsExactlyElementsOf(strategies);
            assertThat(run.lanes()).extracting(l -> l.keys().prefix())
                    .containsExactly(prefix + "naive:", prefix + "watch:", prefix + "lua:");
            ComparisonResult result = run.result().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(result.verdict()).isEqualTo(seckill.util.Verdict.OK);
            for (int i = 0; i < strategies.size(); i++) {
                ComparisonRun.Lane lane = run.lanes().get(i);
                SimulationResult r = resultOf(lane.run());
                assertThat(r).isSameAs(result.results().get(i));
                assertThat(lane.run().metrics().usersDone()).isEqualTo(r.metrics().usersDone());
                // a poller of the lane's keys sees what the lane sold
                assertThat(service.audit(lane.keys()).sold()).isEqualTo(r.state().sold());
            }
            Path report = dir.resolve("compare.json");
            service.exportComparison(result, report);
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            assertThat(json.get("mode").asText()).isEqualTo("at_once");
            assertThat(json.get("safe_audits_hold").asBoolean()).isTrue();
            assertThat(json.get("compare")).hasSize(3);
            assertThat(json.get("compare").get(1).get("strategy").asText()).isEqualTo("watch");
        } finally {
            strategies.forEach(kind -> TestRedis.reset(Comparison.saleKeys(prefix, kind).prefix()));
        }
    }
}
