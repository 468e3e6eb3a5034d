package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.redis.RedisUnavailableException;
import seckill.sale.AuditResult;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.EngineKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

@Tag("faults")
@DisplayName("Connection faults: killed connections, a paused server, lost replies")
class ConnectionFaultTest {
    // a server of each test's own: a pause cannot be lifted early (CLIENT UNPAUSE waits behind it, too)
    private PrivateRedis server;

    @BeforeEach
    void startServer() {
        server = PrivateRedis.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RedisConnection connect(SimulationConfig config) {
        return server.connect(config.pool() + RedisConnection.READERS, Duration.ofSeconds(config.redisTimeoutS()));
    }

    @Test
    void thePoolHandsOutLiveConnectionsAfterTheServerKilledTheIdleOnes() {
        try (RedisConnection redis = server.connect(8, Duration.ofSeconds(5))) {
            Jedis[] held = new Jedis[8];
            for (int i = 0; i < held.length; i++) {
                held[i] = redis.borrow();
                held[i].ping();
            }
            for (Jedis jedis : held) {
                jedis.close();
            }
            try (Jedis admin = server.admin()) {
                assertThat(admin.clientKill(ClientKillParams.clientKillParams().type(ClientType.NORMAL)))
                        .isGreaterThanOrEqualTo(8);
            }
            for (int i = 0; i < held.length; i++) {
                held[i] = redis.borrow();
                assertThat(held[i].ping()).isEqualTo("PONG");
            }
            for (Jedis jedis : held) {
                jedis.close();
            }
        }
    }

    @Test
    void aRetriedCallWaitsOutAPause_andGivesUpWithOneLineWhenTheServerStaysAway() {
        try (RedisConnection redis = server.connect(4, Duration.ofSeconds(5))) {
            try (Jedis admin = server.admin()) {
                admin.clientPause(3_000, ClientPauseMode.ALL);
            }
            String pong = redis.call(jedis -> jedis.ping());
            assertThat(pong).isEqualTo("PONG");

            server.killHard();
            assertThatThrownBy(() -> redis.call(Duration.ofSeconds(1), jedis -> jedis.ping()))
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("gave up after 1 s")
                    .hasMessageNotContaining("\n");
        }
    }

    static Stream<Arguments> safeStrategiesOnEachEngine() {
        return Stream.of(EngineKind.values()).flatMap(engine -> Stream.of(StrategyKind.WATCH, StrategyKind.LUA,
                StrategyKind.DECR).map(kind -> Arguments.of(engine, kind)));
    }

    @DisplayName("connections cut at random moments: no retry sells twice to one user or past the stock")
    @ParameterizedTest(name = "{0} engine, {1}")
    @MethodSource("safeStrategiesOnEachEngine")
    void lostRepliesNeverOversellNorLetAUserWinTwice(EngineKind engine, StrategyKind kind) {
        // users to spare: every cut after decr's claim can cost a user (its claim stays, its item is sold to another),
        // and some 700 connections are cut in a run
        SimulationConfig config = FaultFixtures.sale(kind, 1_200, 4_000, 24, 1_500).toBuilder().engine(engine).build();
        SimulationResult result;
        long killed;
        try (RedisConnection redis = connect(config);
             ConnectionKiller killer = new ConnectionKiller(server, 2, 25).start()) {
            result = new Simulation(config, redis).run();
            killed = killer.killed();
        }
        assertThat(killed).as("connections killed").isPositive();
        assertThat(result.endedBy()).as(String.valueOf(result.error())).isNotEqualTo(EndReason.ERROR);
        assertThat(result.metrics().errors()).as("attempts cut").isPositive();
        AuditResult audit = FaultFixtures.auditHolds(server, config.keys(), config.stock());
        assertThat(result.auditHolds()).isTrue();
        // only confirmed wins count as won: never more than Redis sold
        assertThat(result.metrics().usersWon()).isLessThanOrEqualTo(audit.sold());
        // no item is left stranded by a cut: with users to spare, every strategy sells the whole stock
        assertThat(audit.sold()).isEqualTo(config.stock());
        if (kind != StrategyKind.DECR) {
            // one atomic step per attempt: a user the retry finds among the winners did win, so the count is true
            assertThat(result.metrics().usersWon()).isEqualTo(audit.winners());
            assertThat(result.metrics().usersUnknown()).isZero();
        } else {
            // decr claims first: a retry that finds its own claim cannot tell whether the item followed
            assertThat(result.metrics().usersWon() + result.metrics().usersUnknown())
                    .isGreaterThanOrEqualTo(audit.winners());
            assertThat(result.metrics().strandedSold()).isLessThanOrEqualTo(result.metrics().usersWon());
        }
        System.out.println(FaultFixtures.figures(engine + ": killed connections (" + killed + ")", kind, audit)
                + ", cut attempts " + result.metrics().errors() + ", users won by the client's count "
                + result.metrics().usersWon() + ", unknown " + result.metrics().usersUnknown() + ", stranded and sold "
                + result.metrics().strandedSold() + ", claimed " + claimed(config));
    }

    private long claimed(SimulationConfig config) {
        try (Jedis jedis = server.admin()) {
            return jedis.scard(config.keys().buyers());
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aThreeSecondPauseMidSaleIsWaitedOut(EngineKind engine) {
        // as many items as users, arriving over 2.5 s: the sale is still on when the pause comes
        SimulationConfig config = FaultFixtures.sale(StrategyKind.LUA, 1_000, 1_000, 16, 2_500).toBuilder()
                .engine(engine).build();
        try (RedisConnection redis = connect(config); Jedis admin = server.admin()) {
            Simulation simulation = new Simulation(config, redis);
            CompletableFuture<SimulationResult> running = startedUnderLoad(simulation);
            admin.clientPause(3_000, ClientPauseMode.ALL);
            long doneAtPause = simulation.metrics().usersDone();
            SimulationResult result = running.join();
            assertThat(doneAtPause).as("users done when the pause began").isLessThan(config.users());
            assertThat(result.endedBy()).as(String.valueOf(result.error())).isNotEqualTo(EndReason.ERROR);
            // the workers' reads have no socket timeout (the watchdog keeps --redis-timeout): a pause shorter than
            // the limit is simply waited out, without a failed attempt
            assertThat(result.metrics().errors()).as("attempts failed in the pause").isZero();
            assertThat(result.metrics().usersDone()).isEqualTo(config.users());
            AuditResult audit = FaultFixtures.auditHolds(server, config.keys(), config.stock());
            assertThat(result.metrics().usersWon()).isEqualTo(audit.winners());
            System.out.println(FaultFixtures.figures("CLIENT PAUSE 3000 mid-sale", StrategyKind.LUA, audit));
        }
    }

    @Test
    void aPauseAsTheSaleOpensIsWaitedOutByThePreparation() {
        SimulationConfig config = FaultFixtures.sale(StrategyKind.WATCH, 50, 300, 8, 0);
        try (RedisConnection redis = connect(config); Jedis admin = server.admin()) {
            admin.clientPause(3_000, ClientPauseMode.ALL);
            SimulationResult result = new Simulation(config, redis).run();
            assertThat(result.endedBy()).as(String.valueOf(result.error())).isNotEqualTo(EndReason.ERROR);
            AuditResult audit = FaultFixtures.auditHolds(server, config.keys(), config.stock());
            System.out.println(FaultFixtures.figures("CLIENT PAUSE 3000 at open", StrategyKind.WATCH, audit));
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aServerPausedLongerThanTheTimeoutEndsTheRunAsAnError_releasingEveryThread(EngineKind engine) {
        SimulationConfig config = FaultFixtures.sale(StrategyKind.DECR, 100_000, 100_000, 16, 60_000)
                .toBuilder().redisTimeoutS(1).engine(engine).build();
        try (RedisConnection redis = connect(config); Jedis admin = server.admin()) {
            Simulation simulation = new Simulation(config, redis);
            CompletableFuture<SimulationResult> running = startedUnderLoad(simulation);
            admin.clientPause(8_000, ClientPauseMode.ALL);
            SimulationResult result = ended(running);
            assertThat(result.endedBy()).isEqualTo(EndReason.ERROR);
            assertThat(result.error().kind()).isIn(Problem.Kind.REDIS_TIMED_OUT, Problem.Kind.REDIS_GAVE_UP);
            assertThat(result.error().english()).contains("127.0.0.1:" + server.port()).contains("gave up after 1 s")
                    .doesNotContain("\n");
            assertThat(simulation.activeThreads()).isZero();
            assertThat(simulation.phase()).isEqualTo(Simulation.Phase.FINISHED);
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aStopDuringAPauseReleasesEveryThreadWithoutWaitingForTheServer(EngineKind engine) {
        SimulationConfig config = FaultFixtures.sale(StrategyKind.LUA, 100_000, 100_000, 16, 60_000)
                .toBuilder().redisTimeoutS(60).engine(engine).build();
        try (RedisConnection redis = connect(config); Jedis admin = server.admin()) {
            Simulation simulation = new Simulation(config, redis);
            CompletableFuture<SimulationResult> running = startedUnderLoad(simulation);
            admin.clientPause(10_000, ClientPauseMode.ALL);
            simulation.stop();
            // the watchdog cuts the calls still waiting a second after the stop: the threads need not wait for
            // the pause (nor the 60 s limit) to end
            SimulationResult result = ended(running);
            assertThat(simulation.activeThreads()).isZero();
            assertThat(result.endedBy()).isIn(EndReason.STOPPED, EndReason.ERROR);
            admin.clientUnpause();
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @EnumSource(EngineKind.class)
    void aScriptCacheFlushedMidSaleIsFilledAgain_andEveryoneStillBuys(EngineKind engine) {
        SimulationConfig config = FaultFixtures.sale(StrategyKind.LUA, 600, 600, 8, 1_500).toBuilder().engine(engine)
                .build();
        try (RedisConnection redis = connect(config); Jedis admin = server.admin()) {
            Simulation simulation = new Simulation(config, redis);
            CompletableFuture<SimulationResult> running = startedUnderLoad(simulation);
            admin.scriptFlush();
            long doneAtFlush = simulation.metrics().usersDone();
            SimulationResult result = ended(running);
            assertThat(doneAtFlush).as("users done at the flush").isLessThan(config.users());
            assertThat(result.metrics().errors()).isZero();
            assertThat(result.metrics().usersWon()).isEqualTo(600);
            assertThat(FaultFixtures.auditHolds(server, config.keys(), config.stock()).winners()).isEqualTo(600);
        }
    }

    /** Starts the run and returns once its first attempt is done: the fault then lands mid-sale. */
    private static CompletableFuture<SimulationResult> startedUnderLoad(Simulation simulation) {
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
        await().pollInterval(Duration.ofMillis(5)).until(() -> simulation.metrics().attempts() > 0);
        return running;
    }

    /** The run's result; the bound only keeps a hang from blocking the build, it asserts nothing about speed. */
    private static SimulationResult ended(CompletableFuture<SimulationResult> running) {
        try {
            return running.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the run did not end", e);
        }
    }
}
