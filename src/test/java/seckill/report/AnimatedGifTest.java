package seckill.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The GIF as any reader sees it: its frames, where each goes, their delays, the loop, and the colours shown. */
class AnimatedGifTest {
    private static final int W = 40;
    private static final int H = 30;
    private static final int BACKGROUND = 0xfff6f8fa;
    private static final int TEXT = 0xff1f2328;
    private static final int RED = 0xffcf222e;

    /** A frame: the background, and a bar of {@code colour} from x = 5 to 5 + {@code length} on rows 10–14. */
    private static int[] frame(int length, int colour) {
        int[] p = new int[W * H];
        java.util.Arrays.fill(p, BACKGROUND);
        for (int y = 10; y < 15; y++) {
            for (int x = 5; x < 5 + length; x++) {
                p[y * W + x] = colour;
            }
        }
        p[0] = TEXT;
        return p;
    }

    @Test
    void writesOnlyWhatChangedAndMergesFramesThatChangeNothing() throws IOException {
        List<int[]> frames = List.of(frame(0, RED), frame(10, RED), frame(10, RED), frame(20, RED));
        GifPalette palette = GifPalette.of(List.of(frames.get(0), frames.get(3)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnimatedGif gif = new AnimatedGif(bytes, W, H, palette);
        for (int[] f : frames) {
            gif.add(f, 10);
        }
        gif.finish(300);
        assertEquals(3, gif.frames());

        ReadGif read = ReadGif.of(bytes.toByteArray());
        assertEquals(List.of(10, 20, 310), read.delays(), "an unchanged frame lengthens the last; the end holds");
        assertTrue(read.loops(), "loops forever (NETSCAPE2.0, count 0)");
        assertEquals(List.of(List.of(0, 0, W, H), List.of(5, 10, 10, 5), List.of(15, 10, 10, 5)), read.boxes(),
                "after the first, only the rectangle that changed");
        assertArrayEquals(frames.get(0), read.first());
        assertArrayEquals(frames.get(3), read.last(), "the frames laid one on the other show the last exactly");
    }

    @Test
    void aColourNotInThePaletteTakesTheNearest() {
        GifPalette palette = GifPalette.of(List.of(frame(10, RED)));
        assertEquals(3, palette.size());
        int red = palette.model().getRGB(palette.index(RED) & 0xff);
        assertEquals(red, palette.model().getRGB(palette.index(0xffd0232f) & 0xff));
        assertEquals(RED, red);
    }
}
