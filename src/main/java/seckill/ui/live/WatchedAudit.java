package seckill.ui.live;

import java.util.concurrent.CompletableFuture;

import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.service.LabService;
import seckill.sim.SimulationResult;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;

/**
 * Audits a watched sale (driven by another client) once it is over, closed or sold out, and once per distinct
 * outcome: a sale that is reopened or sells more is audited again. One audit at a time; its verdict is shown only
 * while the same view is on screen. A run here whose end found Redis away is audited once Redis is back.
 */
@Face
public final class WatchedAudit {
    /** A sale that is over, as far as its audit is concerned. */
    private record Outcome(SaleKeys keys, long openedMs, long sold, long winners) {
        static Outcome ifOver(SaleKeys keys, SaleState s) {
            boolean over = s.exists() && (!s.isOpen() || s.stockLeft() == 0);
            return over ? new Outcome(keys, s.openedMs(), s.sold(), s.winners()) : null;
        }
    }

    private final LabService service;
    private final BackgroundTasks tasks;
    private final VerdictModel verdict;
    private final Runnable onAudited;
    private Outcome audited;
    private CompletableFuture<?> auditing;
    /** Counts the views: an audit asked for an older one is not shown. */
    private long view;

    /** @param audited what follows a watched sale's audit on screen (the window settles: ui --watch --exit) */
    public WatchedAudit(LabService service, BackgroundTasks tasks, VerdictModel verdict, Runnable audited) {
        this.service = service;
        this.tasks = tasks;
        this.verdict = verdict;
        this.onAudited = audited;
    }

    /** A new view: nothing audited yet, and an audit still on its way is not shown. */
    public void clear() {
        audited = null;
        auditing = null;
        view++;
    }

    /** The sale as the last poll read it. */
    public void consider(SaleKeys keys, SaleState state) {
        Outcome outcome = Outcome.ifOver(keys, state);
        if (outcome == null || outcome.equals(audited) || (auditing != null && !auditing.isDone())) {
            return;
        }
        audited = outcome;
        long askedIn = view;
        auditing = tasks.run(() -> service.audit(keys), a -> {
            if (askedIn == view) {
                verdict.audited(a);
                onAudited.run();
            }
        }, e -> { }); // Redis away: the banner says so, and the next outcome is audited
    }

    /**
     * Redis is back after a run that could not be audited when it ended: the audit is done now, and shown if that
     * run is still the one on screen.
     */
    public void auditIfNotAudited(SaleKeys keys) {
        SimulationResult r = verdict.resultProperty().get();
        if (r == null || r.audit() != null) {
            return;
        }
        tasks.run(() -> service.audit(keys), a -> {
            if (verdict.resultProperty().get() == r) {
                verdict.auditedLater(a);
            }
        }, e -> { }); // away again: the banner says so, and its return asks again
    }
}
