package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

@DisplayName("another client overwrites a sale's key mid-sale")
class ForeignWritesTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String prefix = TestRedis.prefix("foreign");

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    /** The keys every purchase writes, on both engines; the rest of the sale's keys on threads. */
    static Stream<Arguments> cases() {
        Stream<Arguments> written = Stream.of(EngineKind.values()).flatMap(engine -> Stream.of(StrategyKind.WATCH,
                StrategyKind.LUA, StrategyKind.DECR).flatMap(kind -> Stream.of("kill_num", "kill_user")
                .map(key -> Arguments.of(engine, kind, key))));
        Stream<Arguments> read = Stream.of(StrategyKind.WATCH, StrategyKind.LUA, StrategyKind.DECR)
                .flatMap(kind -> Stream.of("kill_total", "kill_buyers", "kill_time")
                        .map(key -> Arguments.of(EngineKind.THREADS, kind, key)));
        return Stream.concat(Stream.concat(written, read),
                Stream.of(Arguments.of(EngineKind.THREADS, StrategyKind.DECR, "kill_stock")));
    }

    @ParameterizedTest(name = "{0} engine, {1}, {2} turned into a hash")
    @MethodSource("cases")
    void anErrorReplyStopsTheSale_namingTheKey_andIsNeverCountedAsAWin(EngineKind engine, StrategyKind kind,
                                                                        String key) {
        SimulationConfig config = SimulationConfig.builder().prefix(prefix).strategy(kind).engine(engine)
                .load(3_000, 3_000, 16, 0).spreadMs(3_000).seed(11).build();
        Simulation simulation = new Simulation(config, redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> simulation.metrics().sample().usersWon() >= 20);
        long soldBefore;
        try (Jedis jedis = redis.borrow()) {
            String name = new SaleKeys(prefix).prefix() + key;
            // a hash made aside, then renamed over the key: the buyers never see the key missing
            jedis.hset(prefix + "foreign", "taken", "by another client");
            jedis.rename(prefix + "foreign", name);
            soldBefore = simulation.metrics().sample().usersWon();
        }
        SimulationResult r = running.join();
        assertThat(r.endedBy()).isEqualTo(EndReason.ERROR);
        assertThat(r.error().kind()).isEqualTo(Problem.Kind.REDIS_ERROR_REPLY);
        assertThat(r.error().english()).contains("WRONGTYPE").doesNotContain("ClassCast").doesNotContain("Exception")
                .satisfies(text -> assertThat(text).containsAnyOf(prefix + key, "purchase script"));
        // the wins the client confirmed before the overwrite, and a few in flight: never the thousands an error
        // taken for a win would add
        assertThat(r.metrics().usersWon()).isLessThan(soldBefore + config.pool() + 1);
    }
}
