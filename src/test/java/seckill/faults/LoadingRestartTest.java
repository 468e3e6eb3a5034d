package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.SaleInRedis;
import seckill.sale.StrategyKind;
import seckill.sim.AttemptLog;
import seckill.sim.ClientWins;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * A server restarted mid-sale that is still loading a large append-only file, and meanwhile answers every command
 * with {@code -LOADING}: the run waits it out (within {@code --redis-timeout}) and the sale goes on, whole.
 */
@Tag("faults")
@DisplayName("a restart mid-sale onto a server still loading its data")
class LoadingRestartTest {
    /** Enough data that loading takes a while (about 140 MB of append-only file, two seconds to load here). */
    private static final int FILLER_KEYS = 600_000;
    private static final int FILLER_BATCH = 20_000;
    private static final Pattern LOADING_ERRORS = Pattern.compile("errorstat_LOADING:count=(\\d+)");

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void theRunWaitsOutALoadingServer_andTheSaleHolds(StrategyKind kind) throws Exception {
        SimulationConfig config = FaultFixtures.sale(kind, 1_500, 3_000, 16, 8_000).toBuilder().redisTimeoutS(60)
                .build();
        try (PrivateRedis server = PrivateRedis.start("--appendonly", "yes", "--appendfsync", "always",
                "--auto-aof-rewrite-percentage", "0");
             RedisConnection redis = server.connect(config.pool() + RedisConnection.READERS,
                     Duration.ofSeconds(config.redisTimeoutS()))) {
            try (Jedis jedis = server.admin()) {
                for (int from = 1; from <= FILLER_KEYS; from += FILLER_BATCH) {
                    jedis.eval("local v = string.rep('x', 200) for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do "
                            + "redis.call('SET', 'filler:' .. i, v) end", List.of(),
                            List.of(Integer.toString(from), Integer.toString(from + FILLER_BATCH - 1)));
                }
            }
            Simulation simulation = new Simulation(config, redis);
            AttemptLog log = ClientWins.record(simulation);
            CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
            await().ignoreExceptions().until(() -> simulation.metrics().sample().usersWon() >= 100);
            server.killHard();
            server.restartStillLoading();
            // the bound only keeps a hang from blocking the build; it asserts nothing about speed
            SimulationResult result = running.get(120, TimeUnit.SECONDS);

            assertThat(result.endedBy()).as(String.valueOf(result.error())).isNotEqualTo(EndReason.ERROR);
            assertThat(result.auditHolds()).as(String.valueOf(result.audit())).isTrue();
            try (Jedis jedis = server.admin()) {
                // only the program's connections spoke to the server while it loaded: the test waited for the run
                Matcher loading = LOADING_ERRORS.matcher(jedis.info("errorstats"));
                assertThat(loading.find()).as("-LOADING replies to the run").isTrue();
                assertThat(Long.parseLong(loading.group(1))).isPositive();
                assertThat(jedis.dbSize()).as("the filler loaded whole").isGreaterThan(FILLER_KEYS);
                SaleInRedis sale = SaleInRedis.check(jedis, config.keys());
                assertThat(sale.total()).isEqualTo(1_500);
                ClientWins told = ClientWins.of(log);
                told.assertExactlyIn(sale.winnerSet());
                assertThat(told.won()).as("wins told after the restart too").hasSizeGreaterThan(100);
            }
        }
    }
}
