package seckill.ui.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.report.Recording;
import seckill.report.RecordingReader;
import seckill.service.LabService;
import seckill.sim.SimulationResult;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.util.ProblemException;

/**
 * A local run played again slowed down, from its own recording: a lesson's run plays at once when its screen has
 * settled; any other run over in less than {@link #FAST_MS} is offered (the status bar's button). The recording is
 * written to a temporary file by the {@link LabService} and read back on the worker, and the file deleted.
 */
@Face
public final class SlowMotion {
    /** A sale shorter than this, in ms, is too fast to follow: its slow motion is offered. */
    public static final long FAST_MS = 2_000;

    private final LabService service;
    private final BackgroundTasks tasks;
    private final Consumer<Recording> replay;
    private final Consumer<LocalText> status;
    private final ReadOnlyObjectWrapper<SimulationResult> offered = new ReadOnlyObjectWrapper<>(this, "offered");
    /** A lesson's run, played once the screen has settled (the draining thread's alone). */
    private SimulationResult pending;
    private boolean lessonsPlay = true;
    /** Runs shorter than this are offered; {@link #FAST_MS} unless set. */
    private long fastMs = FAST_MS;

    /**
     * @param settled the live sale's {@code settledProperty}
     * @param replay  plays a recording read (on the draining thread)
     * @param status  the status line
     */
    public SlowMotion(LabService service, BackgroundTasks tasks, ReadOnlyBooleanProperty settled,
            Consumer<Recording> replay, Consumer<LocalText> status) {
        this.service = service;
        this.tasks = tasks;
        this.replay = replay;
        this.status = status;
        settled.addListener((obs, was, now) -> {
            if (now) {
                settled();
            }
        });
    }

    /**
     * A local run has ended, before its screen settles: a lesson's is played slowed once settled, any other one
     * over in less than {@link #FAST_MS} is offered. A run that failed has nothing to show.
     */
    public void runEnded(SimulationResult r, boolean lesson) {
        if (r.error() != null) {
            return;
        }
        if (lesson && lessonsPlay) {
            pending = r;
        } else if (r.elapsedMs() < fastMs) {
            offered.set(r);
        }
    }

    /** Offers the slow motion of runs shorter than {@code ms} from now on (a busy machine's window tests). */
    public void offerUnder(long ms) {
        fastMs = ms;
    }

    /**
     * A window that closes once its sale has settled ({@code ui --exit}): a lesson's run is offered like any other,
     * not played, so that nothing is left writing its recording when the window goes.
     */
    public void offerOnly() {
        lessonsPlay = false;
    }

    /** Another sale takes the screen: nothing is offered or waits any more. */
    public void clear() {
        pending = null;
        offered.set(null);
    }

    /** The run whose slow motion is offered, or null. */
    public ReadOnlyObjectProperty<SimulationResult> offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** "0.12": how long the offered run took, in s, for the button. */
    public static String seconds(SimulationResult r) {
        return r == null ? "" : String.format(Locale.ROOT, "%.2f", r.elapsedMs() / 1000.0);
    }

    /** Plays the offered run slowed down; nothing when none is offered. */
    public CompletableFuture<Recording> playOffered() {
        SimulationResult r = offered.get();
        return r == null ? CompletableFuture.completedFuture(null) : play(r);
    }

    private void settled() {
        if (pending != null) {
            SimulationResult r = pending;
            pending = null;
            play(r);
        }
    }

    private CompletableFuture<Recording> play(SimulationResult r) {
        return recordingOf(r).thenApply(recording -> {
            replay.accept(recording);
            return recording;
        });
    }

    /**
     * The local run's recording, read on the worker; completes on the draining thread, or with why it could not be
     * had (said in the status line too).
     */
    public CompletableFuture<Recording> recordingOf(SimulationResult r) {
        return tasks.run(() -> recording(r), done -> { }, e -> status.accept(LocalText.of("status.refused",
                e instanceof ProblemException p ? p.problem() : BackgroundTasks.describe(e))));
    }

    /** Worker: the run's recording, through a temporary file. */
    private Recording recording(SimulationResult r) throws IOException {
        Path file = Files.createTempFile("seckill-slow-motion-", ".jsonl");
        try {
            service.exportRecording(r, file);
            return RecordingReader.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
