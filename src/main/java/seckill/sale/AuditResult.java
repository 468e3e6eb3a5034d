package seckill.sale;

import java.util.ArrayList;
import java.util.List;

import seckill.util.Problem;

/**
 * The invariants of a sale, checked on what Redis holds.
 *
 * @param ok            all hold
 * @param violations    one per broken invariant
 * @param total         {@code kill_total}
 * @param sold          {@code kill_num}
 * @param winners       {@code LLEN kill_user}
 * @param uniqueWinners distinct ids in {@code kill_user}
 * @param oversold      items sold beyond the stock
 */
public record AuditResult(boolean ok, List<Problem> violations, long total, long sold, long winners,
                          long uniqueWinners, long oversold) {
    public AuditResult {
        violations = List.copyOf(violations);
    }

    /** The same verdict with one more violation found. */
    public AuditResult with(Problem violation) {
        List<Problem> all = new ArrayList<>(violations);
        all.add(violation);
        return new AuditResult(false, all, total, sold, winners, uniqueWinners, oversold);
    }
}
