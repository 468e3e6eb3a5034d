package seckill.cli;

import static seckill.cli.Summary.f;
import static seckill.cli.Summary.line;

import java.io.PrintWriter;
import java.util.Locale;

import seckill.report.MergedReport;

/** The combined result of several processes' reports ({@code merge}), as a person reads it. */
public final class MergeSummary {
    private MergeSummary() {
    }

    public static void print(PrintWriter out, MergedReport r) {
        out.println("Seckill Lab · merge of " + r.generators() + " reports · " + String.join(", ", r.strategies())
                + " · prefix '" + r.prefix() + "'");
        MergedReport.Sale s = r.sale();
        if (s == null) {
            out.println(line("Sold", "unknown: Redis not read (" + r.redisUnread() + ")"));
        } else {
            out.println(line("Sold", f(s.sold()) + " / " + f(s.stock()) + "   (left " + f(s.remainingStock())
                    + ", oversold " + f(s.oversold()) + ") read back from " + r.redis()));
        }
        out.println(line("Users", f(r.users()) + ": " + f(r.usersWon()) + " won, " + f(r.usersLost()) + " lost"
                + Summary.unknown(r.usersUnknown()) + " ("
                + f(r.usersPlayed()) + " played)"));
        out.println(line("Attempts", f(r.attempts()) + ", conflicts " + f(r.conflicts()) + ", errors "
                + f(r.errors())));
        out.println(line("Speed", f(Math.round(r.usersPerS())) + " users/s, " + f(Math.round(r.attemptsPerS()))
                + " attempts/s over the longest run, " + f(r.elapsedMs()) + " ms"));
        out.println(line("Latency", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms"
                + " (of all attempts: the histograms added)", r.latencyMs().p50(), r.latencyMs().p99(),
                r.latencyMs().p999(), r.latencyMs().max())));
        if (s == null) {
            out.println(line("Audit", "not done: Redis not read"));
        } else if (s.audit().ok()) {
            out.println(line("Audit", "✔ nothing oversold, nobody won twice (winners " + f(s.winners()) + ", "
                    + f(s.uniqueWinners()) + " distinct)"));
        } else {
            out.println(line("Audit", "✘ " + String.join("; ", s.audit().violations())));
        }
    }
}
