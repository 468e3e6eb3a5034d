package seckill.ui.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.sale.AuditResult;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.SimulationResult;
import seckill.ui.common.Face;
import seckill.ui.common.Formats;
import seckill.ui.common.LocalText;
import seckill.util.Problem;
import seckill.util.Verdict;

/**
 * How the sale on screen came out: how the local run ended, the audit line, and the exit code {@code ui --exit}
 * returns. Cleared with each new view; no I/O.
 */
@Face
public final class VerdictModel {
    /** Why the session went wrong, when it did: it decides the verdict before any audit. */
    public enum Trouble {
        /** Redis unreachable or lost, as {@code run} says it. */
        REDIS(Verdict.REDIS_UNAVAILABLE),
        /** The settings or the sale's keys do not allow the command, as the command line refuses them. */
        REFUSED(Verdict.REFUSED),
        /** The dashboard itself failed. */
        INTERNAL(Verdict.FAILED);

        private final Verdict verdict;

        Trouble(Verdict verdict) {
            this.verdict = verdict;
        }
    }

    private final ReadOnlyObjectWrapper<LocalText> ended = new ReadOnlyObjectWrapper<>(this, "ended");
    private final ReadOnlyObjectWrapper<LocalText> fairness = new ReadOnlyObjectWrapper<>(this, "fairness");
    private final ReadOnlyObjectWrapper<LocalText> audit = new ReadOnlyObjectWrapper<>(this, "audit");
    private final ReadOnlyObjectWrapper<Boolean> auditOk = new ReadOnlyObjectWrapper<>(this, "auditOk");
    private final ReadOnlyObjectWrapper<SimulationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private Trouble trouble;
    /** Why, in English as the command line prints it; or null. */
    private String troubleText;
    /** The sale's keys went from Redis while it was on screen: what was not audited cannot be now. */
    private boolean vanished;
    /** A recorded sale's verdict, once its replay has reached the end. */
    private Verdict replayed;

    /**
     * Did the first to arrive win, and the stock left unsold while users lost (库存遗留), once the local run has
     * ended: "Fairness 0.66 · unsold 37 while 950 users lost"; null before, or when nobody arrived.
     */
    public ReadOnlyObjectProperty<LocalText> fairnessProperty() {
        return fairness.getReadOnlyProperty();
    }

    /** "Ended: sold out", once the local run has ended. */
    public ReadOnlyObjectProperty<LocalText> endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalText> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    /** Null before any audit, then whether it held. */
    public ReadOnlyObjectProperty<Boolean> auditOkProperty() {
        return auditOk.getReadOnlyProperty();
    }

    /** The last local run's result, for the report. */
    public ReadOnlyObjectProperty<SimulationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * How the session came out, as {@code run} would say it for its sale (the audit, or Redis lost); refused
     * settings as the command line refuses them; a failure of the dashboard itself.
     */
    public Verdict verdict() {
        if (trouble != null) {
            return trouble.verdict;
        }
        if (replayed != null) {
            return replayed;
        }
        SimulationResult r = result.get();
        if (r == null) {
            return Boolean.FALSE.equals(auditOk.get()) ? Verdict.AUDIT_FAILED : Verdict.OK;
        }
        return r.verdict();
    }

    /** A new view: no verdict yet. */
    public void clear() {
        ended.set(null);
        fairness.set(null);
        audit.set(null);
        auditOk.set(null);
        result.set(null);
        trouble = null;
        troubleText = null;
        replayed = null;
        vanished = false;
    }

    /**
     * Redis came back without the sale's keys (it restarted without persistence) while the sale was on screen: a
     * verdict already given stands; one still to come says why there is none, and no leftover fairness stays.
     */
    public void vanished() {
        vanished = true;
        SimulationResult r = result.get();
        if (r == null ? auditOk.get() == null : r.audit() == null) {
            notAuditable();
        }
    }

    private void notAuditable() {
        trouble = Trouble.REDIS;
        auditOk.set(null);
        audit.set(LocalText.of("audit.vanished"));
        fairness.set(null);
    }

    /** @param why what went wrong, or null when the session is well again */
    public void troubled(Trouble why) {
        troubled(why, null);
    }

    /**
     * @param why     what went wrong, or null when the session is well again
     * @param because the problem in English, as the command line prints it (it names the Redis); or null
     */
    public void troubled(Trouble why, String because) {
        trouble = why;
        troubleText = why == null ? null : because;
    }

    /**
     * What went wrong, in English as {@code run} prints it after {@code error: }, for {@code ui --exit}: why the
     * session was troubled, else the local run's error; null when nothing did (or it cannot be said in English).
     */
    public String error() {
        if (trouble != null) {
            return troubleText;
        }
        SimulationResult r = result.get();
        return r == null || r.error() == null ? null : r.error().english();
    }

    /** The local run's own verdict, audited by the run itself. */
    public void runEnded(SimulationResult r) {
        result.set(r);
        ended.set(LocalText.of("ended." + r.endedBy().reportName()));
        fairness.set(fairnessOf(r));
        if (vanished && (r.audit() == null || !r.audit().ok() && r.audit().violations().stream()
                .anyMatch(p -> p.kind() == Problem.Kind.NO_SALE))) {
            notAuditable(); // the run's own audit found no sale: Redis had come back empty
        } else if (r.audit() != null) {
            show(r.audit().ok(), r.audit().violations(), r.config().strategy());
        } else {
            auditOk.set(false);
            audit.set(LocalText.of("audit.notAudited", r.error() == null ? "" : r.error()));
        }
    }

    /**
     * A recorded sale's ending, as its {@code end} line says it ({@code ended_by}, {@code audit_ok},
     * {@code violations} in English): the verdict {@code run} gave it, no run needed.
     *
     * @param naive the naive strategy's sale, which oversells on purpose
     */
    public void replayEnded(Map<String, Object> end, boolean naive) {
        Object endedBy = end.get("ended_by");
        ended.set(endedBy == null ? null : LocalText.of("ended." + endedBy));
        Object ok = end.get("audit_ok");
        if (ok instanceof Boolean holds) {
            Object violations = end.get("violations");
            show(holds, violations instanceof List<?> list ? list : List.of(), naive ? StrategyKind.NAIVE : null);
        } else {
            auditOk.set(false);
            audit.set(LocalText.of("audit.notAudited", Objects.toString(end.get("error"), "")));
        }
        replayed = "error".equals(endedBy) ? Verdict.REDIS_UNAVAILABLE
                : Boolean.TRUE.equals(ok) ? Verdict.OK : Verdict.AUDIT_FAILED;
    }

    /**
     * Fairness and 库存遗留 as they mean something: an oversold sale says why fairness means nothing there (more won
     * than there was to win), and a sale stopped by hand says so instead of blaming the strategy for its stock left.
     */
    static LocalText fairnessOf(SimulationResult r) {
        if (!r.fairness().known()) {
            return null;
        }
        long oversold = r.state() == null ? 0 : r.state().oversold();
        if (oversold > 0) {
            return LocalText.of("ended.fairnessOversold", Formats.count(oversold));
        }
        String share = String.format(java.util.Locale.ROOT, "%.2f", r.fairness().share());
        long left = r.state() == null ? 0 : r.state().stockLeft();
        if (r.endedBy() == EndReason.STOPPED && left > 0) {
            return LocalText.of("ended.fairnessStopped", share, Formats.count(left));
        }
        return r.unsoldStock() > 0 ? LocalText.of("ended.fairnessUnsold", share, Formats.count(r.unsoldStock()),
                Formats.count(r.usersLost()))
                : LocalText.of("ended.fairness", share);
    }

    /** The audit of the local run's sale, done once Redis was back (it could not be read when the run ended). */
    public void auditedLater(AuditResult a) {
        show(a.ok(), a.violations(), result.get().config().strategy());
    }

    /** The audit of a sale another client drove. */
    void audited(AuditResult a) {
        show(a.ok(), a.violations(), null);
    }

    /**
     * How a watched sale ended: quiet (nothing sold for {@code quietS} s, the flag still set), closed or sold out,
     * and the stock it left unsold (库存遗留) when it left any.
     */
    void watchedEnded(double quietS, long unsold) {
        ended.set(quietS > 0 ? LocalText.of("ended.quiet", quietS)
                : LocalText.of(unsold > 0 ? "ended.time_up" : "ended.sold_out"));
        fairness.set(unsold > 0 ? LocalText.of("ended.unsoldWatched", Formats.count(unsold)) : null);
    }

    private void show(boolean ok, List<?> violations, StrategyKind strategy) {
        auditOk.set(ok);
        if (ok) {
            audit.set(LocalText.of("audit.ok"));
        } else if (strategy == StrategyKind.NAIVE) {
            audit.set(LocalText.of("audit.naive", violations));
        } else {
            audit.set(LocalText.of("audit.failed", violations));
        }
    }
}
