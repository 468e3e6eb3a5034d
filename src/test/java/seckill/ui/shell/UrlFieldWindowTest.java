package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import seckill.redis.RedisConnector;
import seckill.ui.common.Language;

/** On a projector, a password typed into the Redis URL field is never drawn. */
@ExtendWith(ApplicationExtension.class)
class UrlFieldWindowTest {
    private static final String PASSWORD = "hunter2-on-the-wall";
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        dashboard = new Dashboard(LaunchOptions.defaults().withLanguage(Language.EN), RedisConnector.fromEnvironment())
                .show(window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPasswordBeingTypedIsDrawnAsDots() throws Exception {
        String drawn = WaitForAsyncUtils.asyncFx(() -> {
            TextField url = (TextField) stage.getScene().lookup("#redis-url");
            url.requestFocus();
            url.setText("redis://alice:" + PASSWORD);
            url.applyCss();
            url.layout();
            // every piece of text the field draws: the prompt, and the text as shown
            return url.lookupAll("Text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                    .reduce("", (a, b) -> a + "\n" + b);
        }).get(10, TimeUnit.SECONDS);
        assertThat(drawn).contains("redis://alice:••••").doesNotContain(PASSWORD);
    }
}
