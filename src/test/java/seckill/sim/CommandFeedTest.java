package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;

@DisplayName("The sampled feed of what the sale sends")
class CommandFeedTest {
    private final List<String> prefixes = new ArrayList<>();

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    private static FeedLine line(int n) {
        return new FeedLine(n, "u" + n, false, List.of("GET kill_num"));
    }

    @Test
    void samplesNothingWhileOffAndAtMostOneUserPerIntervalWhileOn() {
        long interval = TimeUnit.MILLISECONDS.toNanos(200);
        CommandFeed feed = new CommandFeed(interval);
        assertThat(feed.sample(0)).isFalse();
        feed.setOn(true);
        assertThat(feed.sample(1_000)).isTrue();
        assertThat(feed.sample(1_000)).isFalse();
        assertThat(feed.sample(1_000 + interval - 1)).isFalse();
        assertThat(feed.sample(1_000 + interval)).isTrue();
        assertThat(feed.sample(1_000 + interval + 1)).isFalse();
        feed.setOn(false);
        assertThat(feed.sample(1_000 + 10 * interval)).isFalse();
    }

    @Test
    void keepsTheNewestLinesAndCountsWhatAReaderMissed() {
        CommandFeed feed = new CommandFeed();
        for (int i = 0; i < 3; i++) {
            feed.add(line(i));
        }
        CommandFeed.Read first = feed.since(0);
        assertThat(first.lines()).extracting(FeedLine::userId).containsExactly("u0", "u1", "u2");
        assertThat(first.next()).isEqualTo(3);
        assertThat(first.missed()).isZero();
        assertThat(feed.since(first.next()).lines()).isEmpty();

        int more = CommandFeed.CAPACITY + 10;
        for (int i = 3; i < 3 + more; i++) {
            feed.add(line(i));
        }
        CommandFeed.Read second = feed.since(first.next());
        // bounded: the ring holds the newest CAPACITY lines, in order; the reader learns how many went by
        assertThat(second.lines()).hasSize(CommandFeed.CAPACITY);
        assertThat(second.lines().get(0).userId()).isEqualTo("u" + (3 + more - CommandFeed.CAPACITY));
        assertThat(second.lines().get(CommandFeed.CAPACITY - 1).userId()).isEqualTo("u" + (2 + more));
        assertThat(second.missed()).isEqualTo(10);
        assertThat(second.next()).isEqualTo(feed.written()).isEqualTo(3 + more);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aSaleWithTheFeedOnWritesItsSampledBuyersCommandsAndReplies(EngineKind engine) {
        String prefix = TestRedis.prefix("feed-" + engine.cliName());
        prefixes.add(prefix);
        SimulationConfig config = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.WATCH).stock(20)
                .users(200).pool(10).engine(engine).seed(5L).build();
        Simulation simulation = new Simulation(config, TestRedis.connection());
        simulation.feed().setOn(true);
        SimulationResult result = simulation.run();
        assertThat(result.audit().ok()).isTrue();

        List<FeedLine> lines = simulation.feed().since(0).lines();
        // the first user is always sampled; far fewer than the sale's round trips are
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(100);
        FeedLine sent = lines.get(0);
        assertThat(sent.reply()).isFalse();
        assertThat(sent.parts().get(0)).startsWith("WATCH " + prefix + "kill_flag");
        FeedLine answered = lines.stream().filter(l -> l.userId().equals(sent.userId()) && l.reply()).findFirst()
                .orElseThrow();
        assertThat(answered.parts()).hasSize(sent.parts().size());
        assertThat(answered.epochMicros()).isGreaterThanOrEqualTo(sent.epochMicros());
        assertThat(sent.epochMicros() / 1_000).isBetween(System.currentTimeMillis() - 600_000,
                System.currentTimeMillis());
    }

    @Test
    void aSaleWithTheFeedOffWritesNothing() {
        String prefix = TestRedis.prefix("feed-off");
        prefixes.add(prefix);
        SimulationConfig config = SimulationConfig.builder().prefix(prefix).stock(5).users(50).pool(5).seed(5L)
                .build();
        Simulation simulation = new Simulation(config, TestRedis.connection());
        simulation.run();
        assertThat(simulation.feed().written()).isZero();
    }
}
