package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.labelText;
import static seckill.ui.shell.OnFx.onFx;

import java.time.Duration;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Language;

/** {@code ui --redis URL --autostart} with a wrong password: why not, in the red banner, until Redis is reached. */
@ExtendWith(ApplicationExtension.class)
class RefusedBannerWindowTest {
    private static final String PASSWORD = "not-the-password";
    private final WindowUnderTest window = new WindowUnderTest("ui-refused");
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        SimulationConfig sale = SimulationConfig.builder().strategy(StrategyKind.LUA).load(5, 20, 4, 0)
                .prefix(window.prefix()).build();
        String wrong = TestRedis.url().replaceFirst("^redis://([^@]*@)?", "redis://someone:" + PASSWORD + "@");
        dashboard = window.show(stage, new LaunchOptions(wrong, false, sale, false, true, false, null, false,
                Language.EN, false, false));
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    @Test
    void aRefusedConnectionShowsInTheBanner_andGoesOnceRedisIsReached(FxRobot robot) {
        Node banner = robot.lookup("#banner").query();
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(banner::isVisible));
        assertThat(labelText(robot, "#banner-text")).startsWith("Cannot use Redis").contains("authentication failed")
                .doesNotContain(PASSWORD);
        assertThat(labelText(robot, "#status-message")).isEqualTo(labelText(robot, "#banner-text"));

        onFx(() -> dashboard.model().form().takeUrl(TestRedis.url()));
        onFx(() -> dashboard.model().connect());
        await().atMost(Duration.ofSeconds(60)).until(() -> !fx(banner::isVisible));
        assertThat(fx(() -> dashboard.model().server().redisTargetProperty().get())).isNotEmpty();
    }
}
