package seckill.ui.trace;

import java.util.Locale;

import seckill.sim.RoundTripKind;
import seckill.sim.TraceCause;
import seckill.sim.TraceWriter;
import seckill.ui.common.Formats;
import seckill.ui.common.LocalText;
import seckill.ui.trace.TraceLayout.Timeline;
import seckill.ui.trace.TraceViewModel.Arrow;
import seckill.ui.trace.TraceViewModel.Step;

/** A step of the timeline in words: who does what when, and, for a loss the trace explains, who made it so. */
final class TraceCaptions {
    private TraceCaptions() {
    }

    /** The step, one of the timeline's, in words. */
    static LocalText of(Step step, Timeline timeline) {
        String who = timeline.lifelines().get(step.lifeline()).name();
        String at = Formats.sinceOpenMs(step.atMs());
        return switch (step.arrow()) {
            case SEND -> LocalText.of("trace.send." + sendKey(step.kind()), who, at);
            case REPLY -> reply(step, who, at, timeline);
            case WRITE -> write(step, who, at, timeline);
        };
    }

    /** Both scripts are said as one: an EVALSHA that checks and sells in one atomic step. */
    private static String sendKey(RoundTripKind kind) {
        return switch (kind) {
            case PURCHASE_SCRIPT, DECR_COMMIT -> "evalsha";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private static LocalText reply(Step step, String who, String at, Timeline timeline) {
        TraceCause cause = step.cause();
        if (cause != null && cause.kind() == TraceCause.Kind.WATCH_BROKEN) {
            if (cause.writers().isEmpty()) {
                return LocalText.of("trace.reply.aborted.noWriter", who, at, cause.soldSeen());
            }
            TraceWriter w = TraceLayout.writerOf(cause, timeline.shown());
            return LocalText.of("trace.reply.aborted", who, at, cause.soldSeen(), w.userId(), w.item(),
                    Formats.sinceOpenMs(w.atMs()));
        }
        if (cause != null) {
            TraceWriter w = TraceLayout.writerOf(cause, timeline.shown());
            return LocalText.of("trace.reply.sameRead", who, at, cause.soldSeen(), w.userId(), cause.count() - 1);
        }
        if (step.outcome() == null) {
            return LocalText.of("trace.reply", who, at);
        }
        return LocalText.of("trace.reply." + step.outcome().name().toLowerCase(Locale.ROOT), who, at);
    }

    private static LocalText write(Step step, String who, String at, Timeline timeline) {
        TraceCause cause = step.cause();
        String item = step.lines().get(0);
        // whose attempt it explains: the buyer of the reply that carries the same cause
        String explained = timeline.steps().stream().filter(s -> s.arrow() == Arrow.REPLY && s.cause() == cause)
                .map(s -> timeline.lifelines().get(s.lifeline()).name()).findFirst().orElse("");
        return cause.kind() == TraceCause.Kind.WATCH_BROKEN
                ? LocalText.of("trace.write.watch", who, at, item, explained, cause.soldSeen())
                : LocalText.of("trace.write.sameRead", who, at, item, explained, cause.soldSeen());
    }
}
