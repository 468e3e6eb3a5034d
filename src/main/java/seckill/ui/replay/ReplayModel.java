package seckill.ui.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.report.Recording;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.service.PollSnapshot;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;

/**
 * A recorded sale played again, slowed down, on the dashboard's own tiles, charts and winners: at each
 * {@link #tick} the events up to the replay's time become the snapshots a poller would have made then, fed to the
 * {@link LiveSaleModel}. It keeps no clock (the window's frames drive it, tests call {@link #tick}); the charts'
 * times are the sale's own, however slowly it plays.
 */
@Face
public final class ReplayModel {
    /** The speeds offered, recorded seconds per second on screen. */
    public static final List<Double> SPEEDS = List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 4.0, 8.0);
    public static final double MIN_SPEED = 0.01;
    public static final double MAX_SPEED = 8;
    /** How long a replay lasts on screen at its first speed, in s (when the speeds allow). */
    static final double SCREEN_SECONDS = 17.5;
    /** Chart points over a sale, at most: more for a long one, so that no two are 0.25 s apart. */
    static final int CHART_STEPS = 400;
    static final double MAX_STEP_MS = 250;
    /** The rates' window, as a share of the sale's length. */
    static final int RATE_WINDOWS = 20;
    /** The snapshots' source: a replay has no poller. */
    private static final long SOURCE = 0;

    private final LiveSaleModel live;
    private final VerdictModel verdict;
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1);
    private final ReadOnlyDoubleWrapper timeMs = new ReadOnlyDoubleWrapper(this, "timeMs");
    private final ReadOnlyDoubleWrapper durationMs = new ReadOnlyDoubleWrapper(this, "durationMs");

    private ReplayTimeline timeline;
    /** The winners already on screen. */
    private int shownWinners;
    /** The recorded time of the next chart point. */
    private double nextPointMs;
    private boolean ended;

    public ReplayModel(LiveSaleModel live, VerdictModel verdict) {
        this.live = live;
        this.verdict = verdict;
    }

    /** The recording on screen, or null when none is. */
    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Recorded seconds per second on screen, from 1/100 to 8. */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** Where the replay is, in recorded ms since the buyers were let in. */
    public ReadOnlyDoubleProperty timeMsProperty() {
        return timeMs.getReadOnlyProperty();
    }

    /** The recorded sale's length in ms. */
    public ReadOnlyDoubleProperty durationMsProperty() {
        return durationMs.getReadOnlyProperty();
    }

    /** The speed at which a sale this long lasts about {@link #SCREEN_SECONDS} on screen, within the range. */
    static double defaultSpeed(double durationMs) {
        return clamp(durationMs / 1000.0 / SCREEN_SECONDS);
    }

    /** What the status bar says while a recording plays: its strategy, users and stock; no Redis. */
    public static LocalText news(Recording r) {
        Map<String, Object> settings = r.header().settings();
        return LocalText.of("status.replay", String.valueOf(settings.get("strategy")), settings.get("users"),
                settings.get("stock"));
    }

    /** "0.052" s of recorded time, for the replay bar. */
    public static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /**
     * 1/100 … 1/2 as fractions of real time, then 1×, 2×, 4×, 8×; another slow speed as the nearest fraction (a
     * recording's own speed, 0.0242: "1/41×"), any other to three figures.
     */
    public static String speedText(double x) {
        if (x < 1 && (Math.abs(1 / x - Math.rint(1 / x)) < 1e-9 || x < 0.4)) {
            return "1/" + Math.round(1 / x) + "×";
        }
        if (x >= 1 && Math.abs(x - Math.rint(x)) < 1e-9) {
            return Math.round(x) + "×";
        }
        return String.format(Locale.ROOT, "%.3g×", x);
    }

    /** Shows the recording from its start and plays it (the view was begun already, empty). */
    public void show(Recording r) {
        timeline = new ReplayTimeline(r);
        recording.set(r);
        durationMs.set(timeline.spanMs());
        speed.set(defaultSpeed(timeline.spanMs()));
        restart();
        playing.set(true);
    }

    /** Another sale takes the screen: the replay stops and lets go of its recording. */
    public void close() {
        playing.set(false);
        timeline = null;
        recording.set(null);
        timeMs.set(0);
        durationMs.set(0);
    }

    /** Time passes on screen: the replay moves on by that much times its speed, and pauses at the end. */
    public void tick(double realSeconds) {
        if (!playing.get() || timeline == null) {
            return;
        }
        double to = timeMs.get() + realSeconds * speed.get() * 1000;
        if (to >= durationMs.get()) {
            to = durationMs.get();
            playing.set(false);
        }
        advance(to);
    }

    /** Plays on from where it is; from the start when at the end. */
    public void play() {
        if (timeline == null) {
            return;
        }
        if (timeMs.get() >= durationMs.get()) {
            seek(0);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** @param x recorded seconds per second on screen, kept within 1/100 and 8 */
    public void setSpeed(double x) {
        speed.set(clamp(x));
    }

    /** To that recorded time: back means the view starts again and plays up to it at once. */
    public void seek(double ms) {
        if (timeline == null) {
            return;
        }
        double to = Math.max(0, Math.min(durationMs.get(), ms));
        if (to < timeMs.get()) {
            restart();
        }
        advance(to);
    }

    /** Straight to the end and its verdict. */
    public void toEnd() {
        playing.set(false);
        seek(durationMs.get());
    }

    private void restart() {
        live.begin(true);
        verdict.clear();
        shownWinners = 0;
        nextPointMs = 0;
        ended = false;
        timeMs.set(0);
        advance(0);
    }

    private void advance(double to) {
        double span = durationMs.get();
        double step = Math.max(1, Math.min(MAX_STEP_MS, span / CHART_STEPS));
        double window = Math.max(2, span / RATE_WINDOWS);
        List<PollSnapshot.Tick> ticks = new ArrayList<>();
        while (nextPointMs <= to) {
            ticks.add(tickAt(nextPointMs, window));
            nextPointMs = nextPointMs >= span ? Double.MAX_VALUE : Math.min(span, nextPointMs + step);
        }
        boolean over = to >= span;
        SaleState state = timeline.state(to, shownWinners);
        shownWinners = (int) state.nextIndex();
        live.apply(new PollSnapshot(SOURCE, state, timeline.metrics(to, window, over), null, false, ticks,
                List.of()));
        timeMs.set(to);
        if (over && !ended) {
            ended = true;
            Recording r = recording.get();
            verdict.replayEnded(r.end().fields(), StrategyKind.NAIVE.cliName().equals(r.header().settings()
                    .get("strategy")));
            live.settle();
        }
    }

    private PollSnapshot.Tick tickAt(double t, double window) {
        return new PollSnapshot.Tick(timeline.state(t, timeline.purchasesBy(t)), timeline.metrics(t, window, false));
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 1 : Math.max(MIN_SPEED, Math.min(MAX_SPEED, x));
    }
}
