package seckill.report;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One palette for a whole animation, taken from a few of its frames (the first and the last show every colour the
 * dashboard uses): 255 colours by median cut, each box keeping its most frequent colour rather than an average, so
 * that backgrounds and text stay their exact colours, and index 255 left transparent. A colour met later takes its
 * nearest; the answers are remembered.
 */
public final class GifPalette {
    /** The index of "unchanged since the last frame". */
    public static final int TRANSPARENT = 255;
    private static final int COLOURS = 255;

    private final int[] rgb;
    /** Colours already mapped: an open-addressed table, a key being {@code rgb | 1 << 24} (0: free). */
    private int[] keys = new int[1 << 14];
    private byte[] values = new byte[1 << 14];
    private int size;
    private int lastRgb = -1;
    private byte lastIndex;

    private GifPalette(int[] rgb) {
        this.rgb = rgb;
    }

    /** The palette of these frames (ARGB pixels; alpha ignored). */
    public static GifPalette of(List<int[]> frames) {
        int[] colours = frames.stream().flatMapToInt(Arrays::stream).map(p -> p & 0xffffff).sorted().toArray();
        List<long[]> counted = new ArrayList<>(); // {rgb, count}
        for (int i = 0; i < colours.length;) {
            int j = i;
            while (j < colours.length && colours[j] == colours[i]) {
                j++;
            }
            counted.add(new long[] {colours[i], j - i});
            i = j;
        }
        List<List<long[]>> boxes = new ArrayList<>();
        if (!counted.isEmpty()) {
            boxes.add(counted);
        }
        while (boxes.size() < COLOURS) {
            List<long[]> widest = boxes.stream().filter(b -> b.size() > 1)
                    .max(Comparator.comparingLong(GifPalette::weight)).orElse(null);
            if (widest == null) {
                break;
            }
            boxes.remove(widest);
            boxes.addAll(split(widest));
        }
        int[] rgb = boxes.stream().mapToInt(b -> (int) b.stream().max(Comparator.comparingLong(c -> c[1]))
                .orElseThrow()[0]).toArray();
        return new GifPalette(rgb.length == 0 ? new int[] {0} : rgb);
    }

    /** How much a box asks to be split: its widest channel's range times how many pixels it holds. */
    private static long weight(List<long[]> box) {
        long pixels = box.stream().mapToLong(c -> c[1]).sum();
        return (long) range(box, widestChannel(box)) * pixels;
    }

    private static int range(List<long[]> box, int shift) {
        int lo = 255;
        int hi = 0;
        for (long[] c : box) {
            int v = (int) (c[0] >> shift) & 0xff;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    private static int widestChannel(List<long[]> box) {
        int best = 16;
        for (int shift : new int[] {8, 0}) {
            if (range(box, shift) > range(box, best)) {
                best = shift;
            }
        }
        return best;
    }

    /** The box cut along its widest channel where half its pixels lie on either side. */
    private static List<List<long[]>> split(List<long[]> box) {
        int shift = widestChannel(box);
        List<long[]> sorted = new ArrayList<>(box);
        sorted.sort(Comparator.comparingInt(c -> (int) (c[0] >> shift) & 0xff));
        long half = sorted.stream().mapToLong(c -> c[1]).sum() / 2;
        long seen = 0;
        int at = 1;
        for (int i = 0; i < sorted.size() - 1; i++) {
            seen += sorted.get(i)[1];
            at = i + 1;
            if (seen >= half) {
                break;
            }
        }
        return List.of(sorted.subList(0, at), sorted.subList(at, sorted.size()));
    }

    /** How many colours it holds (at most 255). */
    public int size() {
        return rgb.length;
    }

    /** The colour model a frame is written with: the palette, then the transparent index. */
    public IndexColorModel model() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /** The palette's index for a pixel: its own colour when the palette has it, else the nearest. */
    public byte index(int argb) {
        int key = argb & 0xffffff;
        if (key == lastRgb) {
            return lastIndex;
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == (key | 1 << 24)) {
                lastRgb = key;
                lastIndex = values[slot];
                return lastIndex;
            }
            slot = (slot + 1) & mask;
        }
        byte found = nearest(key);
        keys[slot] = key | 1 << 24;
        values[slot] = found;
        if (++size * 2 > keys.length) {
            grow();
        }
        lastRgb = key;
        lastIndex = found;
        return found;
    }

    private byte nearest(int key) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < rgb.length; i++) {
            int dr = (rgb[i] >> 16 & 0xff) - (key >> 16 & 0xff);
            int dg = (rgb[i] >> 8 & 0xff) - (key >> 8 & 0xff);
            int db = (rgb[i] & 0xff) - (key & 0xff);
            // the eye's weights, roughly: green most, blue least
            long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return (byte) best;
    }

    private void grow() {
        int[] oldKeys = keys;
        byte[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new byte[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = mix(oldKeys[i] & 0xffffff) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
