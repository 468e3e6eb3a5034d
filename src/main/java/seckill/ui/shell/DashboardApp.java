package seckill.ui.shell;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import seckill.redis.RedisConnector;
import seckill.ui.animation.AnimationExport;
import seckill.ui.common.Face;
import seckill.ui.live.LiveSaleModel;
import seckill.util.Verdict;

/**
 * The JavaFX application. The jar's main class is not an {@code Application} (so the fat jar starts on a plain
 * class path); the {@code ui} command parses the options and launches this class, handing the options over here.
 */
@Face
public final class DashboardApp extends Application {
    /**
     * How a window's life ended, for the command's exit code and the pulse report.
     *
     * @param chartPoints       points each chart drew for the last sale on view
     * @param chartSpanS        the time those points cover, in s
     * @param longestChartStepS the longest time between two of them, in s
     * @param gif               what {@code --gif} wrote, or null
     * @param gifProblem        why {@code --gif} wrote nothing, or null
     * @param error             what went wrong, in English as {@code run} prints it (naming the Redis), or null
     */
    public record Outcome(Verdict verdict, double maxPulseGapMs, long frames, double meanPulseGapMs, double maxGapAtS,
                   double maxWorkMs, long chartPoints, double chartSpanS, double longestChartStepS,
                   AnimationExport.Result gif, String gifProblem, String error) {
    }

    private static final AtomicReference<LaunchOptions> OPTIONS = new AtomicReference<>(LaunchOptions.defaults());
    private static final AtomicReference<RedisConnector> CONNECTOR =
            new AtomicReference<>(RedisConnector.fromEnvironment());
    private static final AtomicReference<Outcome> OUTCOME = new AtomicReference<>();
    /** The window was asked to close from outside the toolkit ({@link #closeFromOutside()}). */
    private static final AtomicBoolean CLOSE_ASKED = new AtomicBoolean();
    private static final AtomicReference<Consumer<String>> CONSOLE = new AtomicReference<>(line -> { });

    private Dashboard dashboard;

    /** Opens the window and blocks until it closes. */
    public static Outcome launchWith(LaunchOptions options, RedisConnector connector) {
        return launchWith(options, connector, line -> { });
    }

    /**
     * Opens the window and blocks until it closes; what the window has to tell the console (the class's join
     * address, with {@code --students}) goes to {@code console}, from the FX thread.
     */
    public static Outcome launchWith(LaunchOptions options, RedisConnector connector, Consumer<String> console) {
        CONSOLE.set(console);
        OPTIONS.set(options);
        CONNECTOR.set(connector);
        OUTCOME.set(null);
        ClassPathToolkit.quietModuleWarning();
        Application.launch(DashboardApp.class);
        Outcome o = OUTCOME.get();
        return o == null ? new Outcome(Verdict.FAILED, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null) : o;
    }

    /**
     * Closes every window from any thread, as quitting does: a sale still running is stopped, and closed, read back
     * and audited as {@code run} does on a stop, before the window lets go of Redis ({@link Dashboard#close()}). For a
     * signal, or the process that started this one gone; asked before the window has opened, it closes once open.
     */
    public static void closeFromOutside() {
        CLOSE_ASKED.set(true);
        try {
            Platform.runLater(Platform::exit);
        } catch (IllegalStateException notStarted) {
            // the toolkit is not up yet: start() sees CLOSE_ASKED
        }
    }

    @Override
    public void start(Stage stage) {
        dashboard = new Dashboard(OPTIONS.get(), CONNECTOR.get()).sayingTo(CONSOLE.get()).show(stage);
        if (CLOSE_ASKED.get()) {
            Platform.runLater(Platform::exit);
        }
    }

    @Override
    public void stop() {
        if (dashboard != null) {
            FxPump pump = dashboard.pump();
            LiveSaleModel live = dashboard.live();
            double span = live.stockHistory().size() == 0 ? 0 : live.stockHistory().lastX();
            OUTCOME.set(new Outcome(dashboard.verdict(), pump.maxGapMs(), pump.frames(), pump.meanGapMs(),
                    pump.maxGapAtS(), pump.maxWorkMs(), live.chartPoints(), span, live.longestChartStepS(),
                    dashboard.gifDone(), dashboard.gifProblem(), dashboard.error()));
            dashboard.close();
        }
    }
}
