package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartHistoryTest {
    @Test
    void keepsTheWholeRunInBoundedMemoryByThinningThePast() {
        ChartHistory h = new ChartHistory(2, 100);
        for (int i = 0; i < 100_000; i++) {
            h.add(i / 10.0, i, -i);
        }
        assertThat(h.size()).isLessThanOrEqualTo(100).isGreaterThanOrEqualTo(50);
        assertThat(h.x(0)).isZero(); // the start of the run is still there
        assertThat(h.x(h.size() - 1)).isGreaterThan(9_000);
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.x(i)).isGreaterThan(h.x(i - 1));
            assertThat(h.y(1, i)).isEqualTo(-h.y(0, i));
        }
    }

    @Test
    void thinningRatesKeepsWhatHappenedOverTheIntervalsItMerges() {
        ChartHistory rates = ChartHistory.ofRates(1, 4);
        ChartHistory levels = new ChartHistory(1, 4);
        // 10/s over the first second, 40/s over the next two, then 100/s
        double[][] points = {{0, 0}, {1, 10}, {3, 40}, {4, 100}, {5, 7}};
        for (double[] p : points) {
            rates.add(p[0], p[1]);
            levels.add(p[0], p[1]);
        }
        assertThat(rates.x(1)).isEqualTo(3);
        assertThat(rates.y(0, 1)).as("(10 × 1 s + 40 × 2 s) / 3 s").isEqualTo(30);
        assertThat(levels.y(0, 1)).as("a level is the reading").isEqualTo(40);
        assertThat(rates.y(0, 2)).isEqualTo(7);
    }

    @Test
    void tellsTheChartToStartOverAfterThinningOrClearing() {
        ChartHistory h = new ChartHistory(1, 4);
        long g = h.generation();
        for (int i = 0; i < 4; i++) {
            h.add(i, i);
        }
        assertThat(h.generation()).isEqualTo(g);
        h.add(4, 4);
        assertThat(h.generation()).isGreaterThan(g);
        long thinned = h.generation();
        h.clear();
        assertThat(h.size()).isZero();
        assertThat(h.generation()).isGreaterThan(thinned);
    }

    @Test
    void aNewHistoryNeverSharesAGenerationWithAnother() {
        // a comparison begun anew (a replay scrubbed back) gives its chart new histories: the chart must start over
        ChartHistory first = new ChartHistory(1, 4);
        first.add(0, 1);
        first.clear();
        ChartHistory second = new ChartHistory(1, 4);
        assertThat(second.generation()).isNotEqualTo(first.generation()).isGreaterThan(first.generation());
    }

    @Test
    void dropsALateTickThatWouldRunTimeBackwards() {
        ChartHistory h = new ChartHistory(1, 10);
        h.add(2, 1);
        h.add(1, 1);
        assertThat(h.size()).isEqualTo(1);
    }
}
