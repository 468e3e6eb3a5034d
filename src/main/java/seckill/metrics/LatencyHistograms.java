package seckill.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * A run's latency histogram (microseconds) as text, so that a report can carry it and {@code merge} can add the
 * histograms of several processes: HdrHistogram's compressed encoding, in Base64. Percentiles of the sum are exact
 * to the histogram's precision, which averaging the processes' percentiles would not be.
 */
public final class LatencyHistograms {
    private LatencyHistograms() {
    }

    public static String encode(Histogram micros) {
        ByteBuffer buffer = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
        int length = micros.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** @throws IllegalArgumentException when the text is not such a histogram */
    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof OutOfMemoryError) {
                // its header asks for more counters than the heap holds: a histogram of another precision
                throw new IllegalArgumentException("too big for this JVM's heap (" + Math.round(JvmMemory.maxHeapMiB())
                        + " MiB; java -Xmx… gives it more)", e);
            }
            throw new IllegalArgumentException("not an encoded latency histogram (" + (root.getMessage() == null
                    ? "its bytes do not decode" : root.getMessage()) + ")", e);
        }
    }

    /** An empty histogram of a run's precision, to add others to. */
    public static Histogram empty() {
        return new Histogram(SaleMetrics.DIGITS);
    }

    /** The sum of the encoded histograms: every value each recorded. */
    public static Histogram merge(List<String> encoded) {
        Histogram sum = empty();
        for (String e : encoded) {
            sum.add(decode(e));
        }
        return sum;
    }
}
