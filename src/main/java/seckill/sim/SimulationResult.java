package seckill.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import seckill.metrics.MetricsSnapshot;
import seckill.sale.AuditResult;
import seckill.sale.SaleBuckets;
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
 * @param fairness    did the first to arrive win ({@link Fairness})
 * @param soldOutMs   ms from the start until the first buyer was told the stock was gone; -1 when none was
 * @param traces      the sampled buyers' round trips ({@code --trace}); empty when none was traced
 * @param lostWinners users the client told they won who are not in {@code kill_user} afterwards (acknowledged
 *                    wins lost, e.g. by a failover before the win reached a replica); empty when none was
 * @param bucketStates each bucket's figures afterwards ({@code --buckets}), in order; empty when Redis could not be
 *                    read, one when the sale has no buckets
 * @param bucketMasters on a Redis Cluster, the master ({@code host:port}) that held each bucket at the end, in
 *                    order; empty on one server and for a sale of one bucket
 * @param runId       this run, among all runs anywhere: a random UUID made with the result (a report of it says
 *                    it, so that {@code merge} counts one run's reports once)
 * @param students    the people who bought beside the simulated users ({@link HumanBuyers}): how many joined and won;
 *                    {@link HumanBuyers.Count#NONE} for a sale without them
 */
public record SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                               SaleState state, AuditResult audit, Problem error, Fairness fairness,
                               long soldOutMs, List<Trace> traces, List<String> lostWinners,
                               List<SaleState> bucketStates, List<String> bucketMasters, String runId,
                               HumanBuyers.Count students) {

    /** Errors that are a limit of this process reached, not Redis lost: the run exits 2, as a refusal. */
    private static final Set<Problem.Kind> LIMITS = EnumSet.of(Problem.Kind.OPEN_FILES_REACHED,
            Problem.Kind.HEAP_EXHAUSTED);

    public SimulationResult {
        runId = runId == null ? UUID.randomUUID().toString() : runId;
        fairness = fairness == null ? Fairness.NONE : fairness;
        traces = traces == null ? List.of() : List.copyOf(traces);
        lostWinners = lostWinners == null ? List.of() : List.copyOf(lostWinners);
        bucketStates = bucketStates == null ? List.of() : List.copyOf(bucketStates);
        bucketMasters = bucketMasters == null ? List.of() : List.copyOf(bucketMasters);
        students = students == null ? HumanBuyers.Count.NONE : students;
    }

    /** A result of a new run, people buying beside its simulated users or not. */
    public SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                            SaleState state, AuditResult audit, Problem error, Fairness fairness,
                            long soldOutMs, List<Trace> traces, List<String> lostWinners,
                            List<SaleState> bucketStates, List<String> bucketMasters,
                            HumanBuyers.Count students) {
        this(config, endedBy, metrics, elapsedMs, state, audit, error, fairness, soldOutMs, traces, lostWinners,
                bucketStates, bucketMasters, null, students);
    }

    /** A result of a new run without people buying. */
    public SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                            SaleState state, AuditResult audit, Problem error, Fairness fairness,
                            long soldOutMs, List<Trace> traces, List<String> lostWinners,
                            List<SaleState> bucketStates, List<String> bucketMasters) {
        this(config, endedBy, metrics, elapsedMs, state, audit, error, fairness, soldOutMs, traces, lostWinners,
                bucketStates, bucketMasters, (HumanBuyers.Count) null);
    }

    /** A result of a sale in one bucket. */
    public SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                            SaleState state, AuditResult audit, Problem error, Fairness fairness,
                            long soldOutMs, List<Trace> traces, List<String> lostWinners) {
        this(config, endedBy, metrics, elapsedMs, state, audit, error, fairness, soldOutMs, traces, lostWinners,
                List.of(), List.of());
    }

    /**
     * What bucketing cost: the items left in buckets at the end while another bucket had sold out, so that its
     * users were turned away with stock still in the sale; 0 with one bucket, or when no bucket sold out.
     */
    public long bucketUnsold() {
        return SaleBuckets.unsold(bucketStates);
    }

    /** A result with no acknowledged win lost. */
    public SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                            SaleState state, AuditResult audit, Problem error, Fairness fairness,
                            long soldOutMs, List<Trace> traces) {
        this(config, endedBy, metrics, elapsedMs, state, audit, error, fairness, soldOutMs, traces, List.of());
    }

    /** Acknowledged wins not in Redis after the run ({@code lost_wins}). */
    public long lostWins() {
        return lostWinners.size();
    }

    /** A result that says nothing of fairness, selling out and traces (a run that did not keep them). */
    public SimulationResult(SimulationConfig config, EndReason endedBy, MetricsSnapshot metrics, long elapsedMs,
                            SaleState state, AuditResult audit, Problem error) {
        this(config, endedBy, metrics, elapsedMs, state, audit, error, Fairness.NONE, -1, List.of());
    }

    /**
     * Users who lost (played or not): the users (simulated, and the people who joined) less those who won and those
     * whose outcome is unknown.
     */
    public long usersLost() {
        return config.users() + students.joined() - metrics.usersWon() - metrics.usersUnknown();
    }

    /**
     * Unsold stock (库存遗留): the items still in stock at the end when users lost, e.g. a WATCH sale without
     * retries, whose users give up at their first conflict; 0 when the stock is gone, nobody lost, or Redis could
     * not be read.
     */
    public long unsoldStock() {
        return state == null || usersLost() <= 0 ? 0 : state.stockLeft();
    }

    /**
     * Ms from the start until the stock was gone: until the first buyer was told so, or the whole run when the last
     * item went to the last user; -1 when stock is left (or Redis could not be read).
     */
    public long timeToSellOutMs() {
        if (soldOutMs >= 0) {
            return soldOutMs;
        }
        return state != null && state.exists() && state.stockLeft() == 0 ? elapsedMs : -1;
    }

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
            // a limit of this process reached (open files, heap) is the settings' to mend, as a refusal before
            return error != null && LIMITS.contains(error.kind()) ? Verdict.REFUSED : Verdict.REDIS_UNAVAILABLE;
        }
        return auditHolds() ? Verdict.OK : Verdict.AUDIT_FAILED;
    }
}
