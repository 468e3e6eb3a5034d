package seckill.ui.replay;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import seckill.report.Recording;
import seckill.report.RecordingReader;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.util.ProblemException;

/**
 * File ▸ Open recording…: the file is read on the worker; a whole recording goes to the replay, a refused one
 * says why in the status line, in the window's language (the reader's {@code Problem}).
 */
@Face
public final class RecordingOpener {
    private final BackgroundTasks tasks;
    private final Consumer<Recording> replay;
    private final Consumer<LocalText> status;

    /**
     * @param replay plays a recording read (on the draining thread)
     * @param status the status line
     */
    public RecordingOpener(BackgroundTasks tasks, Consumer<Recording> replay, Consumer<LocalText> status) {
        this.tasks = tasks;
        this.replay = replay;
        this.status = status;
    }

    /** Reads the file off the FX thread; completes with the recording, or with why it was refused. */
    public CompletableFuture<Recording> open(Path file) {
        return tasks.run(() -> RecordingReader.read(file), replay, e -> status.accept(LocalText.of("status.refused",
                e instanceof ProblemException p ? p.problem() : BackgroundTasks.describe(e))));
    }
}
