package seckill.service;

import java.util.List;
import java.util.concurrent.CompletionStage;

import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;

/**
 * Strategies racing side by side ({@link LabService#startComparison}): a lane per strategy, each a {@link SaleRun}
 * of its own with the keys to poll, and the comparison's result once every lane has finished.
 */
public interface ComparisonRun {
    /**
     * One strategy of the comparison.
     *
     * @param strategy how this lane sells
     * @param keys     its sale's keys (the prefix plus the strategy's name and a colon), for a poller to watch
     * @param run      its run: live metrics, stop, result
     */
    record Lane(StrategyKind strategy, SaleKeys keys, SaleRun run) {
    }

    /** At once, or one at a time (the window says which). */
    Comparison.Mode mode();

    /** The lanes, in the order the strategies were listed. */
    List<Lane> lanes();

    /** Asks every lane to end (and, one at a time, the lanes not begun to end as they begin). Returns at once. */
    void stop();

    /**
     * Completes with every lane's result once all have ended; exceptionally with a {@link LabException} when a lane's
     * sale could not be opened (the other lanes still run to their end).
     */
    CompletionStage<ComparisonResult> result();
}
