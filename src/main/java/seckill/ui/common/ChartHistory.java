package seckill.ui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Points of a few series over time, with bounded memory however long the sale runs: when full it keeps every
 * second point (halving the resolution of the past) instead of forgetting the start of the run. A chart copies
 * what is new since it last looked; {@link #generation()} tells it to start over after a thinning or a clear.
 *
 * <p>A history of {@linkplain #ofRates rates} thins as a rate must: a point that stays takes the time-weighted mean
 * of its interval and the dropped one before it, so a step still shows what happened over the whole of its span.
 *
 * <p>It also keeps what a line must not hide: a {@linkplain #addGap() gap} where there was no data (a chart draws
 * no line across it), and the {@linkplain #outages() outages}, spans of time while Redis could not be read.
 */
public final class ChartHistory {
    private static final AtomicLong GENERATIONS = new AtomicLong();
    private final int capacity;
    private final boolean rates;
    private final double[] x;
    private final double[][] y;
    private int size;
    /** Unique across histories: a view that follows another history (a sale begun anew) starts over too. */
    private long generation = GENERATIONS.incrementAndGet();
    private final List<double[]> outages = new ArrayList<>();
    private long outagesVersion;

    /** Levels read at each point (stock left, sold): thinning keeps the readings. */
    public ChartHistory(int series, int capacity) {
        this(series, capacity, false);
    }

    /** Rates, each over the interval that ends at its point: thinning merges the intervals it drops. */
    public static ChartHistory ofRates(int series, int capacity) {
        return new ChartHistory(series, capacity, true);
    }

    private ChartHistory(int series, int capacity, boolean rates) {
        this.rates = rates;
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4, got " + capacity);
        }
        this.capacity = capacity;
        this.x = new double[capacity];
        this.y = new double[series][capacity];
    }

    public void add(double at, double... values) {
        if (values.length != y.length) {
            throw new IllegalArgumentException("expected " + y.length + " values, got " + values.length);
        }
        if (size > 0 && at < x[size - 1]) {
            return; // time never runs backwards on a chart; a late duplicate tick is dropped
        }
        if (size == capacity) {
            thin();
        }
        x[size] = at;
        for (int s = 0; s < y.length; s++) {
            y[s][size] = values[s];
        }
        size++;
    }

    /** No data from here to the next point: the lines break (a point with no values, at the last one's time). */
    public void addGap() {
        if (size == 0 || isGap(size - 1)) {
            return;
        }
        double[] none = new double[y.length];
        Arrays.fill(none, Double.NaN);
        add(x[size - 1], none);
    }

    private boolean isGap(int i) {
        for (double[] series : y) {
            if (!Double.isNaN(series[i])) {
                return false;
            }
        }
        return true;
    }

    /** Redis was lost from this time on (an outage still open until {@link #outageEnds}). */
    public void outageStarts(double at) {
        if (outageOpen()) {
            return;
        }
        outages.add(new double[] {at, Double.NaN});
        outagesVersion++;
    }

    /** Redis answered again at this time. */
    public void outageEnds(double at) {
        if (!outageOpen()) {
            return;
        }
        outages.get(outages.size() - 1)[1] = Math.max(at, outages.get(outages.size() - 1)[0]);
        outagesVersion++;
    }

    public boolean outageOpen() {
        return !outages.isEmpty() && Double.isNaN(outages.get(outages.size() - 1)[1]);
    }

    /** The outages, oldest first, as {start, end} in the points' time; an open one ends NaN. Copies. */
    public List<double[]> outages() {
        List<double[]> copy = new ArrayList<>(outages.size());
        for (double[] o : outages) {
            copy.add(o.clone());
        }
        return copy;
    }

    /** Changes whenever an outage starts or ends. */
    public long outagesVersion() {
        return outagesVersion;
    }

    /** The time of the last point, or NaN when there is none. */
    public double lastX() {
        return size == 0 ? Double.NaN : x[size - 1];
    }

    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            // every second point, and every gap (a line must not be drawn across a time with no data)
            boolean keep = i % 2 == 0 || isGap(i) && kept < capacity * 3 / 4;
            if (!keep) {
                continue;
            }
            boolean merge = rates && i >= 2 && i % 2 == 0 && !isGap(i) && !isGap(i - 1) && x[i] > x[i - 2];
            double[] values = new double[y.length];
            for (int s = 0; s < y.length; s++) {
                // the two intervals' rates weighted by their lengths: what happened over both
                values[s] = merge ? (y[s][i - 1] * (x[i - 1] - x[i - 2]) + y[s][i] * (x[i] - x[i - 1]))
                        / (x[i] - x[i - 2]) : y[s][i];
            }
            // read before written: the points kept so far sit below i - 1 unless i - 1 itself was kept (a gap)
            x[kept] = x[i];
            for (int s = 0; s < y.length; s++) {
                y[s][kept] = values[s];
            }
            kept++;
        }
        size = kept;
        generation = GENERATIONS.incrementAndGet();
    }

    public void clear() {
        size = 0;
        generation = GENERATIONS.incrementAndGet();
        Arrays.fill(x, 0);
        outages.clear();
        outagesVersion++;
    }

    public int size() {
        return size;
    }

    /** Changes whenever points already handed out are no longer valid. */
    public long generation() {
        return generation;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int series, int i) {
        return y[series][i];
    }
}
