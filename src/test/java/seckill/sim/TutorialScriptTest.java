package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;
import seckill.sale.SaleInRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

/**
 * The tutorial's own script (the shipped {@code tutorial_seckill.py}, run by python3) selling beside the lab. Its
 * {@code WATCH} covers {@code kill_flag}, {@code kill_num} and {@code kill_user} but not {@code kill_total}, as in
 * the tutorial: a {@code kill_total} lowered between its read and its {@code EXEC} is not seen, and one more item
 * is sold. Only one: that sale changes {@code kill_num}, which every other transaction of the script watches.
 */
@DisplayName("the tutorial's own script beside the lab")
class TutorialScriptTest {
    private static final Pattern SCRIPT_WON = Pattern.compile("'won': (\\d+)");
    private final RedisConnection redis = TestRedis.connection();
    private final String prefix = TestRedis.prefix("tutorial");
    private final SaleKeys keys = new SaleKeys(prefix);

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    private SimulationConfig.Builder joining(StrategyKind kind, long users) {
        return SimulationConfig.builder().prefix(prefix).strategy(kind).load(1_000, users, 32, 3).seed(users)
                .join(true);
    }

    /** Starts the script and waits until it has opened its sale and sold an item. */
    private TutorialScript scriptSelling(long stock) {
        TutorialScript script = TutorialScript.start(prefix, stock, 20_000, 50);
        await("the script's first sale").atMost(Duration.ofSeconds(60)).until(() -> {
            try (Jedis jedis = redis.borrow()) {
                String sold = jedis.get(keys.num());
                return sold != null && Long.parseLong(sold) > 0;
            }
        });
        return script;
    }

    /** What the script says it sold (its users told "won") is what Redis holds of its users, and the lab's too. */
    private void assertBothSoldWhatTheyAcknowledged(SaleInRedis sale, String printed, SimulationResult lab) {
        Matcher won = SCRIPT_WON.matcher(printed);
        assertThat(won.find()).as(printed).isTrue();
        long scripts = sale.winners().stream().filter(id -> id.chars().allMatch(Character::isDigit)).count();
        assertThat(scripts).as("the script's users in kill_user").isPositive().isEqualTo(Long.parseLong(won.group(1)));
        long labs = sale.winners().stream().filter(id -> id.startsWith("u")).count();
        assertThat(labs).as("the lab's users in kill_user").isPositive().isEqualTo(lab.metrics().usersWon());
        assertThat(scripts + labs).isEqualTo(sale.winners().size());
    }

    @ParameterizedTest(name = "{0} beside the script")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void aStrategyJoiningTheTutorialsScriptNeverOversells(StrategyKind kind) {
        TutorialScript script = scriptSelling(1_500);
        SimulationResult lab = new Simulation(joining(kind, 3_000).build(), redis).run();
        String printed = script.finish();
        SaleInRedis sale = SaleInRedis.check(redis, keys);
        assertThat(sale.total()).isEqualTo(1_500);
        assertBothSoldWhatTheyAcknowledged(sale, printed, lab);
        assertThat(lab.auditHolds()).isTrue();
    }

    /**
     * Where the README's "stays within kill_total even when lowered" stops: the script sells at most one item past
     * a {@code kill_total} lowered to what is sold, whoever sells beside it; the lab's strategies none.
     */
    @ParameterizedTest(name = "{0} beside the script")
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void aKillTotalLoweredMidSaleIsPassedByTheScriptsOneItemInFlightAtMost(StrategyKind kind) {
        TutorialScript script = scriptSelling(20_000);
        Simulation lab = new Simulation(joining(kind, 6_000).spreadMs(3_000).build(), redis);
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(lab::run);
        await().atMost(Duration.ofSeconds(30)).until(() -> lab.metrics().sample().usersWon() >= 20);
        long limit;
        try (Jedis jedis = redis.borrow()) {
            limit = SaleInRedis.lowerTotalToSoldPlus(jedis, keys, 0);
        }
        SimulationResult r = running.join();
        script.finish();
        SaleInRedis sale = SaleInRedis.read(redis, keys).assertHoldsWithin(limit + 1);
        assertThat(sale.total()).isEqualTo(limit);
        assertThat(r.metrics().usersWon()).as("the lab's wins")
                .isEqualTo(sale.winners().stream().filter(id -> id.startsWith("u")).count());
    }

    /** The keys the shipped script WATCHes, read from its {@code pipe.watch(...)} line. */
    private List<String> scriptsWatchedKeys() throws IOException {
        String source;
        try (InputStream in = getClass().getResourceAsStream("/seckill/tutorial/tutorial_seckill.py")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher watch = Pattern.compile("pipe\\.watch\\(([^)]*)\\)").matcher(source);
        assertThat(watch.find()).as("the script's WATCH").isTrue();
        Map<String, String> names = Map.of("flag_key", keys.flag(), "num_key", keys.num(), "user_key", keys.user(),
                "total_key", keys.total());
        return Stream.of(watch.group(1).split(",")).map(String::strip).map(names::get).toList();
    }

    /**
     * The lesson, stepped by hand with the script's own WATCH and commands: a {@code kill_total} lowered between
     * the read and the {@code EXEC} does not abort it, and one item is sold past the new total; with
     * {@code kill_total} watched as well (as the lab's {@code watch} does), the {@code EXEC} is aborted.
     */
    @ParameterizedTest(name = "kill_total watched as well: {0}")
    @ValueSource(booleans = {false, true})
    void theTutorialsWatchMissesKillTotal(boolean watchTotalToo) throws IOException {
        List<String> watched = new ArrayList<>(scriptsWatchedKeys());
        assertThat(watched).containsExactly(keys.flag(), keys.num(), keys.user());
        if (watchTotalToo) {
            watched.add(keys.total());
        }
        try (Jedis buyer = redis.borrow(); Jedis other = redis.borrow()) {
            buyer.set(keys.total(), "50");
            buyer.set(keys.num(), "49");
            buyer.setex(keys.flag(), 600, "1");
            buyer.watch(watched.toArray(String[]::new));
            assertThat(Long.parseLong(buyer.get(keys.num()))).isLessThan(Long.parseLong(buyer.get(keys.total())));
            // another client lowers the stock to what is sold, between the script's read and its EXEC
            other.set(keys.total(), "49");
            Transaction tx = buyer.multi();
            tx.incr(keys.num());
            tx.rpush(keys.user(), "10000001");
            List<Object> exec = tx.exec();
            long sold = SaleInRedis.read(other, keys).sold();
            if (watchTotalToo) {
                assertThat(exec).as("EXEC aborted").isNull();
                assertThat(sold).isEqualTo(49);
            } else {
                assertThat(exec).as("EXEC ran").isNotNull();
                assertThat(sold).as("one item past kill_total 49").isEqualTo(50);
            }
        }
    }

    @Test
    void thePythonThatRunsTheScriptCanImportRedis() {
        assertThat(TutorialScript.python()).isNotBlank();
    }
}
