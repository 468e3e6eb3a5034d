package seckill.service;

import java.util.concurrent.CompletionStage;

import seckill.metrics.SaleMetrics;
import seckill.sim.CommandFeed;
import seckill.sim.SimulationResult;

/** A sale that runs: stoppable from any thread, counted live, and finished with its result. */
public interface SaleRun {
    /** The run's own counters, for the poller to sample with each tick. */
    SaleMetrics metrics();

    /** Asks the run to end; the buyers finish the attempt they are in. Returns at once. */
    void stop();

    /**
     * Completes with the run's result, or exceptionally with a {@link LabException} when the sale could not be
     * opened (joining a missing sale, keys of the wrong type, Redis away).
     */
    CompletionStage<SimulationResult> result();

    /**
     * What the buyers send, sampled, to show beside {@code redis-cli MONITOR}: off until {@link CommandFeed#setOn}
     * (never blocks, so the FX thread may turn it on and read it); null when the run keeps no feed.
     */
    default CommandFeed commands() {
        return null;
    }
}
