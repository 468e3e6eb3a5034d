package seckill.ui.animation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import seckill.report.AnimatedGif;
import seckill.report.Exports;
import seckill.report.GifPalette;
import seckill.report.Recording;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;
import seckill.ui.common.Themes;
import seckill.ui.replay.ReplayModel;

/**
 * A recorded sale rendered offscreen as an animated GIF for slides: a {@link Slide} of its own (the window's sale is
 * never touched), at {@value #FPS} frames a second of the replay, each taken in a pulse of the FX thread and encoded
 * on a worker while the next are taken. A frame is followed by at least as long for the window's own work, so the
 * window never stalls, however slow the pictures are to take. Written whole or not at all; Cancel leaves
 * nothing behind. One at a time.
 */
@Face
public final class AnimationExport {
    public static final int FPS = 10;
    /** The size {@code ui --gif} renders at (the menu's export takes the window's). */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    /** The last frame (the verdict) stays this long before the animation loops, in hundredths of a second. */
    public static final int HOLD_CS = 300;
    /** Longer than this on screen, in s, and the speed is too slow for a GIF. */
    public static final int MAX_SECONDS = 300;
    /** Frames taken and not yet encoded, at most: the FX thread waits a pulse rather than pile them up. */
    private static final int QUEUED = 3;
    private static final int[] END = new int[0];

    private final I18n i18n;
    private final Themes themes;
    private final BackgroundTasks tasks;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyIntegerWrapper frame = new ReadOnlyIntegerWrapper(this, "frame");
    private final ReadOnlyIntegerWrapper frames = new ReadOnlyIntegerWrapper(this, "frames");
    private volatile boolean cancelled;

    /**
     * What was written.
     *
     * @param frames        the GIF's frames (a frame that changed nothing lengthens the one before)
     * @param seconds       how long it plays, without the last frame's hold
     * @param renderSeconds how long it took to make, in s of this machine's time
     */
    public record Result(Path file, int frames, long bytes, double seconds, double renderSeconds) {
    }

    public AnimationExport(I18n i18n, Themes themes, BackgroundTasks tasks) {
        this.i18n = i18n;
        this.themes = themes;
        this.tasks = tasks;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The frame being taken, from 1. */
    public ReadOnlyIntegerProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The frames in all. */
    public ReadOnlyIntegerProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** How many frames a recorded sale this long makes at that speed (the first at 0, the last at its end). */
    public static int frameCount(double durationMs, double speed) {
        return (int) Math.ceil(durationMs / speed / (1000.0 / FPS)) + 1;
    }

    /** How long the animation lasts, in s, without its last frame's hold. */
    public static double seconds(double durationMs, double speed) {
        return (frameCount(durationMs, speed) - 1) / (double) FPS;
    }

    /** Stops the export under way: nothing is written. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Renders the recording at {@code speed} (recorded seconds per second; NaN: the one that makes it last about 17
     * s) into {@code file}, {@code width} x {@code height} pixels at the window's zoom. FX thread; completes on it
     * (through the tasks' handoff). An animation longer than {@value #MAX_SECONDS} s is refused, saying so.
     */
    public CompletableFuture<Result> export(Recording recording, double speed, int width, int height, int zoom,
                                            Path file) {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException(i18n.get("animation.busy")));
        }
        Slide slide = new Slide(i18n, zoom, themes.isDark());
        Scene scene = new Scene(slide, width, height);
        scene.getStylesheets().add(Themes.stylesheet());
        slide.show(recording, speed);
        double span = slide.durationMs();
        double x = slide.speed();
        if (seconds(span, x) > MAX_SECONDS) {
            slide.dispose();
            return CompletableFuture.failedFuture(new IllegalArgumentException(i18n.get("animation.tooLong",
                    ReplayModel.speedText(x), Math.round(seconds(span, x)), MAX_SECONDS)));
        }
        int n = frameCount(span, x);
        cancelled = false;
        running.set(true);
        frames.set(n);
        frame.set(0);
        // the palette from the end (every colour of the verdict and the charts), the middle and the start
        WritableImage image = new WritableImage(width, height);
        List<int[]> samples = List.of(take(slide, scene, image, span), take(slide, scene, image, span / 2),
                take(slide, scene, image, 0));
        BlockingQueue<int[]> queue = new ArrayBlockingQueue<>(QUEUED);
        long started = System.nanoTime();
        CompletableFuture<Result> done = tasks.run(() -> encode(file, width, height, samples, queue, n, started),
                r -> finished(slide), e -> finished(slide));
        new AnimationTimer() {
            private int next;
            /** A frame costs the FX thread some time: as long again is left to the window before the next. */
            private long restUntil;

            @Override
            public void handle(long now) {
                if (cancelled || done.isDone()) {
                    stop();
                } else if (queue.remainingCapacity() > 0 && System.nanoTime() >= restUntil) {
                    if (next < n) {
                        long began = System.nanoTime();
                        queue.add(take(slide, scene, image, Math.min(span, next * x * 1000.0 / FPS)));
                        long ended = System.nanoTime();
                        restUntil = ended + (ended - began);
                        frame.set(++next);
                    } else {
                        queue.add(END);
                        stop();
                    }
                }
            }
        }.start();
        return done;
    }

    private void finished(Slide slide) {
        slide.dispose();
        running.set(false);
    }

    /** The slide at that recorded time, as ARGB pixels. */
    private static int[] take(Slide slide, Scene scene, WritableImage image, double ms) {
        slide.at(ms);
        scene.snapshot(image);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    /** Worker: the frames as they come, into the file; until the last, or Cancel. */
    private Result encode(Path file, int width, int height, List<int[]> samples, BlockingQueue<int[]> queue, int n,
                          long started) throws IOException {
        int[] written = new int[1];
        Exports.writeBytesAtomically(file, out -> {
            AnimatedGif gif = new AnimatedGif(out, width, height, GifPalette.of(samples));
            try {
                for (int[] f = next(queue); f != END; f = next(queue)) {
                    gif.add(f, 100 / FPS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            gif.finish(HOLD_CS);
            written[0] = gif.frames();
        });
        return new Result(file, written[0], Files.size(file), (n - 1) / (double) FPS,
                (System.nanoTime() - started) / 1e9);
    }

    private int[] next(BlockingQueue<int[]> queue) throws InterruptedException {
        while (true) {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
            int[] f = queue.poll(100, TimeUnit.MILLISECONDS);
            if (f != null) {
                return f;
            }
        }
    }
}
