package seckill.ui;

import java.util.Arrays;

/**
 * Points of a few series over time, with bounded memory however long the sale runs: when full it keeps every
 * second point (halving the resolution of the past) instead of forgetting the start of the run. A chart copies
 * what is new since it last looked; {@link #generation()} tells it to start over after a thinning or a clear.
 */
public final class ChartHistory {
    private final int capacity;
    private final double[] x;
    private final double[][] y;
    private int size;
    private long generation;

    public ChartHistory(int series, int capacity) {
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

    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            x[kept] = x[i];
            for (double[] series : y) {
                series[kept] = series[i];
            }
            kept++;
        }
        size = kept;
        generation++;
    }

    public void clear() {
        size = 0;
        generation++;
        Arrays.fill(x, 0);
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
