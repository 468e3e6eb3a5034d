package seckill.service;

import seckill.metrics.SaleMetrics;

/** A sale being followed: snapshots go to the sink until {@link #close()}. */
public interface PollStream extends AutoCloseable {
    /** What this stream's snapshots carry as {@link PollSnapshot#source()}. */
    long source();

    /** The local run's counters to sample with each tick; null while only watching. */
    void follow(SaleMetrics runMetrics);

    /** Asks the stream to end after its tick; never waits, so the FX thread may call it. */
    @Override
    void close();
}
