package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        AttemptLog log = ClientWins.record(simulation);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> simulation.metrics().sample().usersWon() >= 20);
        SaleKeys keys = new SaleKeys(prefix);
        List<String> winnersBefore;
        try (Jedis jedis = redis.borrow()) {
            // a hash made aside, then renamed over the key, in one step with a look at kill_user: the buyers never
            // see the key missing, and the winners at that moment are known exactly
            @SuppressWarnings("unchecked")
            List<String> before = (List<String>) jedis.eval("local before = redis.call('LRANGE', KEYS[2], 0, -1) "
                    + "redis.call('HSET', KEYS[3], 'taken', 'by another client') "
                    + "redis.call('RENAME', KEYS[3], KEYS[1]) return before",
                    List.of(keys.prefix() + key, keys.user(), prefix + "foreign"), List.of());
            winnersBefore = before;
        }
        SimulationResult r = running.join();
        assertThat(r.endedBy()).isEqualTo(EndReason.ERROR);
        assertThat(r.error().kind()).isEqualTo(Problem.Kind.REDIS_ERROR_REPLY);
        assertThat(r.error().english()).contains("WRONGTYPE").doesNotContain("ClassCast").doesNotContain("Exception")
                .satisfies(text -> assertThat(text).containsAnyOf(prefix + key, "purchase script"));
        // zero false wins, both ways: every win made before the overwrite (those in flight then included) was
        // told, and every win told is in kill_user; an error taken for a win would be a user Redis lacks
        ClientWins told = ClientWins.of(log);
        assertThat(winnersBefore).isNotEmpty();
        assertThat(told.won()).as("wins acknowledged").containsAll(winnersBefore);
        Set<String> inRedis = new HashSet<>(winnersBefore);
        try (Jedis jedis = redis.borrow()) {
            if (!key.equals("kill_user")) {
                inRedis.addAll(jedis.lrange(keys.user(), 0, -1));
            }
        }
        assertThat(told.lostIn(inRedis)).as("wins acknowledged that Redis lacks").isEmpty();
        assertThat(r.metrics().usersWon()).isEqualTo(told.won().size());
        // each purchase reads or writes the key in its last step, so none completes after the overwrite; but
        // decr's last step (its commit) touches neither kill_buyers nor kill_stock when it sells: users claimed and
        // let through the gate before the overwrite buy for real after it
        if (kind != StrategyKind.DECR || !List.of("kill_buyers", "kill_stock").contains(key)) {
            assertThat(told.won()).isEqualTo(new HashSet<>(winnersBefore));
        }
    }
}
