package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.metrics.MetricsSnapshot;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.util.Verdict;

class ComparisonTest {
    private static final List<StrategyKind> LESSON = List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA);

    private final String prefix = TestRedis.prefix("compare");

    @AfterEach
    void deleteOwnKeys() {
        for (StrategyKind kind : StrategyKind.values()) {
            TestRedis.reset(Comparison.saleKeys(prefix, kind).prefix());
        }
    }

    private SimulationConfig base() {
        return SimulationConfig.builder().prefix(prefix).load(10, 300, 100, 0).naiveGapMs(20).traceBuyers(40)
                .seed(11).build();
    }

    @Test
    void eachStrategyHasItsOwnKeys_underThePrefixPlusItsName() {
        assertThat(Comparison.saleKeys("demo:", StrategyKind.WATCH).num()).isEqualTo("demo:watch:kill_num");
        assertThat(Comparison.saleKeys("", StrategyKind.NAIVE).num()).isEqualTo("naive:kill_num");
        List<SimulationConfig> configs = Comparison.configs(base(), LESSON);
        assertThat(configs).extracting(SimulationConfig::strategy).containsExactlyElementsOf(LESSON);
        assertThat(configs).extracting(SimulationConfig::prefix)
                .containsExactly(prefix + "naive:", prefix + "watch:", prefix + "lua:");
        assertThat(configs).extracting(SimulationConfig::seed).containsOnly(11L);
    }

    @Test
    void anEmptyListOrAStrategyTwiceIsRefused() {
        assertThatThrownBy(() -> Comparison.configs(base(), List.of())).hasMessageContaining("--compare");
        assertThatThrownBy(() -> Comparison.configs(base(), List.of(StrategyKind.LUA, StrategyKind.LUA)))
                .hasMessageContaining("twice");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Comparison.Mode.class)
    void theSameUsersRaceOnEveryStrategy_andNaivesOversellIsTheExpectedLesson(Comparison.Mode mode) {
        Comparison comparison = new Comparison(base(), LESSON, mode, TestRedis.connection(), null);
        ComparisonResult result = comparison.run();
        assertThat(result.mode()).isEqualTo(mode);
        assertThat(result.results()).extracting(r -> r.config().strategy()).containsExactlyElementsOf(LESSON);
        SimulationResult naive = result.results().get(0);
        assertThat(naive.state().oversold()).as("naive oversells on purpose").isPositive();
        assertThat(naive.auditHolds()).isFalse();
        for (SimulationResult safe : result.results().subList(1, 3)) {
            assertThat(safe.auditHolds()).isTrue();
            assertThat(safe.state().oversold()).isZero();
        }
        assertThat(result.verdict()).isEqualTo(Verdict.OK);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            for (StrategyKind kind : LESSON) {
                assertThat(jedis.exists(prefix + kind.cliName() + ":kill_num")).isTrue();
            }
            assertThat(jedis.exists(prefix + "kill_num")).as("nothing under the bare prefix").isFalse();
        }
        // the same seed traces the same users on every strategy (those each reached before it ended)
        long[] sampled = Tracer.sample(11, Tracer.candidates(base()), 40);
        for (SimulationResult r : result.results()) {
            assertThat(r.traces()).isNotEmpty().allSatisfy(t -> assertThat(sampled).contains(t.userIndex()));
        }
        assertThat(comparison.results()).allSatisfy(r -> assertThat(r.toCompletableFuture()).isCompleted());
    }

    @Test
    void aStoppedComparisonEndsEveryStrategy_evenThoseNotBegun() {
        Comparison comparison = new Comparison(base().toBuilder().load(10, 300, 10, 0).build(),
                List.of(StrategyKind.LUA, StrategyKind.DECR), Comparison.Mode.ONE_AT_A_TIME, TestRedis.connection(),
                null);
        comparison.stop();
        ComparisonResult result = comparison.run();
        assertThat(result.results()).extracting(SimulationResult::endedBy).containsOnly(EndReason.STOPPED);
    }

    @Test
    void aSafeStrategysFailedAuditFailsTheComparison_andALostRedisComesFirst() {
        SimulationConfig lua = base().toBuilder().strategy(StrategyKind.LUA).build();
        SimulationConfig naive = base().toBuilder().strategy(StrategyKind.NAIVE).build();
        SimulationResult unaudited = new SimulationResult(lua, EndReason.ALL_USERS_DONE, MetricsSnapshot.ZERO, 1,
                null, null, null);
        SimulationResult naiveUnaudited = new SimulationResult(naive, EndReason.ALL_USERS_DONE,
                MetricsSnapshot.ZERO, 1, null, null, null);
        SimulationResult lost = new SimulationResult(lua, EndReason.ERROR, MetricsSnapshot.ZERO, 1, null, null, null);
        assertThat(new ComparisonResult(Comparison.Mode.AT_ONCE, List.of(naiveUnaudited)).verdict())
                .isEqualTo(Verdict.OK);
        assertThat(new ComparisonResult(Comparison.Mode.AT_ONCE, List.of(naiveUnaudited, unaudited)).verdict())
                .isEqualTo(Verdict.AUDIT_FAILED);
        assertThat(new ComparisonResult(Comparison.Mode.AT_ONCE, List.of(unaudited, lost)).verdict())
                .isEqualTo(Verdict.REDIS_UNAVAILABLE);
    }
}
