package seckill.ui.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import seckill.sim.RoundTripKind;
import seckill.sim.Trace;
import seckill.sim.TraceCause;
import seckill.sim.TraceStep;
import seckill.sim.TraceWriter;
import seckill.ui.trace.TraceViewModel.Arrow;
import seckill.ui.trace.TraceViewModel.Lifeline;
import seckill.ui.trace.TraceViewModel.Role;
import seckill.ui.trace.TraceViewModel.Step;

/**
 * The timeline of the buyers shown: their lifelines, Redis's, and those of the other buyers whose purchases explain
 * a loss; their round trips as steps in time order, each purchase that explains a loss placed where it landed.
 */
final class TraceLayout {
    /**
     * A timeline laid out.
     *
     * @param shown     the traces of the buyers shown
     * @param lifelines the buyers shown, then Redis, then the other buyers whose purchases explain a loss
     * @param steps     the steps among them, in time order
     */
    record Timeline(List<Trace> shown, List<Lifeline> lifelines, List<Step> steps) {
        Timeline {
            shown = List.copyOf(shown);
            lifelines = List.copyOf(lifelines);
            steps = List.copyOf(steps);
        }
    }

    /** A step with where it goes in the time order: its time, then its rank among steps at the same time. */
    private record Placed(double key, int rank, long seq, Step step) {
    }

    private final List<Trace> shown;
    private final String prefix;
    private final List<Lifeline> lines = new ArrayList<>();
    private final int redis;
    private final List<Placed> placed = new ArrayList<>();
    /** The other buyers' purchases drawn, as "user item". */
    private final Set<String> drawn = new HashSet<>();
    private long seq;

    private TraceLayout(List<Trace> shown, String prefix) {
        this.shown = shown;
        this.prefix = prefix;
        for (Trace t : shown) {
            lines.add(new Lifeline(Role.BUYER, t.userId(), t.outcome(), t.arrival()));
        }
        redis = lines.size();
        lines.add(new Lifeline(Role.REDIS, "Redis", null, -1));
    }

    /** The timeline of these buyers, of a sale under that prefix (which the arrows leave out). */
    static Timeline of(List<Trace> shown, String prefix) {
        return new TraceLayout(shown, prefix).layOut();
    }

    /** The traces with a round trip, those whose attempts a cause explains first (that is the lesson). */
    static List<Trace> ordered(List<Trace> traces) {
        List<Trace> played = new ArrayList<>(traces.stream().filter(t -> !t.steps().isEmpty()).toList());
        // the explained ones first, then in their order of arrival
        played.sort(Comparator.comparing((Trace t) -> !explained(t))
                .thenComparingLong(t -> t.arrival() < 0 ? Long.MAX_VALUE : t.arrival()));
        return List.copyOf(played);
    }

    private static boolean explained(Trace t) {
        return t.steps().stream().anyMatch(s -> s.cause() != null);
    }

    private Timeline layOut() {
        for (int b = 0; b < shown.size(); b++) {
            placeTrace(b, shown.get(b));
        }
        placed.sort(Comparator.comparingDouble(Placed::key).thenComparingInt(Placed::rank)
                .thenComparingLong(Placed::seq));
        return new Timeline(shown, lines, placed.stream().map(Placed::step).toList());
    }

    /** The round trips of the buyer on lifeline {@code b}: an arrow sent, an arrow back, a purchase that explains. */
    private void placeTrace(int b, Trace t) {
        double watchedAt = Double.NaN;
        for (TraceStep s : t.steps()) {
            RoundTripKind kind = RoundTripKind.of(s.sent());
            if (kind == RoundTripKind.WATCH_READ) {
                watchedAt = s.sentMs();
            }
            place(s.sentMs(), 0, new Step(b, Arrow.SEND, s.sentMs(), sent(s.sent()), kind, s.attempt(), null, null));
            double answeredAt = s.answeredMs() >= 0 ? s.answeredMs() : s.sentMs();
            List<String> replies = s.answeredMs() >= 0 ? replies(s.replies())
                    : List.of(s.fault() == null ? "—" : s.fault());
            place(answeredAt, 0, new Step(b, Arrow.REPLY, answeredAt, replies, kind, s.attempt(), s.outcome(),
                    s.cause()));
            placeWriter(s, watchedAt, answeredAt);
        }
    }

    /** The other buyer's purchase that explains the round trip's cause, if any, where it landed. */
    private void placeWriter(TraceStep s, double watchedAt, double answeredAt) {
        TraceWriter w = s.cause() == null ? null : writerOf(s.cause(), shown);
        // a buyer shown draws its own purchase; another one's is drawn once, however many it explains
        if (w == null || shown.stream().anyMatch(o -> o.userId().equals(w.userId()))
                || !drawn.add(w.userId() + " " + w.item())) {
            return;
        }
        int line = lifelineOf(w.userId());
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
        place(key, rank, new Step(line, Arrow.WRITE, w.atMs(), List.of(Long.toString(w.item())), RoundTripKind.OTHER,
                0, null, s.cause()));
    }

    private void place(double key, int rank, Step step) {
        placed.add(new Placed(key, rank, seq++, step));
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
    private int lifelineOf(String userId) {
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
}
