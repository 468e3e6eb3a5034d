package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

/**
 * {@code ui --compare … --autostart --report FILE}: the comparison's JSON report, as {@code run --compare --report}
 * writes it; and Report JSON, offered after the comparison, writes it too.
 */
@ExtendWith(ApplicationExtension.class)
class CompareReportWindowTest {
    private static final List<StrategyKind> LINEUP = List.of(StrategyKind.WATCH, StrategyKind.LUA);
    private final WindowUnderTest window = new WindowUnderTest("ui-cmp-report");
    private Dashboard dashboard;

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        SimulationConfig sale = SimulationConfig.builder().load(10, 60, 6, 0).seed(8).prefix(window.prefix())
                .build();
        dashboard = window.show(stage, new LaunchOptions(TestRedis.url(), false, sale, true, true, false, null,
                false, Language.EN, false, false).withCompare(LINEUP, false)
                .withReport(dir.resolve("compare.json")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        for (StrategyKind s : LINEUP) {
            TestRedis.reset(window.prefix() + s.cliName() + ":");
        }
    }

    private static List<String> strategies(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("compare").forEach(r -> names.add(r.get("strategy").asText()));
        return names;
    }

    @Test
    void theComparisonsReportIsWrittenOnceItHasEnded_andReportJsonIsOfferedForIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("compare.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertThat(strategies(report)).containsExactly("watch", "lua");

        Button json = robot.lookup("#export-json").queryAs(Button.class);
        assertThat(fx(json::isDisabled)).as("a comparison's report to write").isFalse();
        Path again = dir.resolve("again.json");
        fx(() -> dashboard.model().exports().report(again)).get(30, TimeUnit.SECONDS);
        assertThat(strategies(new ObjectMapper().readTree(again.toFile()))).containsExactly("watch", "lua");
    }
}
