package seckill.ui.shell;

import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import seckill.redis.RedisConnector;
import seckill.redis.TestRedis;
import seckill.ui.common.Language;

/**
 * The dashboard in a window test's stage, on the real Redis under a prefix of its own, in English; put away after the
 * test with the stage's size as it was (the next test's window reuses the primary stage).
 */
public final class WindowUnderTest {
    private final String prefix;
    private Dashboard dashboard;
    private Stage stage;
    private double[] sizeBefore;

    /** @param name the test's prefix, made unique ({@link TestRedis#prefix}) */
    public WindowUnderTest(String name) {
        this.prefix = TestRedis.prefix(name);
    }

    public String prefix() {
        return prefix;
    }

    /** Shows the dashboard in the stage TestFX gave; FX thread. */
    public Dashboard show(Stage window) {
        return show(window, LaunchOptions.defaults().withRedis(TestRedis.url(), prefix).withLanguage(Language.EN));
    }

    /** Shows the dashboard opened with those options; FX thread. */
    public Dashboard show(Stage window, LaunchOptions options) {
        stage = window;
        dashboard = new Dashboard(options, RedisConnector.fromEnvironment()).show(window);
        return dashboard;
    }

    /** Resizes the window as a smaller screen would, remembering its size for {@link #close}. */
    void resize(double width, double height) {
        OnFx.onFx(() -> {
            if (sizeBefore == null) {
                sizeBefore = new double[] {stage.getWidth(), stage.getHeight()};
            }
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    /** Closes what the test opened on the FX thread first, then the dashboard, and gives the stage its size back. */
    public void close(Runnable alsoClose) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            alsoClose.run();
            if (sizeBefore != null) {
                stage.setWidth(sizeBefore[0]);
                stage.setHeight(sizeBefore[1]);
            }
            dashboard.close();
            // the stage is TestFX's own, shared by the tests after this one: the window's least size goes with it
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }
}
