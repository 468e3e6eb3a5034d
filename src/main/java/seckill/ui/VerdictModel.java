package seckill.ui;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.sale.AuditResult;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/**
 * How the sale on screen came out: how the local run ended, the audit line, and the exit code {@code ui --exit}
 * returns. Cleared with each new view; no I/O.
 */
public final class VerdictModel {
    /** Why the session went wrong, when it did: it decides the exit code before any audit. */
    enum Trouble {
        /** Redis unreachable or lost: 4, as {@code run}. */
        REDIS(4),
        /** The settings or the sale's keys do not allow the command: 2, as the command line refuses them. */
        REFUSED(2),
        /** The dashboard itself failed. */
        INTERNAL(1);

        private final int exitCode;

        Trouble(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final ReadOnlyObjectWrapper<LocalText> ended = new ReadOnlyObjectWrapper<>(this, "ended");
    private final ReadOnlyObjectWrapper<LocalText> audit = new ReadOnlyObjectWrapper<>(this, "audit");
    private final ReadOnlyObjectWrapper<Boolean> auditOk = new ReadOnlyObjectWrapper<>(this, "auditOk");
    private final ReadOnlyObjectWrapper<SimulationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private Trouble trouble;

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
     * 0 the audit holds, 3 it found a violation, 4 Redis was unreachable or lost: as {@code run}; 2 the settings
     * were refused, as the command line refuses them; 1 the dashboard itself failed.
     */
    public int exitCode() {
        if (trouble != null) {
            return trouble.exitCode;
        }
        SimulationResult r = result.get();
        if (r == null) {
            return Boolean.FALSE.equals(auditOk.get()) ? 3 : 0;
        }
        return r.endedBy() == EndReason.ERROR ? 4 : r.auditHolds() ? 0 : 3;
    }

    /** A new view: no verdict yet. */
    void clear() {
        ended.set(null);
        audit.set(null);
        auditOk.set(null);
        result.set(null);
        trouble = null;
    }

    /** @param why what went wrong, or null when the session is well again */
    void troubled(Trouble why) {
        trouble = why;
    }

    /** The local run's own verdict, audited by the run itself. */
    void runEnded(SimulationResult r) {
        result.set(r);
        ended.set(LocalText.of("ended." + r.endedBy().reportName()));
        if (r.audit() != null) {
            show(r.audit().ok(), r.audit().violations(), r.config().strategy());
        } else {
            auditOk.set(false);
            audit.set(LocalText.of("audit.notAudited", r.error() == null ? "" : r.error()));
        }
    }

    /** The audit of a sale another client drove. */
    void audited(AuditResult a) {
        show(a.ok(), a.violations(), null);
    }

    private void show(boolean ok, List<Problem> violations, StrategyKind strategy) {
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
