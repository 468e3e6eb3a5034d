package seckill.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import seckill.sale.Outcome;
import seckill.sim.Trace;
import seckill.sim.TraceStep;

/**
 * The traced buyers ({@code run --trace N}) as a class reads them: per buyer, each round trip on two lines (what
 * went, what came back, at ms since the sale opened), the outcome, and why an attempt lost when the sale's record
 * tells. Commands and replies as {@code redis-cli} shows them, separated by {@code |}.
 */
public final class TracePrint {
    private TracePrint() {
    }

    /**
     * @param sampled how many buyers were sampled ({@code --trace}); those the run never reached have no trace
     * @param prefix  the sale's key prefix: left out of the keys shown, to keep the lines short
     */
    public static void print(PrintWriter out, List<Trace> traces, int sampled, String prefix) {
        if (sampled == 0) {
            return;
        }
        out.println(Summary.line("Trace", sampled + (sampled == 1 ? " buyer" : " buyers") + " sampled from the seed"
                + (traces.size() < sampled ? ", " + traces.size() + " of them played (the sale ended before the rest)"
                : "") + "; ms since the sale opened, → sent, ← answered"
                + (prefix.isEmpty() ? "" : "; keys without their prefix " + prefix)));
        for (Trace trace : traces) {
            Outcome outcome = trace.outcome();
            out.println("  " + trace.userId() + " (user #" + (trace.userIndex() + 1)
                    + (trace.arrival() < 0 ? ", never arrived" : ", arrival #" + (trace.arrival() + 1))
                    + ")" + (outcome == null ? "" : ": " + name(outcome)));
            for (TraceStep step : trace.steps()) {
                out.println(String.format(Locale.ROOT, "    #%d %9.3f → %s", step.attempt(), step.sentMs(),
                        unprefixed(String.join(" | ", step.sent()), prefix)));
                String answer = step.answeredMs() < 0 ? "    %12s ← (no reply: %s)".formatted("", step.fault())
                        : String.format(Locale.ROOT, "    %12.3f ← %s", step.answeredMs(),
                        String.join(" | ", step.replies()));
                out.println(answer + (step.outcome() == null ? "" : "   ⇒ " + name(step.outcome())));
                if (step.cause() != null) {
                    out.println("                   " + step.cause().english());
                }
            }
        }
    }

    private static String unprefixed(String commands, String prefix) {
        return prefix.isEmpty() ? commands : commands.replace(prefix + "kill_", "kill_");
    }

    private static String name(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
