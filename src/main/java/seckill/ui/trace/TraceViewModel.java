package seckill.ui.trace;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.sale.Outcome;
import seckill.sim.RoundTripKind;
import seckill.sim.SimulationResult;
import seckill.sim.Trace;
import seckill.sim.TraceCause;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.ui.trace.TraceLayout.Timeline;

/**
 * The timeline of a traced run ({@code --trace N}) as a sequence diagram: a few of the sampled buyers and Redis as
 * lifelines, an arrow per round trip with the commands sent, an arrow back with the replies, and, where an attempt
 * lost for a reason the trace knows, the other buyer's purchase drawn where it landed (between a WATCH and its
 * aborted EXEC; for naive, the other buyer who read the same stock and wrote too). A teacher steps through it, or
 * lets it replay slowly; the replay moves only on {@link #tick}, so tests need no clock.
 *
 * <p>The buyers whose attempts are explained come first; {@value #BUYERS_SHOWN} are shown at a time. The face of
 * the trace's window: the timeline is laid out by {@link TraceLayout}, played by {@link TracePlayback} and said in
 * words by {@link TraceCaptions}.
 */
@Face
public final class TraceViewModel {
    /** Buyers drawn at once: with Redis and the other buyers, as many lifelines as a projector shows readably. */
    public static final int BUYERS_SHOWN = 3;

    /** Which way an arrow goes: a buyer's commands to Redis, Redis's replies back, another buyer's purchase. */
    public enum Arrow { SEND, REPLY, WRITE }

    /** What a lifeline stands for. */
    public enum Role { BUYER, REDIS, OTHER }

    /**
     * A lifeline.
     *
     * @param name    the user's id, or "Redis"
     * @param outcome how the traced buyer's last attempt ended, or null
     * @param arrival its rank of arrival from 0, or -1
     */
    public record Lifeline(Role role, String name, Outcome outcome, long arrival) {
    }

    /**
     * One step of the timeline: an arrow between a lifeline and Redis.
     *
     * @param lifeline the buyer's lifeline (the arrow's other end is Redis)
     * @param atMs     when, in ms since the sale opened (sent, answered, or, for another buyer's purchase, when it
     *                 was made: to the ms, from {@code kill_time}, or from the buyer's clock for naive)
     * @param lines    what the arrow carries: the commands or the replies, keys without the sale's prefix
     * @param kind     what the round trip does in the strategy's code; {@link RoundTripKind#OTHER} for another
     *                 buyer's purchase
     * @param attempt  the buyer's attempt, from 1 (0 for another buyer's purchase)
     * @param outcome  what the attempt decided with this reply, or null
     * @param cause    why it lost (or oversold), when the trace knows, else null
     */
    public record Step(int lifeline, Arrow arrow, double atMs, List<String> lines, RoundTripKind kind, int attempt,
                       Outcome outcome, TraceCause cause) {
        public Step {
            lines = List.copyOf(lines);
        }
    }

    private List<Trace> traces = List.of();
    private String prefix = "";
    private Timeline timeline = new Timeline(List.of(), List.of(), List.of());

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyObjectWrapper<List<Lifeline>> lifelines = new ReadOnlyObjectWrapper<>(this, "lifelines",
            List.of());
    private final ReadOnlyObjectWrapper<List<Step>> steps = new ReadOnlyObjectWrapper<>(this, "steps", List.of());
    private final TracePlayback playback = new TracePlayback(() -> steps.get().size());
    private final ReadOnlyObjectWrapper<Step> currentStep = new ReadOnlyObjectWrapper<>(this, "currentStep");
    private final ReadOnlyObjectWrapper<RoundTripKind> currentKind = new ReadOnlyObjectWrapper<>(this, "currentKind");
    private final ReadOnlyObjectWrapper<LocalText> caption = new ReadOnlyObjectWrapper<>(this, "caption");
    private final ReadOnlyObjectWrapper<LocalText> position = new ReadOnlyObjectWrapper<>(this, "position");
    private final ReadOnlyObjectWrapper<LocalText> buyersShown = new ReadOnlyObjectWrapper<>(this, "buyersShown");
    private final ReadOnlyIntegerWrapper firstBuyer = new ReadOnlyIntegerWrapper(this, "firstBuyer");

    public TraceViewModel() {
        playback.currentProperty().addListener((obs, was, now) -> showCurrent());
    }

    // ---- what the view binds to ----

    /** True once a run with traces has ended (and until the next one begins). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public boolean isAvailable() {
        return available.get();
    }

    /** The buyers shown, then Redis, then the other buyers whose purchases explain a loss. */
    public ReadOnlyObjectProperty<List<Lifeline>> lifelinesProperty() {
        return lifelines.getReadOnlyProperty();
    }

    /** The steps among the buyers shown, in time order. */
    public ReadOnlyObjectProperty<List<Step>> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The step reached, from 0; those after it are still to come. -1 while there is none. */
    public ReadOnlyIntegerProperty currentProperty() {
        return playback.currentProperty();
    }

    public int getCurrent() {
        return playback.currentProperty().get();
    }

    public ReadOnlyObjectProperty<Step> currentStepProperty() {
        return currentStep.getReadOnlyProperty();
    }

    /** What the current step does in the code (a code panel highlights its line); null while there is none. */
    public ReadOnlyObjectProperty<RoundTripKind> currentKindProperty() {
        return currentKind.getReadOnlyProperty();
    }

    /** The current step in words. */
    public ReadOnlyObjectProperty<LocalText> captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** "Step 4 of 17". */
    public ReadOnlyObjectProperty<LocalText> positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** "Buyers 1–3 of 5". */
    public ReadOnlyObjectProperty<LocalText> buyersShownProperty() {
        return buyersShown.getReadOnlyProperty();
    }

    /** The first buyer shown, from 0, in the timeline's order (explained buyers first). */
    public ReadOnlyIntegerProperty firstBuyerProperty() {
        return firstBuyer.getReadOnlyProperty();
    }

    public int buyerCount() {
        return traces.size();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playback.playingProperty();
    }

    public boolean isPlaying() {
        return playback.playingProperty().get();
    }

    /** The replay's speed in steps a second. */
    public ReadOnlyDoubleProperty speedProperty() {
        return playback.speedProperty();
    }

    /** The sale's key prefix, which the arrows leave out. */
    public String prefix() {
        return prefix;
    }

    // ---- what comes in ----

    /** A run's traces, or none (null: a new sale begins, the old timeline goes). */
    public void show(SimulationResult result) {
        if (result == null || result.traces().isEmpty()) {
            show(List.of(), "");
        } else {
            show(result.traces(), result.config().prefix());
        }
    }

    /**
     * These traces, of a sale under that prefix (a recorded run's, replayed); the first buyers shown, at the first
     * step. None: the timeline is gone.
     */
    public void show(List<Trace> runTraces, String salePrefix) {
        pause();
        prefix = salePrefix == null ? "" : salePrefix;
        traces = TraceLayout.ordered(runTraces);
        available.set(!traces.isEmpty());
        showBuyers(0);
    }

    // ---- commands ----

    public void next() {
        playback.next();
    }

    public void previous() {
        playback.previous();
    }

    public void first() {
        playback.first();
    }

    public void last() {
        playback.last();
    }

    /** The next buyers (a page further); from the first step. */
    public void nextBuyers() {
        if (firstBuyer.get() + BUYERS_SHOWN < traces.size()) {
            pause();
            showBuyers(firstBuyer.get() + BUYERS_SHOWN);
        }
    }

    public void previousBuyers() {
        if (firstBuyer.get() > 0) {
            pause();
            showBuyers(Math.max(0, firstBuyer.get() - BUYERS_SHOWN));
        }
    }

    /** Replays from the step reached (from the first, when at the last), one step per 1/speed seconds of ticks. */
    public void play() {
        playback.play();
    }

    public void pause() {
        playback.pause();
    }

    public void togglePlay() {
        playback.togglePlay();
    }

    public void faster() {
        playback.faster();
    }

    public void slower() {
        playback.slower();
    }

    /** Time passes for the replay: a step for every 1/speed seconds; it stops at the last step. */
    public void tick(double seconds) {
        playback.tick(seconds);
    }

    // ---- the timeline and its current step ----

    private void showBuyers(int from) {
        int start = Math.min(from, traces.size());
        List<Trace> shown = traces.subList(start, Math.min(from + BUYERS_SHOWN, traces.size()));
        timeline = TraceLayout.of(shown, prefix);
        firstBuyer.set(start);
        lifelines.set(timeline.lifelines());
        steps.set(timeline.steps());
        buyersShown.set(traces.isEmpty() ? null : LocalText.of("trace.buyersShown", from + 1, from + shown.size(),
                traces.size()));
        if (!playback.rewind()) {
            showCurrent(); // the same index, another timeline
        }
    }

    private void showCurrent() {
        List<Step> all = steps.get();
        int i = getCurrent();
        Step step = i >= 0 && i < all.size() ? all.get(i) : null;
        currentStep.set(step);
        currentKind.set(step == null ? null : step.kind());
        position.set(step == null ? null : LocalText.of("trace.position", i + 1, all.size()));
        caption.set(step == null ? null : TraceCaptions.of(step, timeline));
    }
}
