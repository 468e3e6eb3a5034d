package seckill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import seckill.report.RunReport;

/** The run's summary as a person reads it. */
public final class Summary {
    /** The most runs of bucket indexes a master's line lists before "…". */
    private static final int MAX_RUNS = 12;

    private Summary() {
    }

    /** Who bought: the simulated buyers on their engine, a class on its phones beside them, or the class alone. */
    private static String buyers(RunReport r) {
        String simulated = r.pool() + " buyers on " + ("loop".equals(r.engine()) ? "one event loop" : "threads");
        if (r.studentsJoined() == null) {
            return simulated;
        }
        return r.users() == 0 ? "a class on its phones" : simulated + " and a class on its phones";
    }

    /**
     * @param soldKnown false when Redis could not be read at the end: the report's zeros then mean "unknown",
     *                  and saying "Sold 0" would be a lie
     */
    public static void print(PrintWriter out, RunReport r, boolean soldKnown) {
        out.println("Seckill Lab · " + r.strategy() + " · " + buyers(r) + " · " + r.redis().url() + " (Redis "
                + r.redis().version() + (r.redis().embedded() ? ", embedded" : "")
                + (r.redis().cluster() ? ", cluster; " + where(r) : "") + ")");
        if (r.waitReplicas() > 0) {
            out.println(line("Wins", "confirmed once " + r.waitReplicas() + " replica(s) held them (WAIT)"));
        }
        out.println(line("Sold", soldKnown ? r.sold() + " / " + r.stock() + "   (left " + r.remainingStock()
                + ", oversold " + r.oversold() + ")" : "unknown of " + r.stock() + ": Redis could not be read at "
                + "the end (the client counted " + f(r.usersWon()) + " won)"));
        long students = r.studentsJoined() == null ? 0 : r.studentsJoined();
        out.println(line("Users", f(r.users() + students) + (r.studentsJoined() == null ? ""
                : " (" + f(students) + " students)") + ": " + f(r.usersWon()) + " won, " + f(r.usersLost()) + " lost"
                + unknown(r.usersUnknown()) + " ("
                + f(r.usersPlayed()) + " played)"
                + (r.strandedSold() > 0 ? "; " + f(r.strandedSold()) + " of the wins were items a lost connection "
                + "had stranded" : "")));
        if (r.studentsJoined() != null) {
            out.println(line("Students", f(r.studentsJoined()) + " joined, " + f(r.studentsWon())
                    + " won (user ids stu:NAME in kill_user)"));
        }
        if (r.fairness() != null) {
            out.println(line("Fairness", String.format(Locale.ROOT, "%.3f", r.fairness()) + ": of the first "
                    + f(r.fairnessFirstArrivals()) + " users to arrive, " + percent(r.fairness())
                    + " won (1.0: first come, first served)"));
        }
        if (r.unsoldStock() > 0) {
            out.println(line("Unsold", f(r.unsoldStock()) + (r.unsoldStock() == 1 ? " item" : " items")
                    + " left while " + f(r.usersLost()) + " users lost (库存遗留)" + unsoldWhy(r)));
        }
        if (r.buckets() > 1) {
            out.println(line("Buckets", r.buckets() + ": " + String.join(", ", r.bucketLevels().stream()
                    .map(b -> f(b.sold()) + "/" + f(b.stock())).toList())
                    + (r.bucketUnsold() > 0 ? "; " + f(r.bucketUnsold()) + " left in some while another sold out "
                    + "(the price of buckets)" : "")));
            printMasters(out, r.bucketMasters());
        }
        out.println(line("Attempts", f(r.attempts()) + ", conflicts " + f(r.conflicts()) + ", errors "
                + f(r.errors())));
        out.println(line("Speed", f(Math.round(r.usersPerS())) + " users/s, " + f(Math.round(r.attemptsPerS()))
                + " attempts/s in " + f(r.elapsedMs()) + " ms"));
        out.println(line("Latency", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                r.latencyMs().p50(), r.latencyMs().p99(), r.latencyMs().max())));
        out.println(line("Ended by", r.endedBy() + (r.error() == null ? "" : ": " + r.error())));
        if (r.audit().ok()) {
            out.println(line("Audit", "✔ nothing oversold, nobody won twice"));
        } else {
            out.println(line("Audit", "✘ " + String.join("; ", r.audit().violations())));
        }
        if (!r.audit().ok() && "naive".equals(r.strategy())) {
            out.println(line("", "(naive has no transaction: it oversells on purpose, to show why the others exist)"));
        }
    }

    /** Where the sale was on a cluster: its master, or how many masters its buckets were spread over. */
    private static String where(RunReport r) {
        long masters = r.bucketMasters().stream().distinct().count();
        return masters == 0 ? "the sale on " + r.redis().master()
                : "the " + r.buckets() + " buckets on " + masters + (masters == 1 ? " master" : " masters");
    }

    /**
     * On a cluster, a line per master: the buckets it holds and how many ({@code 127.0.0.1:7001  buckets 0, 3, 5
     * (3)}); nothing on one server.
     *
     * @param masters the master of each bucket, by index (empty on one server)
     */
    public static void printMasters(PrintWriter out, List<String> masters) {
        Map<String, List<Integer>> held = new TreeMap<>();
        for (int i = 0; i < masters.size(); i++) {
            held.computeIfAbsent(masters.get(i), m -> new ArrayList<>()).add(i);
        }
        String label = "Masters";
        for (Map.Entry<String, List<Integer>> e : held.entrySet()) {
            out.println(line(label, e.getKey() + "  buckets " + indexes(e.getValue()) + " (" + e.getValue().size()
                    + ")"));
            label = "";
        }
    }

    /** Bucket indexes, ascending, as runs ({@code 0-3, 7, 9-12}); past a dozen runs the rest as "…". */
    static String indexes(List<Integer> sorted) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            runs.add(j == i ? sorted.get(i).toString() : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return runs.size() <= MAX_RUNS ? String.join(", ", runs)
                : String.join(", ", runs.subList(0, MAX_RUNS)) + ", …";
    }

    /**
     * The users whose outcome is not known, as the Users line adds them: their reply was lost, or an error came
     * after their purchase may have written its item; nothing when there are none.
     */
    static String unknown(long users) {
        return users > 0 ? ", " + f(users) + " unknown (reply lost or an error)" : "";
    }

    /** Why stock was left while users lost, as far as the report tells. */
    static String unsoldWhy(RunReport r) {
        if ("watch".equals(r.strategy()) && r.conflicts() > 0 && "all_users_done".equals(r.endedBy())) {
            return r.retries() == 0 ? " — WATCH without retries gives up at its first conflict"
                    : " — WATCH gave up after " + r.retries() + (r.retries() == 1 ? " retry" : " retries");
        }
        return switch (r.endedBy()) {
            case "time_up" -> " — the sale closed first (--duration)";
            case "stopped" -> " — the run was stopped";
            case "error" -> " — the run ended on an error";
            default -> "";
        };
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-11s %s", label, value);
    }

    public static String f(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
