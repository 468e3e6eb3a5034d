package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

@Tag("faults")
@DisplayName("an error reply after the purchase wrote its item")
class ScriptErrorAfterWriteTest {
    static Stream<Arguments> cases() {
        return Stream.of(EngineKind.values()).flatMap(engine -> Stream.of(StrategyKind.LUA, StrategyKind.DECR)
                .map(kind -> Arguments.of(engine, kind)));
    }

    /**
     * {@code kill_time} is written last, after the item ({@code INCR kill_num}, {@code RPUSH kill_user}): made a
     * string before the first user arrives, every purchase writes its item and then fails with WRONGTYPE, and
     * Redis keeps what was written. Those users are not known to have lost.
     */
    @ParameterizedTest(name = "{0} engine, {1}")
    @MethodSource("cases")
    void aUserWhosePurchaseFailedAfterItsWriteIsUnknown_neverLost(EngineKind engine, StrategyKind kind) {
        String prefix = "script-error:";
        SaleKeys keys = new SaleKeys(prefix);
        try (PrivateRedis server = PrivateRedis.start();
             RedisConnection redis = server.connect(4, Duration.ofSeconds(5))) {
            SimulationConfig config = SimulationConfig.builder().prefix(prefix).strategy(kind).engine(engine)
                    .load(100, 1_000, 8, 0).seed(7).build();
            Simulation simulation = new Simulation(config, redis);
            simulation.gate(() -> {
                try (Jedis jedis = server.admin()) {
                    jedis.set(keys.times(), "not a list");
                }
            });
            SimulationResult r = simulation.run();

            long sold;
            try (Jedis jedis = server.admin()) {
                sold = jedis.llen(keys.user());
                assertThat(jedis.get(keys.num())).isEqualTo(Long.toString(sold));
            }
            assertThat(r.endedBy()).isEqualTo(EndReason.ERROR);
            assertThat(r.error().kind()).isEqualTo(Problem.Kind.REDIS_ERROR_REPLY);
            assertThat(r.error().english()).contains("WRONGTYPE");
            assertThat(sold).as("items Redis holds sold before the error").isPositive();
            assertThat(r.metrics().usersWon() + r.metrics().usersUnknown())
                    .as("users won + unknown against sold %d", sold).isGreaterThanOrEqualTo(sold);
            assertThat(r.usersLost() + r.metrics().usersWon() + r.metrics().usersUnknown())
                    .isEqualTo(config.users());
        }
    }
}
