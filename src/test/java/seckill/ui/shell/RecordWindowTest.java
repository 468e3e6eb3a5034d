package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import seckill.sim.SimulationConfig;
import seckill.ui.common.Language;

/** {@code ui --autostart --record FILE}: the window's sale, recorded once the screen has settled. */
@ExtendWith(ApplicationExtension.class)
class RecordWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-record");

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        SimulationConfig sale = SimulationConfig.builder().strategy(StrategyKind.LUA).load(10, 80, 8, 0).seed(3)
                .prefix(window.prefix()).build();
        window.show(stage, new LaunchOptions(TestRedis.url(), false, sale, true, true, false, null, false,
                Language.EN, false, false).withRecord(dir.resolve("window.jsonl.gz")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    @Test
    void theAutostartedSaleIsRecordedOnceItHasEnded() {
        Path file = dir.resolve("window.jsonl.gz");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        Recording recording = RecordingReader.read(file);
        assertThat(recording.header().settings()).containsEntry("stock", 10).containsEntry("strategy", "lua");
        assertThat(recording.purchases()).hasSize(10);
        assertThat(recording.end().fields()).containsEntry("exit_code", 0);
    }
}
