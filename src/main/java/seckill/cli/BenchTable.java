package seckill.cli;

import java.util.Locale;

import seckill.metrics.LatencySummary;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/** The bench's table, one line per strategy. */
public final class BenchTable {
    private BenchTable() {
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-17s %12s %12s %10s %8s %8s %8s %9s %s", "strategy", "users/s",
                "attempts/s", "conflicts", "p50 ms", "p99 ms", "p99.9 ms", "sold", "audit");
    }

    public static String row(String name, SimulationResult r) {
        LatencySummary l = r.metrics().overall();
        long sold = r.state() == null ? 0 : r.state().sold();
        String audit = r.auditHolds() ? "✔" : "✘ " + (r.audit() == null ? r.error()
                : Problem.english(r.audit().violations()));
        return String.format(Locale.ROOT, "%-17s %,12.0f %,12.0f %,10d %8.2f %8.2f %8.2f %,9d %s", name,
                r.usersPerSecond(), r.attemptsPerSecond(), r.metrics().conflicts(), l.p50(), l.p99(), l.p999(),
                sold, audit);
    }
}
