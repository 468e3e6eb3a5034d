package seckill.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import seckill.report.Recording;
import seckill.sale.SaleKeys;
import seckill.service.LabService;
import seckill.sim.SimulationResult;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.form.FormViewModel;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.replay.RecordingOpener;
import seckill.ui.replay.ReplayModel;
import seckill.ui.replay.SlowMotion;
import seckill.ui.trace.TraceViewModel;

/**
 * The session's replays: a recording played on the dashboard while the session is quiet, a file opened for it, and
 * the slow motion of a local run (a lesson's at once, a fast sale's on offer). Any sale that takes the screen ends
 * the replay and what was offered.
 */
final class Replays {
    private final SessionStatus status;
    private final SaleOnScreen onScreen;
    private final FormViewModel form;
    private final ReplayModel replay;
    private final RecordingOpener opener;
    private final SlowMotion slowMotion;

    Replays(LabService service, BackgroundTasks tasks, SessionStatus status, SaleOnScreen onScreen,
            FormViewModel form, LiveSaleModel live, ReplayModel replay, TraceViewModel trace) {
        this.status = status;
        this.onScreen = onScreen;
        this.form = form;
        this.replay = replay;
        this.opener = new RecordingOpener(tasks, this::replay, status::say);
        this.slowMotion = new SlowMotion(service, tasks, live.settledProperty(), this::replay, status::say);
        onScreen.onNewSale(replay::close);
        onScreen.onNewSale(slowMotion::clear);
        // a replayed sale's traced buyers become the timeline once it has ended, as a live run's do
        replay.endedProperty().addListener((obs, was, ended) -> showTraces(trace, ended ? replay.recordingProperty()
                .get() : null));
    }

    private static void showTraces(TraceViewModel trace, Recording r) {
        if (r == null || r.isComparison()) {
            trace.show(List.of(), "");
        } else {
            trace.show(r.tracedBuyers(), String.valueOf(r.header().settings().get("prefix")));
        }
    }

    /** Plays a recorded sale again on screen: nothing connects, and the session stays quiet (Start still works). */
    void replay(Recording recording) {
        if (status.getPhase().isQuiet()) {
            form.showRecorded(recording.header().settings()); // first: the recording is the sale set, not stale
            onScreen.begin(new SaleKeys(""), true);
            replay.show(recording);
            status.say(ReplayModel.news(recording));
        }
    }

    /** Reads the file on the worker, then {@linkplain #replay replays} it; while the session is quiet. */
    void open(Path file) {
        if (status.getPhase().isQuiet()) {
            opener.open(file);
        }
    }

    /** A local run has ended, before its screen settles (see {@link SlowMotion#runEnded}). */
    void runEnded(SimulationResult r, boolean lesson) {
        slowMotion.runEnded(r, lesson);
    }

    /**
     * The sale to animate: the recording on screen, or else the last local run's (read on the worker); null when
     * there is neither. Completes on the draining thread.
     */
    CompletableFuture<Recording> toAnimate(SimulationResult lastRun) {
        Recording shown = replay.recordingProperty().get();
        if (shown != null) {
            return CompletableFuture.completedFuture(shown);
        }
        return lastRun == null ? CompletableFuture.completedFuture(null) : slowMotion.recordingOf(lastRun);
    }

    SlowMotion slowMotion() {
        return slowMotion;
    }
}
