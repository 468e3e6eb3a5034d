package seckill.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnector;
import seckill.redis.RedisTarget;
import seckill.redis.TestRedis;
import seckill.report.WinnersCsv;
import seckill.sale.AuditResult;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.EndReason;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/** The service on the real Redis, under a prefix of the test's own. */
class RedisLabServiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String prefix = TestRedis.prefix("service");
    private final SaleKeys keys = new SaleKeys(prefix);
    private final RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment());

    @AfterEach
    void cleanUp() {
        service.close();
        TestRedis.reset(prefix);
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
