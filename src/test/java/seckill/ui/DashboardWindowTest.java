package seckill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import seckill.redis.RedisConnector;
import seckill.redis.TestRedis;

@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    private final String prefix = TestRedis.prefix("ui-window");
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        LaunchOptions options = LaunchOptions.defaults().withRedis(TestRedis.url(), prefix).withLang("en");
        dashboard = new Dashboard(options, RedisConnector.fromEnvironment()).show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        TestRedis.reset(prefix);
    }

    private <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    @Test
    void tilesCarryTheirCaptions(FxRobot robot) {
        Label caption = (Label) robot.lookup("#tile-stock-left").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().get(1);
        assertThat(fx(caption::getText)).isEqualTo("Stock left");
        assertThat(fx(() -> caption.getHeight())).isGreaterThan(5);
        System.out.println("caption " + fx(() -> caption.getBoundsInParent()) + " visible " + fx(caption::isVisible)
                + " font " + fx(caption::getFont) + " fill " + fx(caption::getTextFill));
    }
}
