package seckill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import seckill.report.ComparisonReport;
import seckill.report.RunReport;

/** {@code run --compare}: a column per strategy, a row per figure, and the mode said in the heading. */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    public static void print(PrintWriter out, ComparisonReport c) {
        RunReport first = c.compare().get(0);
        out.println("Seckill Lab · " + String.join(" vs ", c.strategies()) + " · " + first.pool() + " buyers each on "
                + ("loop".equals(first.engine()) ? "one event loop" : "threads") + " · " + first.redis().url()
                + " (Redis " + first.redis().version() + (first.redis().embedded() ? ", embedded" : "") + ")");
        out.println(Summary.line("", "ONE_AT_A_TIME".equalsIgnoreCase(c.mode())
                ? "one at a time, in the order listed: each had the machine to itself (fairer for speed)"
                : "raced at once on one Redis, each on its own keys: the same users (seed " + c.seed()
                + ") arrive at the same times on every strategy"));
        List<String[]> rows = new ArrayList<>();
        rows.add(row(c, "", RunReport::strategy));
        rows.add(row(c, "Stock left", r -> Summary.f(r.remainingStock())));
        rows.add(row(c, "Sold", r -> Summary.f(r.sold()) + " / " + Summary.f(r.stock())));
        rows.add(row(c, "Oversold", r -> Summary.f(r.oversold())));
        rows.add(row(c, "Conflicts", r -> Summary.f(r.conflicts())));
        rows.add(row(c, "Unsold", r -> Summary.f(r.unsoldStock())));
        rows.add(row(c, "Sold out in", r -> r.soldOutMs() < 0 ? "not sold out" : Summary.f(r.soldOutMs()) + " ms"));
        rows.add(row(c, "Fairness", r -> r.fairness() == null ? "—"
                : String.format(Locale.ROOT, "%.3f", r.fairness())));
        if (first.buckets() > 1) {
            rows.add(row(c, "Buckets", r -> r.buckets() + (r.bucketUnsold() > 0 ? ", " + Summary.f(r.bucketUnsold())
                    + " left in some while another sold out" : "")));
        }
        rows.add(row(c, "Audit", ComparisonTable::verdict));
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s", row[0]));
            for (int i = 1; i < row.length; i++) {
                line.append(' ').append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
                line.append(i < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
        // bucket i of every strategy carries the tag {T.i}: one slot, one master, whatever the strategy
        Summary.printMasters(out, first.bucketMasters());
    }

    private static String[] row(ComparisonReport c, String label, Function<RunReport, String> cell) {
        String[] row = new String[c.compare().size() + 1];
        row[0] = label;
        for (int i = 0; i < c.compare().size(); i++) {
            row[i + 1] = cell.apply(c.compare().get(i));
        }
        return row;
    }

    /** Naive's oversell is the lesson, expected; a safe strategy's violation is a failure. */
    static String verdict(RunReport r) {
        if (r.audit().ok()) {
            return "naive".equals(r.strategy()) ? "✔ (no oversell this time)" : "✔ holds";
        }
        if ("naive".equals(r.strategy()) && r.oversold() > 0) {
            return "expected: oversold " + Summary.f(r.oversold()) + " (the lesson)";
        }
        return "✘ " + r.audit().violations().get(0);
    }
}
