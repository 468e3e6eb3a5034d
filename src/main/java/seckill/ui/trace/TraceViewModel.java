package seckill.ui.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.sale.Outcome;
import seckill.sim.RoundTripKind;
import seckill.sim.SimulationResult;
import seckill.sim.Trace;
import seckill.sim.TraceCause;
import seckill.sim.TraceStep;
import seckill.sim.TraceWriter;
import seckill.ui.common.Formats;
import seckill.ui.common.LocalText;

/**
 * The timeline of a traced run ({@code --trace N}) as a sequence diagram: a few of the sampled buyers and Redis as
 * lifelines, an arrow per round trip with the commands sent, an arrow back with the replies, and, where an attempt
 * lost for a reason the trace knows, the other buyer's purchase drawn where it landed (between a WATCH and its
 * aborted EXEC; for naive, the other buyer who read the same stock and wrote too). A teacher steps through it, or
 * lets it replay slowly; the replay moves only on {@link #tick}, so tests need no clock.
 *
 * <p>The buyers whose attempts are explained come first; {@value #BUYERS_SHOWN} are shown at a time.
 */
public final class TraceViewModel {
    /** Buyers drawn at once: with Redis and the other buyers, as many lifelines as a projector shows readably. */
    public static final int BUYERS_SHOWN = 3;
    /** Replay speeds, in steps a second. */
    static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    static final double DEFAULT_SPEED = 1;

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
    private double sinceTick;
    /** The traces of the buyers shown. */
    private List<Trace> shownTraces = List.of();

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyObjectWrapper<List<Lifeline>> lifelines = new ReadOnlyObjectWrapper<>(this, "lifelines",
            List.of());
    private final ReadOnlyObjectWrapper<List<Step>> steps = new ReadOnlyObjectWrapper<>(this, "steps", List.of());
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyObjectWrapper<Step> currentStep = new ReadOnlyObjectWrapper<>(this, "currentStep");
    private final ReadOnlyObjectWrapper<RoundTripKind> currentKind = new ReadOnlyObjectWrapper<>(this, "currentKind");
    private final ReadOnlyObjectWrapper<LocalText> caption = new ReadOnlyObjectWrapper<>(this, "caption");
    private final ReadOnlyObjectWrapper<LocalText> position = new ReadOnlyObjectWrapper<>(this, "position");
    private final ReadOnlyObjectWrapper<LocalText> buyersShown = new ReadOnlyObjectWrapper<>(this, "buyersShown");
    private final ReadOnlyIntegerWrapper firstBuyer = new ReadOnlyIntegerWrapper(this, "firstBuyer");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", DEFAULT_SPEED);

    public TraceViewModel() {
        current.addListener((obs, was, now) -> showCurrent());
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
        return current.getReadOnlyProperty();
    }

    public int getCurrent() {
        return current.get();
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
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** The replay's speed in steps a second. */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
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

    /** These traces, of a sale under that prefix; the first buyers shown, at the first step. */
    void show(List<Trace> runTraces, String salePrefix) {
        pause();
        prefix = salePrefix == null ? "" : salePrefix;
        List<Trace> played = new ArrayList<>(runTraces.stream().filter(t -> !t.steps().isEmpty()).toList());
        // the explained ones first (that is the lesson), then in their order of arrival
        played.sort(Comparator.comparing((Trace t) -> !explained(t))
                .thenComparingLong(t -> t.arrival() < 0 ? Long.MAX_VALUE : t.arrival()));
        traces = List.copyOf(played);
        available.set(!traces.isEmpty());
        showBuyers(0);
    }

    private static boolean explained(Trace t) {
        return t.steps().stream().anyMatch(s -> s.cause() != null);
    }

    // ---- commands ----

    public void next() {
        if (current.get() < steps.get().size() - 1) {
            current.set(current.get() + 1);
        }
    }

    public void previous() {
        if (current.get() > 0) {
            current.set(current.get() - 1);
        }
    }

    public void first() {
        if (!steps.get().isEmpty()) {
            current.set(0);
        }
    }

    public void last() {
        current.set(steps.get().size() - 1);
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
        if (steps.get().isEmpty()) {
            return;
        }
        if (current.get() >= steps.get().size() - 1) {
            current.set(0);
        }
        sinceTick = 0;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
        sinceTick = 0;
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void faster() {
        for (double s : SPEEDS) {
            if (s > speed.get()) {
                speed.set(s);
                return;
            }
        }
    }

    public void slower() {
        for (int i = SPEEDS.length - 1; i >= 0; i--) {
            if (SPEEDS[i] < speed.get()) {
                speed.set(SPEEDS[i]);
                return;
            }
        }
    }

    /** Time passes for the replay: a step for every 1/speed seconds; it stops at the last step. */
    public void tick(double seconds) {
        if (!playing.get()) {
            return;
        }
        sinceTick += seconds;
        double every = 1 / speed.get();
        while (sinceTick >= every && playing.get()) {
            sinceTick -= every;
            next();
            if (current.get() >= steps.get().size() - 1) {
                pause();
            }
        }
    }

    // ---- building the timeline ----

    /** A step with where it goes in the time order: its time, then its rank among steps at the same time. */
    private record Placed(double key, int rank, long seq, Step step) {
    }

    private void showBuyers(int from) {
        List<Trace> shown = traces.subList(Math.min(from, traces.size()), Math.min(from + BUYERS_SHOWN,
                traces.size()));
        List<Lifeline> lines = new ArrayList<>();
        for (Trace t : shown) {
            lines.add(new Lifeline(Role.BUYER, t.userId(), t.outcome(), t.arrival()));
        }
        int redis = lines.size();
        lines.add(new Lifeline(Role.REDIS, "Redis", null, -1));
        List<Placed> placed = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        long seq = 0;
        for (int b = 0; b < shown.size(); b++) {
            Trace t = shown.get(b);
            double watchedAt = Double.NaN;
            for (TraceStep s : t.steps()) {
                RoundTripKind kind = RoundTripKind.of(s.sent());
                if (kind == RoundTripKind.WATCH_READ) {
                    watchedAt = s.sentMs();
                }
                placed.add(new Placed(s.sentMs(), 0, seq++, new Step(b, Arrow.SEND, s.sentMs(), sent(s.sent()), kind,
                        s.attempt(), null, null)));
                double answeredAt = s.answeredMs() >= 0 ? s.answeredMs() : s.sentMs();
                List<String> replies = s.answeredMs() >= 0 ? replies(s.replies())
                        : List.of(s.fault() == null ? "—" : s.fault());
                placed.add(new Placed(answeredAt, 0, seq++, new Step(b, Arrow.REPLY, answeredAt, replies, kind,
                        s.attempt(), s.outcome(), s.cause())));
                TraceWriter w = s.cause() == null ? null : writerOf(s.cause(), shown);
                // a buyer shown draws its own purchase; another one's is drawn once, however many it explains
                if (w != null && shown.stream().noneMatch(o -> o.userId().equals(w.userId()))
                        && drawn.add(w.userId() + " " + w.item())) {
                    int line = lifelineOf(lines, w.userId(), redis);
                    double key = w.atMs();
                    int rank = 0;
                    if (s.cause().kind() == TraceCause.Kind.WATCH_BROKEN) {
                        // it landed after the WATCH and before the EXEC: kill_time is to the ms, the arrows to the µs
                        if (!Double.isNaN(watchedAt) && key <= watchedAt) {
                            key = watchedAt;
                            rank = 1;
                        } else if (key >= answeredAt) {
                            key = answeredAt;
                            rank = -1;
                        }
                    }
                    placed.add(new Placed(key, rank, seq++, new Step(line, Arrow.WRITE, w.atMs(),
                            List.of(Long.toString(w.item())), RoundTripKind.OTHER, 0, null, s.cause())));
                }
            }
        }
        placed.sort(Comparator.comparingDouble(Placed::key).thenComparingInt(Placed::rank)
                .thenComparingLong(Placed::seq));
        shownTraces = List.copyOf(shown);
        firstBuyer.set(Math.min(from, traces.size()));
        lifelines.set(List.copyOf(lines));
        steps.set(placed.stream().map(Placed::step).toList());
        buyersShown.set(traces.isEmpty() ? null : LocalText.of("trace.buyersShown", from + 1, from + shown.size(),
                traces.size()));
        if (current.get() == (steps.get().isEmpty() ? -1 : 0)) {
            showCurrent(); // the same index, another timeline
        } else {
            current.set(steps.get().isEmpty() ? -1 : 0);
        }
    }

    /**
     * The purchase that explains a cause: among several (naive's same read), one by a buyer shown when there is
     * one, so that both writes are on screen as the buyers' own; else the first. Null when none is known.
     */
    static TraceWriter writerOf(TraceCause cause, List<Trace> shown) {
        for (TraceWriter w : cause.writers()) {
            if (shown.stream().anyMatch(t -> t.userId().equals(w.userId()))) {
                return w;
            }
        }
        return cause.writers().isEmpty() ? null : cause.writers().get(0);
    }

    /** The lifeline of that buyer: one shown, else one of the others (added after Redis once). */
    private static int lifelineOf(List<Lifeline> lines, String userId, int redis) {
        for (int i = 0; i < lines.size(); i++) {
            if (i != redis && lines.get(i).name().equals(userId)) {
                return i;
            }
        }
        lines.add(new Lifeline(Role.OTHER, userId, null, -1));
        return lines.size() - 1;
    }

    /** The commands with the keys' prefix left out and a script's SHA1 cut to its first 8 digits. */
    private List<String> sent(List<String> commands) {
        return commands.stream().map(c -> (prefix.isEmpty() ? c : c.replace(prefix + "kill_", "kill_"))
                .replaceAll("^(EVALSHA [0-9a-f]{8})[0-9a-f]{32}", "$1…")).toList();
    }

    /** The replies, a run of QUEUED said once with its count. */
    private static List<String> replies(List<String> replies) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < replies.size()) {
            int j = i + 1;
            while (j < replies.size() && replies.get(i).equals("QUEUED") && replies.get(j).equals("QUEUED")) {
                j++;
            }
            out.add(j - i > 1 ? replies.get(i) + " ×" + (j - i) : replies.get(i));
            i = j;
        }
        return out;
    }

    // ---- the current step in words ----

    private void showCurrent() {
        List<Step> all = steps.get();
        int i = current.get();
        Step step = i >= 0 && i < all.size() ? all.get(i) : null;
        currentStep.set(step);
        currentKind.set(step == null ? null : step.kind());
        position.set(step == null ? null : LocalText.of("trace.position", i + 1, all.size()));
        caption.set(step == null ? null : describe(step));
    }

    private LocalText describe(Step step) {
        String who = lifelines.get().get(step.lifeline()).name();
        String at = Formats.sinceOpenMs(step.atMs());
        return switch (step.arrow()) {
            case SEND -> LocalText.of("trace.send." + sendKey(step.kind()), who, at);
            case REPLY -> replyCaption(step, who, at);
            case WRITE -> writeCaption(step, who, at);
        };
    }

    /** Both scripts are said as one: an EVALSHA that checks and sells in one atomic step. */
    private static String sendKey(RoundTripKind kind) {
        return switch (kind) {
            case PURCHASE_SCRIPT, DECR_COMMIT -> "evalsha";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private LocalText replyCaption(Step step, String who, String at) {
        TraceCause cause = step.cause();
        if (cause != null && cause.kind() == TraceCause.Kind.WATCH_BROKEN) {
            if (cause.writers().isEmpty()) {
                return LocalText.of("trace.reply.aborted.noWriter", who, at, cause.soldSeen());
            }
            TraceWriter w = writerOf(cause, shownTraces);
            return LocalText.of("trace.reply.aborted", who, at, cause.soldSeen(), w.userId(), w.item(),
                    Formats.sinceOpenMs(w.atMs()));
        }
        if (cause != null) {
            TraceWriter w = writerOf(cause, shownTraces);
            return LocalText.of("trace.reply.sameRead", who, at, cause.soldSeen(), w.userId(), cause.count() - 1);
        }
        if (step.outcome() == null) {
            return LocalText.of("trace.reply", who, at);
        }
        return LocalText.of("trace.reply." + step.outcome().name().toLowerCase(Locale.ROOT), who, at);
    }

    private LocalText writeCaption(Step step, String who, String at) {
        TraceCause cause = step.cause();
        String item = step.lines().get(0);
        // whose attempt it explains: the buyer of the reply that carries the same cause
        String explained = steps.get().stream().filter(s -> s.arrow() == Arrow.REPLY && s.cause() == cause)
                .map(s -> lifelines.get().get(s.lifeline()).name()).findFirst().orElse("");
        return cause.kind() == TraceCause.Kind.WATCH_BROKEN
                ? LocalText.of("trace.write.watch", who, at, item, explained, cause.soldSeen())
                : LocalText.of("trace.write.sameRead", who, at, item, explained, cause.soldSeen());
    }
}
