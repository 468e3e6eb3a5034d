package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.onFx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.RedisConnector;
import seckill.redis.TestRedis;
import seckill.report.ReadGif;
import seckill.report.RecordedSale;
import seckill.report.RecordingReader;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.ui.animation.AnimationExport;
import seckill.ui.common.I18n;
import seckill.ui.common.Language;

/**
 * A recorded sale exported as an animated GIF from the real window, headless through Monocle: the file as any GIF
 * reader sees it (its size, frames, delays, loop), the window's own replay left where it was, and Cancel.
 */
@ExtendWith(ApplicationExtension.class)
class AnimationWindowTest {
    private static final int W = 640;
    private static final int H = 360;
    private final WindowUnderTest window = new WindowUnderTest("ui-gif");
    private Dashboard dashboard;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        dashboard = window.show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> { });
        TestRedis.reset(window.prefix());
    }

    private RecordedSale naiveSale() throws IOException {
        return RecordedSale.play(SimulationConfig.builder().strategy(StrategyKind.NAIVE).load(20, 300, 60, 0)
                .seed(11).prefix(window.prefix()).build(), TestRedis.connection(), dir.resolve("sale.jsonl"));
    }

    @Test
    void theReplayOnScreenBecomesALoopingGifAtItsSpeedWhileTheWindowsReplayStaysWhereItWas() throws IOException {
        RecordedSale sale = naiveSale();
        onFx(() -> {
            dashboard.model().replay(sale.recording());
            dashboard.model().replay().pause();
            dashboard.model().replay().seek(1);
        });
        Path file = dir.resolve("sale.gif");
        double speed = 0.05;
        AtomicReference<CompletableFuture<AnimationExport.Result>> export = new AtomicReference<>();
        onFx(() -> export.set(dashboard.view().animations().export(file, W, H, speed)));
        await().atMost(Duration.ofSeconds(120)).until(() -> export.get().isDone());
        AnimationExport.Result result = export.get().join();

        double span = fx(() -> dashboard.model().replay().durationMsProperty().get());
        int frames = AnimationExport.frameCount(span, speed);
        ReadGif gif = ReadGif.of(file);
        assertThat(gif.width()).isEqualTo(W);
        assertThat(gif.height()).isEqualTo(H);
        assertThat(gif.loops()).as("loops forever").isTrue();
        assertThat(gif.delays()).as("frames that changed nothing lengthen the one before").hasSize(result.frames())
                .allMatch(d -> d % (100 / AnimationExport.FPS) == 0);
        assertThat(result.frames()).isGreaterThan(frames / 4).isLessThanOrEqualTo(frames);
        assertThat(gif.delays().stream().mapToInt(Integer::intValue).sum()).as("10 a second, the last held")
                .isEqualTo(frames * 100 / AnimationExport.FPS + AnimationExport.HOLD_CS);
        assertThat(gif.first()).as("the sale moves").isNotEqualTo(gif.last());
        assertThat(result.bytes()).isEqualTo(Files.size(file));
        assertThat(fx(() -> dashboard.model().replay().timeMsProperty().get())).as("the window's replay").isEqualTo(1);
        assertThat(fx(() -> dashboard.i18n().format(dashboard.model().status().messageProperty().get())))
                .startsWith("Animation saved: " + file).contains(result.frames() + " frames");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void cancelWritesNothingAndTheStatusLineSaysSo(FxRobot robot) throws IOException {
        RecordedSale sale = naiveSale();
        onFx(() -> dashboard.model().replay(sale.recording()));
        Path file = dir.resolve("slow.gif");
        AtomicReference<CompletableFuture<AnimationExport.Result>> export = new AtomicReference<>();
        onFx(() -> export.set(dashboard.view().animations().export(file, W, H, 0.01)));
        await().atMost(Duration.ofSeconds(60)).until(() -> robot.lookup("#animation-cancel").tryQuery().isPresent());
        robot.clickOn("#animation-cancel");
        await().atMost(Duration.ofSeconds(60)).until(() -> export.get().isDone());
        assertThat(export.get()).isCompletedExceptionally();
        assertThat(file).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(fx(() -> dashboard.i18n().format(dashboard.model().status().messageProperty().get())))
                .isEqualTo("Animation cancelled: nothing was written to " + file);
        assertThat(robot.lookup("#animation-cancel").tryQuery()).as("the progress closed").isEmpty();
    }

    @Test
    void aSpeedThatMakesItTooLongIsRefusedInWords() throws IOException {
        // a sale of 5 s: at 1/100 it would last 500 s
        Path recorded = Files.writeString(dir.resolve("long.jsonl"), String.join("\n",
                "{\"format\":\"seckill-lab-recording\",\"version\":1,\"settings\":{\"strategy\":\"lua\","
                        + "\"stock\":1,\"users\":1,\"duration_s\":60},\"started_at\":1000,\"clock\":\"t\","
                        + "\"sampled\":null,\"lanes\":[\"lua\"]}",
                "{\"t\":1,\"type\":\"attempt\",\"user\":0,\"id\":\"u0\",\"n\":1,\"sent\":1,\"answered\":2,"
                        + "\"outcome\":\"won\"}",
                "{\"t\":2,\"type\":\"purchase\",\"rank\":1,\"user\":\"u0\"}",
                "{\"t\":5000,\"type\":\"end\",\"ended_by\":\"sold_out\",\"sold\":1,\"oversold\":0,\"winners\":1,"
                        + "\"audit_ok\":true,\"violations\":[],\"exit_code\":0}", ""));
        onFx(() -> {
            dashboard.i18n().setLocale(I18n.CHINESE);
            dashboard.model().replay(RecordingReader.read(recorded));
        });
        Path file = dir.resolve("long.gif");
        AtomicReference<CompletableFuture<AnimationExport.Result>> export = new AtomicReference<>();
        onFx(() -> export.set(dashboard.view().animations().export(file, W, H, 0.01)));
        await().atMost(Duration.ofSeconds(30)).until(() -> export.get().isDone());
        assertThat(export.get()).isCompletedExceptionally();
        assertThat(fx(() -> dashboard.i18n().format(dashboard.model().status().messageProperty().get())))
                .contains("1/100×").contains("500 秒").contains("请选更快的速度");
        assertThat(file).doesNotExist();
    }

    @Test
    void aReplayAndItsGifOpenNoSocketToTheServerTheWindowWasGiven() throws Exception {
        RecordedSale sale = naiveSale();
        try (ServerSocket redis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LaunchOptions options = LaunchOptions.defaults().withRedis("redis://127.0.0.1:" + redis.getLocalPort(),
                    window.prefix()).withLanguage(Language.EN).withReplay(new LaunchOptions.Replay(sale.recording(),
                    8, dir.resolve("fast.gif")));
            AtomicReference<Dashboard> second = new AtomicReference<>();
            AtomicReference<Stage> stage = new AtomicReference<>();
            onFx(() -> {
                stage.set(new Stage());
                second.set(new Dashboard(options, RedisConnector.fromEnvironment()).show(stage.get()));
            });
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(dir.resolve("fast.gif"))
                        && fx(() -> second.get().live().settledProperty().get()));
                assertThat(fx(() -> second.get().verdict())).as("the recorded verdict")
                        .isEqualTo(seckill.util.Verdict.AUDIT_FAILED);
                redis.setSoTimeout(1);
                assertThatThrownBy(redis::accept).as("no connection came").isInstanceOf(SocketTimeoutException.class);
            } finally {
                onFx(() -> {
                    stage.get().close();
                    second.get().close();
                });
            }
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
