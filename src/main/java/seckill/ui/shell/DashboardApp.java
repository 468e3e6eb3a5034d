package seckill.ui.shell;

import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
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
     */
    public record Outcome(Verdict verdict, double maxPulseGapMs, long frames, double meanPulseGapMs, double maxGapAtS,
                   double maxWorkMs, long chartPoints, double chartSpanS, double longestChartStepS,
                   AnimationExport.Result gif, String gifProblem) {
    }

    private static final AtomicReference<LaunchOptions> OPTIONS = new AtomicReference<>(LaunchOptions.defaults());
    private static final AtomicReference<RedisConnector> CONNECTOR =
            new AtomicReference<>(RedisConnector.fromEnvironment());
    private static final AtomicReference<Outcome> OUTCOME = new AtomicReference<>();

    private Dashboard dashboard;

    /** Opens the window and blocks until it closes. */
    public static Outcome launchWith(LaunchOptions options, RedisConnector connector) {
        OPTIONS.set(options);
        CONNECTOR.set(connector);
        OUTCOME.set(null);
        ClassPathToolkit.quietModuleWarning();
        Application.launch(DashboardApp.class);
        Outcome o = OUTCOME.get();
        return o == null ? new Outcome(Verdict.FAILED, 0, 0, 0, 0, 0, 0, 0, 0, null, null) : o;
    }

    @Override
    public void start(Stage stage) {
        dashboard = new Dashboard(OPTIONS.get(), CONNECTOR.get()).show(stage);
    }

    @Override
    public void stop() {
        if (dashboard != null) {
            FxPump pump = dashboard.pump();
            LiveSaleModel live = dashboard.live();
            double span = live.stockHistory().size() == 0 ? 0 : live.stockHistory().lastX();
            OUTCOME.set(new Outcome(dashboard.verdict(), pump.maxGapMs(), pump.frames(), pump.meanGapMs(),
                    pump.maxGapAtS(), pump.maxWorkMs(), live.chartPoints(), span, live.longestChartStepS(),
                    dashboard.gifDone(), dashboard.gifProblem()));
            dashboard.close();
        }
    }
}
