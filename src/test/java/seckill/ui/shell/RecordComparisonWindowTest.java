package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.TestRedis;
import seckill.report.Recording;
import seckill.report.RecordingReader;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Language;

/** {@code ui --compare lua,decr --autostart --record FILE}: every lane of the window's comparison, in one file. */
@ExtendWith(ApplicationExtension.class)
class RecordComparisonWindowTest {
    private static final List<StrategyKind> LINEUP = List.of(StrategyKind.LUA, StrategyKind.DECR);
    private final WindowUnderTest window = new WindowUnderTest("ui-record-cmp");

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        SimulationConfig sale = SimulationConfig.builder().load(10, 80, 8, 0).seed(3).prefix(window.prefix())
                .build();
        window.show(stage, new LaunchOptions(TestRedis.url(), false, sale, true, true, false, null, false,
                Language.EN, false, false).withCompare(LINEUP, false).withRecord(dir.resolve("compare.jsonl")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        LINEUP.forEach(s -> TestRedis.reset(Comparison.saleKeys(window.prefix(), s).prefix()));
    }

    @Test
    void theAutostartedComparisonIsRecordedEveryLaneOnceItHasEnded() {
        Path file = dir.resolve("compare.jsonl");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        Recording recording = RecordingReader.read(file);
        assertThat(recording.header().lanes()).containsExactly("lua", "decr");
        for (StrategyKind s : LINEUP) {
            Recording lane = recording.lane(s.cliName());
            assertThat(lane.purchases()).hasSize(10);
            assertThat(lane.end().fields()).containsEntry("sold", 10);
            assertThat(lane.polls()).allSatisfy(p -> assertThat(p.sold()).isBetween(0L, 10L));
        }
        assertThat(recording.end().fields()).containsEntry("exit_code", 0);
    }
}
