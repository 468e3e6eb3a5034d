package seckill.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds.
 *
 * @param histogram the histogram they were read from, encoded ({@link LatencyHistograms}); null except in a run's
 *                  last sample ({@link SaleMetrics#finalSample()})
 */
public record LatencySummary(double p50, double p90, double p99, double p999, double max, long count,
                             String histogram) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    public LatencySummary(double p50, double p90, double p99, double p999, double max, long count) {
        this(p50, p90, p99, p999, max, count, null);
    }

    /** @param micros a histogram of microseconds */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), micros.getTotalCount());
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
