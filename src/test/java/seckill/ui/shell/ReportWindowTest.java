package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Language;

/** {@code ui --autostart --report FILE}: the window's sale's JSON report, as {@code run --report} writes it. */
@ExtendWith(ApplicationExtension.class)
class ReportWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-report");

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        SimulationConfig sale = SimulationConfig.builder().strategy(StrategyKind.LUA).load(12, 90, 8, 0).seed(5)
                .prefix(window.prefix()).build();
        window.show(stage, new LaunchOptions(TestRedis.url(), false, sale, true, true, false, null, false,
                Language.EN, false, false).withReport(dir.resolve("window.json")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    @Test
    void theAutostartedSalesReportIsWrittenOnceItHasEnded(FxRobot robot) throws Exception {
        Path file = dir.resolve("window.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertThat(report.get("strategy").asText()).isEqualTo("lua");
        assertThat(report.get("stock").asLong()).isEqualTo(12);
        assertThat(report.get("sold").asLong()).isEqualTo(12);
        assertThat(report.get("prefix").asText()).isEqualTo(window.prefix());
        assertThat(report.has("compare")).isFalse();
        assertThat(fx(() -> robot.lookup("#export-json").queryAs(Button.class).isDisabled())).isFalse();
    }
}
