package seckill.sim;

import java.util.List;

import seckill.util.Verdict;

/**
 * What a comparison did: each strategy's result, in the order listed.
 *
 * @param mode    at once, or one at a time
 * @param results one per strategy
 */
public record ComparisonResult(Comparison.Mode mode, List<SimulationResult> results) {
    public ComparisonResult {
        results = List.copyOf(results);
    }

    /**
     * Redis lost in any run decides first; then every safe strategy's audit must hold. Naive's violation is the
     * lesson, expected, and fails nothing.
     */
    public Verdict verdict() {
        if (results.stream().anyMatch(r -> r.endedBy() == EndReason.ERROR)) {
            return Verdict.REDIS_UNAVAILABLE;
        }
        boolean safeHold = results.stream().filter(r -> r.config().strategy().isSafe())
                .allMatch(SimulationResult::auditHolds);
        return safeHold ? Verdict.OK : Verdict.AUDIT_FAILED;
    }
}
