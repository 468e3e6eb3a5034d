package seckill.ui.live;

import java.util.concurrent.CompletableFuture;

import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.service.LabService;
import seckill.service.PollSnapshot;
import seckill.sim.SimulationResult;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;

/**
 * Audits a watched sale (driven by another client) once it is over, and once per distinct outcome: a sale that is
 * reopened or sells more is audited again. Over means closed, sold out, or quiet: having sold, nothing more for
 * {@link #quietAfterMs} (by the polls' own read times) with stock left and the flag still set, the tutorial's
 * 库存遗留, concluded with its unsold stock named; it picks up again if sales resume. One audit at a time; its verdict
 * is shown only while the same view is on screen. A run here whose end found Redis away is audited once Redis is back.
 */
@Face
public final class WatchedAudit {
    /** How long a watched sale may sell nothing, stock left and flag set, before it is concluded. */
    public static final long QUIET_MS = 10_000;

    /** A sale that is over, as far as its audit is concerned. */
    private record Outcome(SaleKeys keys, long openedMs, long sold, long winners, long unsold, double quietS) {
    }

    private final LabService service;
    private final BackgroundTasks tasks;
    private final VerdictModel verdict;
    private final Runnable onAudited;
    private long quietAfterMs = QUIET_MS;
    private Outcome audited;
    private CompletableFuture<?> auditing;
    /** Counts the views: an audit asked for an older one is not shown. */
    private long view;
    /** The figure sold as last read, and when it last changed (the poll's read time); -1 before a sale is seen. */
    private long lastSold = -1;
    private long soldChangedAtMs;

    /** @param audited what follows a watched sale's audit on screen (the window settles: ui --watch --exit) */
    public WatchedAudit(LabService service, BackgroundTasks tasks, VerdictModel verdict, Runnable audited) {
        this.service = service;
        this.tasks = tasks;
        this.verdict = verdict;
        this.onAudited = audited;
    }

    /** How long a sale may sell nothing before it is concluded ({@link #QUIET_MS}; shorter in tests). */
    public void quietAfter(long ms) {
        quietAfterMs = ms;
    }

    /** A new view: nothing audited yet, and an audit still on its way is not shown. */
    public void clear() {
        audited = null;
        auditing = null;
        lastSold = -1;
        view++;
    }

    /**
     * A poll of the watched sale (every tick it stands for: when the sale last sold is read from them all).
     *
     * @return true when a sale concluded as quiet sells again: the screen is watching once more
     */
    public boolean consider(SaleKeys keys, PollSnapshot s) {
        boolean resumed = false;
        for (PollSnapshot.Tick tick : s.ticks()) {
            resumed |= !tick.isLost() && sold(tick.state());
        }
        SaleState state = s.state();
        Outcome outcome = outcomeOf(keys, state);
        if (outcome == null || outcome.equals(audited) || (auditing != null && !auditing.isDone())) {
            return resumed;
        }
        audited = outcome;
        long askedIn = view;
        auditing = tasks.run(() -> service.audit(keys), a -> {
            if (askedIn == view) {
                verdict.audited(a);
                verdict.watchedEnded(outcome.quietS(), outcome.unsold());
                onAudited.run();
            }
        }, e -> { }); // Redis away: the banner says so, and the next outcome is audited
        return resumed;
    }

    /** @return true when this sale, concluded as quiet, sold again */
    private boolean sold(SaleState state) {
        if (state.exists() && state.sold() == lastSold) {
            return false;
        }
        boolean resumed = audited != null && audited.quietS() > 0 && state.exists();
        lastSold = state.exists() ? state.sold() : -1;
        soldChangedAtMs = state.readAtMs();
        if (resumed) {
            audited = null;
            verdict.clear();
        }
        return resumed;
    }

    private Outcome outcomeOf(SaleKeys keys, SaleState s) {
        if (!s.exists()) {
            return null;
        }
        long quietMs = s.readAtMs() - soldChangedAtMs;
        boolean over = !s.isOpen() || s.stockLeft() == 0;
        // a sale that has not sold yet has not stopped selling: its buyers may still be on their way
        boolean quiet = !over && s.sold() > 0 && quietMs >= quietAfterMs;
        if (!over && !quiet) {
            return null;
        }
        double quietS = quiet ? quietAfterMs / 1000.0 : 0;
        return new Outcome(keys, s.openedMs(), s.sold(), s.winners(), s.stockLeft(), quietS);
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
