package seckill.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnector;
import seckill.redis.TestRedis;
import seckill.report.Recording;
import seckill.report.RecordingReader;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/** The window's recordings on the real Redis: the polls drawn for a local run, and a comparison's every lane. */
class LastRecordingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final String prefix = TestRedis.prefix("last-rec");
    private final RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment());
    private final List<String> prefixes = new ArrayList<>(List.of(prefix));

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        service.close();
        prefixes.forEach(TestRedis::reset);
    }

    @Test
    void theRunsPollsAreRecordedInTheOrderTakenUpToTheFiguresItEndedWith() throws Exception {
        service.connect(TestRedis.url(), false, TIMEOUT);
        SaleRun run = service.startSale(SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.WATCH)
                .load(12, 200, 20, 2).seed(3).build());
        List<PollSnapshot> drawn = new CopyOnWriteArrayList<>();
        SimulationResult r;
        try (PollStream stream = service.watch(new SaleKeys(prefix), 1, drawn::add)) {
            stream.follow(run.metrics());
            r = run.result().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
            long sold = r.state().sold();
            await().atMost(Duration.ofSeconds(10)).until(() -> drawn.stream()
                    .anyMatch(s -> !s.isLost() && s.state().sold() == sold && s.metrics() != null));
            stream.follow(null);
        }
        long drawnBefore = followed(drawn).size();
        Path file = dir.resolve("run.jsonl");
        service.exportRecording(r, file);
        Recording recording = RecordingReader.read(file);

        List<Recording.Poll> polls = recording.polls();
        // a tick under way as the stream closed is recorded before it reaches the screen's sink
        assertThat(polls).hasSizeGreaterThanOrEqualTo((int) drawnBefore)
                .isSortedAccordingTo((a, b) -> Double.compare(a.t(), b.t()));
        await().atMost(Duration.ofSeconds(10)).until(() -> followed(drawn).size() >= polls.size());
        assertThat(polls.stream().map(Recording.Poll::sold).toList()).as("the polls drawn, in the order drawn")
                .isEqualTo(followed(drawn).subList(0, polls.size()).stream().map(s -> s.state().sold()).toList());
        Recording.Poll last = polls.get(polls.size() - 1);
        assertThat(last.sold()).isEqualTo(r.state().sold());
        assertThat(last.stock()).isEqualTo(12);
        assertThat(last.left()).isEqualTo(r.state().stockLeft());
        assertThat(last.attempts()).isPositive().isLessThanOrEqualTo(r.metrics().attempts());
        assertThat(recording.end().fields()).containsEntry("polls", polls.size());
    }

    /** The snapshots taken while following the run's counters (Redis read). */
    private static List<PollSnapshot> followed(List<PollSnapshot> drawn) {
        return drawn.stream().filter(s -> s.metrics() != null && !s.isLost()).toList();
    }

    @Test
    void aComparisonRunHereIsRecordedEveryLaneWithItsPolls() throws Exception {
        service.connect(TestRedis.url(), false, TIMEOUT);
        List<StrategyKind> strategies = List.of(StrategyKind.NAIVE, StrategyKind.LUA);
        strategies.forEach(s -> prefixes.add(Comparison.saleKeys(prefix, s).prefix()));
        ComparisonRun run = service.startComparison(SimulationConfig.builder().prefix(prefix).load(10, 150, 30, 0)
                .naiveGapMs(5).seed(8).build(), strategies, Comparison.Mode.AT_ONCE);
        List<List<PollSnapshot>> drawn = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<PollStream> streams = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PollStream stream = service.watch(run.lanes().get(i).keys(), 1, drawn.get(i)::add);
            stream.follow(run.lanes().get(i).run().metrics());
            streams.add(stream);
        }
        ComparisonResult result = run.result().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
        for (int i = 0; i < 2; i++) {
            List<PollSnapshot> lane = drawn.get(i);
            long sold = result.results().get(i).state().sold();
            await().atMost(Duration.ofSeconds(10)).until(() -> lane.stream()
                    .anyMatch(s -> !s.isLost() && s.state().sold() == sold));
        }
        streams.forEach(PollStream::close);
        assertThatThrownBy(() -> service.exportRecording(result.results().get(0), dir.resolve("lane.jsonl")))
                .as("a lane is no run of its own").isInstanceOf(IllegalStateException.class);
        Path file = dir.resolve("compare.jsonl.gz");
        service.exportComparisonRecording(result, file);
        Recording recording = RecordingReader.read(file);

        assertThat(recording.header().lanes()).containsExactly("naive", "lua");
        assertThat(recording.end().fields()).containsEntry("exit_code", result.verdict().exitCode());
        for (int i = 0; i < 2; i++) {
            Recording lane = recording.lane(strategies.get(i).cliName());
            SimulationResult r = result.results().get(i);
            assertThat(lane.polls()).isNotEmpty();
            assertThat(lane.polls().get(lane.polls().size() - 1).sold()).isEqualTo(r.state().sold());
            assertThat(lane.attempts()).hasSize((int) r.metrics().attempts());
            try (Jedis jedis = TestRedis.connection().borrow()) {
                assertThat(lane.purchases().stream().map(Recording.Purchase::user).toList())
                        .isEqualTo(jedis.lrange(r.config().prefix() + "kill_user", 0, -1));
            }
        }
    }
}
