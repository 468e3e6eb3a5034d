package seckill.ui.shell;

import java.util.ArrayList;
import java.util.List;

import seckill.sale.SaleKeys;
import seckill.service.PollSnapshot;
import seckill.service.PollStream;
import seckill.ui.common.LocalText;
import seckill.ui.compare.ComparisonFlow;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;
import seckill.ui.live.WatchedAudit;

/**
 * The sale on screen: its keys, the stream that shows it, and what each of its polls changes. A new view retires the
 * stream before it: snapshots of a retired stream still on their way are dropped (streams number up).
 */
final class SaleOnScreen {
    private final SessionStatus status;
    private final LiveSaleModel live;
    private final VerdictModel verdict;
    private final WatchedAudit watchedAudit;
    private final ComparisonFlow comparisons;
    private final List<Runnable> newSaleListeners = new ArrayList<>();
    private SaleKeys keys = new SaleKeys("");
    /** The stream of the sale on screen. */
    private PollStream poll;
    /** Snapshots of this stream and older ones belong to views gone. */
    private long retiredSources;

    SaleOnScreen(SessionStatus status, LiveSaleModel live, VerdictModel verdict, WatchedAudit watchedAudit,
                 ComparisonFlow comparisons) {
        this.status = status;
        this.live = live;
        this.verdict = verdict;
        this.watchedAudit = watchedAudit;
        this.comparisons = comparisons;
    }

    /**
     * Starts showing a sale from scratch: empty table and charts, no verdict.
     *
     * @param local a run here, not another client's sale being watched
     */
    void begin(SaleKeys keys, boolean local) {
        close();
        this.keys = keys;
        comparisons.leave();
        live.begin(local);
        verdict.clear();
        watchedAudit.clear();
        newSaleListeners.forEach(Runnable::run);
    }

    void onNewSale(Runnable listener) {
        newSaleListeners.add(listener);
    }

    SaleKeys keys() {
        return keys;
    }

    /** The stream that shows the sale from now on. */
    void follow(PollStream stream) {
        poll = stream;
    }

    /** The run's counters are final: the stream goes on showing Redis alone. */
    void runEnded() {
        if (poll != null) {
            poll.follow(null);
        }
    }

    void close() {
        if (poll != null) {
            retiredSources = Math.max(retiredSources, poll.source());
            poll.close();
            poll = null;
        }
        comparisons.closeStreams();
    }

    /** Each frame: a poll of the stream followed that is overdue shows as Redis stalled. */
    void overdue(long nowMs) {
        if (poll != null) {
            live.overdue(nowMs);
        }
    }

    /** One poll, on the draining thread. */
    void apply(PollSnapshot s) {
        if (s.source() <= retiredSources) {
            return; // a stream already replaced: its sale is no longer the one on screen
        }
        boolean wasGone = live.saleVanished();
        boolean back = live.apply(s);
        if (live.saleVanished()) {
            if (!wasGone) {
                verdict.vanished();
                status.say(LocalText.of("status.vanished"));
            }
            return; // nothing to audit or wait for: the sale is gone, its last figures stay
        }
        if (back) {
            status.say(LocalText.of("status.back"));
            if (status.getPhase() == Phase.FINISHED) {
                watchedAudit.auditIfNotAudited(keys);
            }
        }
        if (s.isLost() || status.getPhase() != Phase.WATCHING) {
            return;
        }
        boolean resumed = watchedAudit.consider(keys, s);
        if (!s.state().exists()) {
            status.say(LocalText.of("status.waiting", keys.prefix()));
        } else if (resumed || status.news() != null && "status.waiting".equals(status.news().key())) {
            status.say(LocalText.of("status.watching", keys.prefix()));
        }
    }
}
