package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.AuditResult;
import seckill.sale.SaleInRedis;
import seckill.sale.StrategyKind;
import seckill.sim.AttemptLog;
import seckill.sim.ClientWins;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

@Tag("faults")
@DisplayName("kill -9 mid-sale and a restart from the append-only file")
class CrashRestartTest {

    /**
     * Each strategy writes kill_num and kill_user in one MULTI/EXEC or one script, which the append-only file
     * holds whole or (cut at the crash) not at all, so the two agree after a restart whatever the moment of death.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void theAuditHoldsAfterACrashAndARestart(StrategyKind kind) throws Exception {
        SimulationConfig config = FaultFixtures.sale(kind, 1_500, 3_000, 16, 2_000).toBuilder().redisTimeoutS(10)
                .build();
        try (PrivateRedis server = PrivateRedis.start("--appendonly", "yes", "--appendfsync", "always");
             RedisConnection redis = server.connect(config.pool() + RedisConnection.READERS,
                     Duration.ofSeconds(config.redisTimeoutS()))) {
            Simulation simulation = new Simulation(config, redis);
            AttemptLog log = ClientWins.record(simulation);
            CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
            await().ignoreExceptions().until(() -> sold(server, config) >= 100);
            server.killHard();
            server.restart();
            // the bound only keeps a hang from blocking the build; it asserts nothing about speed
            SimulationResult result = running.get(120, TimeUnit.SECONDS);

            AuditResult audit = FaultFixtures.auditHolds(server, config.keys(), config.stock());
            assertThat(audit.sold()).as("what was sold before the crash survived it").isGreaterThanOrEqualTo(100);
            assertThat(simulation.activeThreads()).isZero();
            SaleInRedis sale;
            try (Jedis jedis = server.admin()) {
                sale = SaleInRedis.check(jedis, config.keys());
            }
            // with appendfsync always a win is on disk before its EXEC or script is answered: every win a buyer
            // heard of survives the crash, and every winner Redis holds heard of it or lost the reply to the crash
            ClientWins.of(log).assertExactlyIn(sale.winnerSet());
            assertThat(result.lostWins()).as("lost_wins").isZero();
            System.out.println(FaultFixtures.figures("kill -9 + restart (AOF)", kind, audit) + ", run ended by "
                    + result.endedBy().reportName() + (result.error() == null ? "" : ": " + result.error()));
        }
    }

    private static long sold(PrivateRedis server, SimulationConfig config) {
        try (Jedis jedis = server.admin()) {
            String sold = jedis.get(config.keys().num());
            return sold == null ? 0 : Long.parseLong(sold);
        }
    }
}
