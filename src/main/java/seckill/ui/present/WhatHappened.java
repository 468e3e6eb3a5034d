package seckill.ui.present;

import java.util.Locale;

import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.SimulationResult;
import seckill.ui.common.LocalText;

/**
 * What happened in a sale, in plain words from its own figures, for the class: naive's oversell and why, WATCH's
 * stock left behind by buyers who gave up, a clean sell-out, a stop by hand. Read from the run's result (Redis's
 * figures read back, not the client's counters).
 */
public final class WhatHappened {
    private WhatHappened() {
    }

    /** The sentence for a run; null for a run that failed (its error says what happened). */
    public static LocalText of(SimulationResult r) {
        if (r == null || r.error() != null || r.state() == null) {
            return null;
        }
        long stock = r.state().total();
        long sold = r.state().sold();
        long conflicts = r.metrics().conflicts();
        if (r.state().oversold() > 0) {
            return LocalText.of("happened.oversold", r.config().pool(), sold, stock, r.state().oversold());
        }
        if (r.endedBy() == EndReason.STOPPED) {
            return LocalText.of("happened.stopped", seconds(r.elapsedMs()), sold, stock);
        }
        if (r.unsoldStock() > 0) {
            return LocalText.of("happened.unsold", conflicts, r.unsoldStock(), r.usersLost());
        }
        if (r.state().stockLeft() == 0) {
            return conflicts > 0 ? LocalText.of("happened.soldOutRetried", stock, seconds(r.timeToSellOutMs()),
                    conflicts) : LocalText.of("happened.soldOut", stock, seconds(r.timeToSellOutMs()));
        }
        return LocalText.of("happened.ended", sold, stock);
    }

    /** The sale's settings in one line, under the sentence. */
    public static LocalText caption(SimulationResult r) {
        StrategyKind strategy = r.config().strategy();
        return LocalText.of("happened.caption", strategy.cliName(), r.state().total(), r.config().users(),
                r.config().pool(), r.config().engine().cliName());
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.2f", Math.max(0, ms) / 1000.0);
    }
}
