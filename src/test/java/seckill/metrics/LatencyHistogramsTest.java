package seckill.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {
    @Test
    void theMergedP99IsTheP99OfOneHistogramOfAllTheValues() {
        SplittableRandom random = new SplittableRandom(14);
        Histogram all = new Histogram(SaleMetrics.DIGITS);
        List<Histogram> parts = List.of(new Histogram(SaleMetrics.DIGITS), new Histogram(SaleMetrics.DIGITS),
                new Histogram(SaleMetrics.DIGITS));
        for (int i = 0; i < 30_000; i++) {
            // three generators of very different speeds: averaging their p99s would be far off
            int g = i % 3;
            long micros = 1 + (g == 0 ? random.nextLong(500) : g == 1 ? random.nextLong(5_000)
                    : random.nextLong(200_000));
            parts.get(g).recordValue(micros);
            all.recordValue(micros);
        }
        List<String> encoded = new ArrayList<>();
        parts.forEach(h -> encoded.add(LatencyHistograms.encode(h)));

        Histogram merged = LatencyHistograms.merge(encoded);

        assertThat(merged.getTotalCount()).isEqualTo(30_000);
        assertThat(LatencySummary.of(merged)).isEqualTo(LatencySummary.of(all));
        assertThat(merged.getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));
        double averaged = parts.stream().mapToLong(h -> h.getValueAtPercentile(99)).average().orElseThrow();
        assertThat((double) merged.getValueAtPercentile(99)).isNotEqualTo(averaged);
    }

    @Test
    void aHistogramSurvivesItsEncoding() {
        Histogram h = new Histogram(SaleMetrics.DIGITS);
        h.recordValue(42);
        h.recordValue(1_234_567);
        assertThat(LatencyHistograms.decode(LatencyHistograms.encode(h))).isEqualTo(h);
    }

    @Test
    void textThatIsNoHistogramIsRefused() {
        assertThatThrownBy(() -> LatencyHistograms.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an encoded latency histogram");
    }

    @Test
    void aRunsLastSampleCarriesItsWholeHistogram() {
        SaleMetrics metrics = new SaleMetrics();
        metrics.attempt(2_000_000);
        metrics.sample();
        metrics.attempt(3_000_000);
        MetricsSnapshot last = metrics.finalSample();
        Histogram h = LatencyHistograms.decode(last.overall().histogram());
        assertThat(h.getTotalCount()).isEqualTo(2);
        assertThat(metrics.sample().overall().histogram()).isNull();
    }
}
