package seckill.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.Batch;
import seckill.redis.TestRedis;

/** The listing a class reads is what the strategy really sends, command for command. */
class StrategyListingTest {
    private final List<String> prefixes = new ArrayList<>();

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void theListingIsWhatTheStrategySendsForAWinner(StrategyKind kind) {
        String prefix = TestRedis.prefix("listing-" + kind.cliName());
        prefixes.add(prefix);
        SaleKeys keys = new SaleKeys(prefix);
        PurchaseStrategy strategy = kind.create(keys, 0);
        List<List<String>> sent = new ArrayList<>();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new Sale(keys).open(jedis, StrategyListing.STOCK, 60, kind);
            strategy.prepare(jedis);
            Outcome outcome = strategy.buy(jedis, "10000042", new RoundTripObserver() {
                @Override
                public void sending(Batch batch) {
                    sent.add(batch.describe().stream().map(line -> StrategyListing.shown(kind, line)).toList());
                }

                @Override
                public void answered(List<Object> replies) {
                }

                @Override
                public void decided(Attempt attempt, Outcome decided) {
                }
            });
            assertThat(outcome).isEqualTo(Outcome.WON);
        }
        List<List<String>> listed = StrategyListing.winningAttempt(kind, keys, "10000042", 0).stream()
                .map(StrategyListing.RoundTrip::commands).toList();
        assertThat(listed).isEqualTo(sent);
    }

    @Test
    void watchReadsUnderWatchThenWritesInOneTransaction_andScriptsAreCalledByTheirSha() {
        SaleKeys keys = new SaleKeys("demo:");
        List<StrategyListing.RoundTrip> watch = StrategyListing.winningAttempt(StrategyKind.WATCH, keys, "7", 0);
        assertThat(watch.get(0).commands()).startsWith("WATCH demo:kill_flag demo:kill_num demo:kill_total "
                + "demo:kill_buyers");
        assertThat(watch.get(1).commands()).startsWith("MULTI").endsWith("EXEC")
                .contains("RPUSH demo:kill_time " + StrategyListing.EXAMPLE_TIME_MS);
        List<StrategyListing.RoundTrip> lua = StrategyListing.winningAttempt(StrategyKind.LUA, keys, "7", 0);
        assertThat(lua).hasSize(1);
        assertThat(lua.get(0).commands()).containsExactly("EVALSHA " + StrategyListing.sha1(Scripts.purchase())
                + " 6 demo:kill_flag demo:kill_total demo:kill_num demo:kill_user demo:kill_buyers demo:kill_time 7 "
                + StrategyListing.EXAMPLE_TIME_MS);
        assertThat(StrategyListing.winningAttempt(StrategyKind.NAIVE, keys, "7", 5).get(1).waitMs()).isEqualTo(5);
        assertThat(StrategyListing.winningAttempt(StrategyKind.DECR, keys, "7", 0)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void aPrefixLongerThanACommandLineShowsIsStillListed(StrategyKind kind) {
        // described commands cut an argument over 48 characters short: the listing must still win (it used to throw,
        // and the window could not open), and show the keys as the lab's own traffic shows them
        String prefix = "a-classroom-prefix-that-is-longer-than-any-argument-shown:";
        List<String> lines = StrategyListing.winningAttempt(kind, new SaleKeys(prefix), "7", 0).stream()
                .flatMap(t -> t.commands().stream()).toList();
        assertThat(lines).isNotEmpty().anyMatch(line -> line.contains("\"a-classroom-prefix-that-is-longer-than"))
                .noneMatch(line -> line.contains("⟦"));
    }
}
