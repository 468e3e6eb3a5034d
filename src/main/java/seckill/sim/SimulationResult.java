package seckill.sim;

import seckill.metrics.MetricsSnapshot;
import seckill.sale.AuditResult;
import seckill.sale.SaleState;
import seckill.util.Problem;
import seckill.util.Verdict;

/**
 * What a run did.
 *
 * @param config      its settings
 * @param endedBy     why it ended
 * @param metrics     the client's counters at the end
 * @param elapsedMs   from the first user's start to the last thread's end
 * @param state       the sale as Redis holds it afterwards, or null when Redis could not be read
 * @param audit       the invariants checked afterwards, or null when Redis could not be read
 * @param error       what went wrong when it ended by an error, else null
 */
public record SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                               SaleState state, AuditResult audit, Problem error) {

    public double usersPerSecond() {
        return metrics.usersDone() / Math.max(1e-3, elapsedMs / 1000.0);
    }

    public double attemptsPerSecond() {
        return metrics.attempts() / Math.max(1e-3, elapsedMs / 1000.0);
    }

    public boolean auditHolds() {
        return audit != null && audit.ok();
    }

    /** How the run came out: an error ends it as Redis lost, else the audit decides. */
    public Verdict verdict() {
        if (endedBy == EndReason.ERROR) {
            return Verdict.REDIS_UNAVAILABLE;
        }
        return auditHolds() ? Verdict.OK : Verdict.AUDIT_FAILED;
    }
}
