package seckill.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import javafx.scene.Scene;
import seckill.report.Recording;
import seckill.ui.animation.AnimationDialog;
import seckill.ui.animation.AnimationExport;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.I18n;
import seckill.ui.common.LocalText;
import seckill.ui.export.ExportActions;

/**
 * File ▸ Export animation… and {@code ui --replay FILE --gif OUT}: the sale on screen (a replay, at its speed) or the
 * last local run (at the speed that makes it last about 17 s), rendered offscreen as a looping GIF, with its
 * progress beside the window; the status line says how it ended.
 */
final class Animations {
    private final DashboardViewModel model;
    private final AnimationExport export;
    private final ExportActions exports;
    private final I18n i18n;
    private final Supplier<Scene> scene;

    Animations(DashboardViewModel model, AnimationExport export, ExportActions exports, I18n i18n,
               Supplier<Scene> scene) {
        this.model = model;
        this.export = export;
        this.exports = exports;
        this.i18n = i18n;
        this.scene = scene;
    }

    /** Asks where, then renders at the window's size; nothing while one renders or when there is no sale to show. */
    void ask() {
        if (export.runningProperty().get()) {
            return;
        }
        if (model.replay().recordingProperty().get() == null && model.verdict().resultProperty().get() == null) {
            model.status().say(LocalText.of("animation.none"));
            return;
        }
        exports.askFile("animation", "gif", file -> export(file, (int) scene.get().getWidth(),
                (int) scene.get().getHeight(), Double.NaN));
    }

    /**
     * Renders the sale into {@code file}: a replay on screen at its own speed unless {@code speed} is given (not
     * NaN). Completes on the FX thread with what was written, or with why not (said in the status line).
     */
    CompletableFuture<AnimationExport.Result> export(Path file, int width, int height, double speed) {
        double onScreen = model.replay().recordingProperty().get() != null ? model.replay().speedProperty().get()
                : Double.NaN;
        return model.replays().toAnimate(model.verdict().resultProperty().get())
                .thenCompose(recording -> render(recording, file, width, height, Double.isNaN(speed) ? onScreen
                        : speed))
                .whenComplete((done, error) -> model.status().say(error == null ? LocalText.of("animation.done",
                        file, done.frames(), size(done.bytes()), seconds(done.seconds()), seconds(done.renderSeconds()))
                        : cancelled(error) ? LocalText.of("animation.cancelled", file)
                        : LocalText.of("export.failed", file, reason(unwrapped(error)))));
    }

    private CompletableFuture<AnimationExport.Result> render(Recording recording, Path file, int width, int height,
                                                             double speed) {
        if (recording == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(i18n.get("animation.none")));
        }
        CompletableFuture<AnimationExport.Result> done = export.export(recording, speed, width, height,
                model.presentation().getZoom(), file);
        if (!done.isDone() && scene.get() != null) {
            AnimationDialog.show(scene.get().getWindow(), export, i18n, file);
        }
        return done;
    }

    /** Our own refusals are sentences already (in the window's language); anything else is named. */
    private static Object reason(Throwable error) {
        return error instanceof IllegalArgumentException || error instanceof IllegalStateException
                ? error.getMessage() : BackgroundTasks.describe(error);
    }

    private static boolean cancelled(Throwable error) {
        return unwrapped(error) instanceof CancellationException;
    }

    private static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** "2.4 MB" */
    static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }
}
