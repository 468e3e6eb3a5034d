package seckill.ui.replay;

import java.util.Arrays;
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
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.ui.compare.CompareViewModel;
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
    private final LiveSaleModel live;
    private final VerdictModel verdict;
    private final CompareViewModel compare;
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1);
    private final ReadOnlyDoubleWrapper timeMs = new ReadOnlyDoubleWrapper(this, "timeMs");
    private final ReadOnlyDoubleWrapper durationMs = new ReadOnlyDoubleWrapper(this, "durationMs");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");

    /** One per sale recorded: the sale's, or each lane's of a comparison (in its columns). */
    private List<ReplayCursor> lanes = List.of();
    /** The comparison's lanes whose end is on screen. */
    private boolean[] lanesEnded = new boolean[0];

    /** A replay of one sale's recordings only. */
    public ReplayModel(LiveSaleModel live, VerdictModel verdict) {
        this(live, verdict, new CompareViewModel());
    }

    /** @param compare the comparison's columns, where a comparison's recording plays */
    public ReplayModel(LiveSaleModel live, VerdictModel verdict, CompareViewModel compare) {
        this.live = live;
        this.verdict = verdict;
        this.compare = compare;
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

    /** The recorded sale's length in ms (a comparison's: its longest lane's). */
    public ReadOnlyDoubleProperty durationMsProperty() {
        return durationMs.getReadOnlyProperty();
    }

    /** The replay is at its end, its verdict on screen: as a live sale's result is there once it has ended. */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
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
        lanes = (r.isComparison() ? r.header().lanes().stream().map(r::lane).toList() : List.of(r)).stream()
                .map(ReplayCursor::new).toList();
        lanesEnded = new boolean[lanes.size()];
        recording.set(r);
        durationMs.set(lanes.stream().mapToDouble(ReplayCursor::spanMs).max().orElse(1));
        speed.set(defaultSpeed(durationMs.get()));
        restart();
        playing.set(true);
    }

    /** Another sale takes the screen: the replay stops and lets go of its recording. */
    public void close() {
        playing.set(false);
        if (isComparison()) {
            compare.leave();
        }
        lanes = List.of();
        ended.set(false);
        recording.set(null);
        timeMs.set(0);
        durationMs.set(0);
    }

    /** Time passes on screen: the replay moves on by that much times its speed, and pauses at the end. */
    public void tick(double realSeconds) {
        if (!playing.get() || lanes.isEmpty()) {
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
        if (lanes.isEmpty()) {
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
        if (lanes.isEmpty()) {
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

    private boolean isComparison() {
        Recording r = recording.get();
        return r != null && r.isComparison();
    }

    private void restart() {
        live.begin(true);
        verdict.clear();
        if (isComparison()) {
            Recording r = recording.get();
            compare.begin(r.header().lanes().stream().map(StrategyKind::fromName).toList(),
                    Comparison.Mode.valueOf(r.header().mode().toUpperCase(Locale.ROOT)));
        }
        lanes.forEach(ReplayCursor::rewind);
        Arrays.fill(lanesEnded, false);
        ended.set(false);
        timeMs.set(0);
        advance(0);
    }

    private void advance(double to) {
        boolean over = to >= durationMs.get();
        if (isComparison()) {
            for (int i = 0; i < lanes.size(); i++) {
                ReplayCursor lane = lanes.get(i);
                compare.apply(i, lane.advance(to));
                if (to >= lane.spanMs() && !lanesEnded[i]) {
                    lanesEnded[i] = true;
                    compare.laneFinished(i, RecordedColumns.of(lane.recording()));
                }
            }
        } else {
            live.apply(lanes.get(0).advance(to));
        }
        timeMs.set(to);
        if (over && !ended.get()) {
            Recording r = recording.get();
            if (!r.isComparison()) {
                verdict.replayEnded(r.end().fields(), StrategyKind.NAIVE.cliName().equals(r.header().settings()
                        .get("strategy")));
            }
            ended.set(true); // first: what shows a run's end (its traces) is on screen before it settles
            live.settle();
        }
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 1 : Math.max(MIN_SPEED, Math.min(MAX_SPEED, x));
    }
}
