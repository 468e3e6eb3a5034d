package seckill.ui.shell;

import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.binding.BooleanBinding;
import seckill.report.Recording;
import seckill.sale.SaleKeys;
import seckill.service.LabException;
import seckill.service.LabService;
import seckill.service.PollSnapshot;
import seckill.service.PollStream;
import seckill.service.SaleRun;
import seckill.service.ServerInfo;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.code.CodeStep;
import seckill.ui.code.CodeViewModel;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Handoff;
import seckill.ui.common.LocalText;
import seckill.ui.common.PresentationModel;
import seckill.ui.compare.CompareViewModel;
import seckill.ui.compare.ComparisonFlow;
import seckill.ui.export.ExportsModel;
import seckill.ui.form.FormActions;
import seckill.ui.form.FormViewModel;
import seckill.ui.form.FormViewModel.ServerChoice;
import seckill.ui.lessons.LessonViewModel;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;
import seckill.ui.live.WatchedAudit;
import seckill.ui.monitor.CommandFeedModel;
import seckill.ui.replay.ReplayModel;
import seckill.ui.replay.SlowMotion;
import seckill.ui.trace.TraceViewModel;
import seckill.util.Problem;
import seckill.util.Verdict;

/**
 * The dashboard's session: the commands that move its {@link Phase} (connect, start, stop, watch, reset) and the
 * models of what is on screen. Where it is and what last happened are {@link SessionStatus}'s, the server
 * {@link ServerModel}'s, the sale on screen and its polls {@link SaleOnScreen}'s, a comparison's course
 * {@link ComparisonFlow}'s, files out the {@link ExportsModel}'s; the view only binds to these. Every job goes through
 * {@link BackgroundTasks} to the {@link LabService}, and its outcome and the poller's snapshots come back through the
 * one {@link Handoff}, so every property here changes on the thread that drains it (the FX thread in the window, the
 * test's thread in tests).
 */
public final class DashboardViewModel implements FormActions, AutoCloseable {
    /** What a start job hands back: the running sale and the stream that shows it. */
    private record Started(SaleRun run, PollStream poll) {
    }

    /** A run's result and when it came. */
    private record Ended(SimulationResult result, long atMs) {
    }

    private final LabService service;
    private final Handoff handoff;
    private final BackgroundTasks tasks;
    private final FormViewModel form = new FormViewModel();
    private final LiveSaleModel live = new LiveSaleModel();
    private final CompareViewModel compare = new CompareViewModel();
    private final VerdictModel verdict = new VerdictModel();
    private final PresentationModel presentation = new PresentationModel();
    private final CodeViewModel code = new CodeViewModel();
    private final LessonViewModel lessons = new LessonViewModel(form, code);
    private final ExportsModel exports;
    private final WatchedAudit watchedAudit;
    private final TraceViewModel trace = new TraceViewModel();
    private final CommandFeedModel commands = new CommandFeedModel();
    private final ComparisonFlow comparisons;
    private final SaleOnScreen onScreen;
    private final Replays replays;

    private final ServerModel server = new ServerModel();
    private final SessionStatus status = new SessionStatus(form);
    private final ReplayModel replay = new ReplayModel(live, verdict, compare);

    // all below: the draining thread's alone
    /** The local run, from when its job started it until it ends. */
    private SaleRun run;
    public DashboardViewModel(LabService service, Executor worker, Handoff handoff) {
        this.service = service;
        this.handoff = handoff;
        this.tasks = new BackgroundTasks(worker, handoff);
        this.watchedAudit = new WatchedAudit(service, tasks, verdict, live::settle);
        this.comparisons = new ComparisonFlow(service, tasks, handoff, compare);
        this.onScreen = new SaleOnScreen(status, live, verdict, watchedAudit, comparisons);
        this.exports = new ExportsModel(service, tasks, status::say, onScreen::keys, verdict.resultProperty(),
                server::isReached).withComparisons(compare.activeProperty(), compare.resultProperty());
        this.replays = new Replays(service, tasks, status, onScreen, form, live, replay, trace);
        new StaleScreen(form, lessons, status, live, verdict, onScreen);
        code.follow(form);
        // a run's traces become the timeline; a new sale (no result yet) takes the old one away
        verdict.resultProperty().addListener((obs, was, result) -> trace.show(result));
        // the timeline's step lights up its lines in the code panel
        trace.currentStepProperty().addListener((obs, was, step) -> code.highlightStepProperty().set(
                CodeStep.of(step == null ? null : step.kind())));
    }

    // ---- what the view binds to ----

    public FormViewModel form() {
        return form;
    }

    public LiveSaleModel live() {
        return live;
    }

    /** Strategies side by side, while a comparison is on screen. */
    public CompareViewModel compare() {
        return compare;
    }

    public PresentationModel presentation() {
        return presentation;
    }

    /** The code panel: the form's strategy as Redis commands, Lua or the tutorial's Python. */
    public CodeViewModel code() {
        return code;
    }

    /** The lessons' presets and the card that explains the one chosen. */
    public LessonViewModel lessons() {
        return lessons;
    }

    public ExportsModel exports() {
        return exports;
    }

    public VerdictModel verdict() {
        return verdict;
    }

    /** The timeline of the last run's traced buyers (View → Trace). */
    public TraceViewModel trace() {
        return trace;
    }

    /** The sampled commands of the run (View → What Redis sees). */
    public CommandFeedModel commands() {
        return commands;
    }

    /** A recorded sale played again ({@link #replay(Recording)}). */
    public ReplayModel replay() {
        return replay;
    }

    /** A local run played again slowed down: a lesson's at once, a fast one's on offer. */
    public SlowMotion slowMotion() {
        return replays.slowMotion();
    }

    /** The server last reached. */
    public ServerModel server() {
        return server;
    }

    /** Where the session is, what last happened, what the buttons may do. */
    public SessionStatus status() {
        return status;
    }

    @Override
    public BooleanBinding canChangeSaleProperty() {
        return status.canChangeSaleProperty();
    }

    @Override
    public BooleanBinding canStopProperty() {
        return status.canStopProperty();
    }

    // ---- commands ----

    public void connect() {
        if (!status.getPhase().canGoTo(Phase.BUSY)) {
            return;
        }
        if (form.urlErrorProperty().get() != null) {
            showInvalid();
            return;
        }
        ServerChoice choice = form.server();
        verdict.troubled(null); // the sale on screen keeps its verdict; a failed connect is forgotten
        status.go(Phase.BUSY);
        status.say(LocalText.of("status.connecting"));
        tasks.run(() -> connect(choice), info -> status.go(Phase.IDLE), this::failed);
    }

    /** Opens a sale with the form's settings (or joins the open one) and plays its users here. */
    public void start() {
        if (!status.canStartProperty().get()) {
            if (status.getPhase().isQuiet() && showInvalid()) {
                verdict.troubled(VerdictModel.Trouble.REFUSED);
                live.settle(); // nothing will run: ui --autostart --exit ends here, as the command line would
            }
            return;
        }
        form.maskTypedUrl();
        if (form.compare().isOn()) {
            startComparison();
            return;
        }
        SimulationConfig config = form.toConfig();
        ServerChoice choice = form.server();
        boolean commandsOn = commands.shownProperty().get();
        onScreen.begin(config.keys(), true);
        status.go(Phase.RUNNING);
        status.say(LocalText.of(!server.isReached() ? "status.connecting" : "status.starting"));
        tasks.run(() -> {
            connect(choice);
            SaleRun started = service.startSale(config, commandsOn);
            try {
                PollStream stream = service.watch(config.keys(), config.buckets(), handoff::offer);
                stream.follow(started.metrics());
                return new Started(started, stream);
            } catch (RuntimeException | Error e) {
                started.stop();
                throw e;
            }
        }, started -> running(started, config), this::failed);
    }

    /** Races the form's ticked strategies side by side (see {@link ComparisonFlow}). */
    private void startComparison() {
        SimulationConfig base = form.toConfig();
        ServerChoice choice = form.server();
        onScreen.begin(base.keys(), true);
        status.go(Phase.RUNNING);
        status.say(LocalText.of(!server.isReached() ? "status.connecting" : "status.starting"));
        comparisons.start(base, form.compare().lineup(), form.compare().mode(), () -> connect(choice),
                new ComparisonSession(status, live, this::failed));
    }

    /** Follows the sale under the form's prefix without running anything here: another client drives it. */
    public void watch() {
        if (!status.getPhase().canGoTo(Phase.BUSY)) {
            return;
        }
        form.maskTypedUrl();
        ServerChoice choice = form.server();
        SaleKeys keys = new SaleKeys(form.prefix());
        onScreen.begin(keys, false);
        status.go(Phase.BUSY);
        status.say(LocalText.of("status.connecting"));
        tasks.run(() -> {
            connect(choice);
            List<Problem> wrong = service.wrongTypes(keys);
            if (!wrong.isEmpty()) {
                throw LabException.refused(Problem.of(Problem.Kind.READ_WRONG_TYPES, wrong));
            }
            return service.watch(keys, handoff::offer);
        }, stream -> {
            onScreen.follow(stream);
            status.go(Phase.WATCHING);
            status.say(LocalText.of("status.watching", keys.prefix()));
        }, this::failed);
    }

    /** Plays a recorded sale again on screen: nothing connects, and the session stays quiet (Start still works). */
    public void replay(Recording recording) {
        replays.replay(recording);
    }

    /** Audits a watched sale once it is over (its quiet time shortened in tests). */
    WatchedAudit watchedAudit() {
        return watchedAudit;
    }

    /** The session's replays: a file opened, a run's slow motion, a recording to animate. */
    Replays replays() {
        return replays;
    }

    public void stop() {
        if (status.getPhase() == Phase.RUNNING) {
            if (run != null) {
                run.stop(); // else the run's job is still starting it: stopped as soon as it is handed over
            }
            comparisons.stop();
            status.go(Phase.STOPPING);
            status.say(LocalText.of("status.stopping"));
        } else if (status.getPhase() == Phase.WATCHING) {
            onScreen.close();
            status.go(Phase.IDLE);
            status.say(LocalText.of("status.watchStopped"));
        }
    }

    /** Deletes the sale's keys (exactly those) and clears the screen. */
    public void reset() {
        if (!status.getPhase().canGoTo(Phase.BUSY)) {
            return;
        }
        ServerChoice choice = form.server();
        SaleKeys keys = new SaleKeys(form.prefix());
        onScreen.begin(keys, true);
        status.go(Phase.BUSY);
        tasks.run(() -> {
            connect(choice);
            return service.reset(keys);
        }, deleted -> {
            status.go(Phase.IDLE);
            status.say(LocalText.of("status.reset", deleted, keys.prefix()));
        }, this::failed);
    }

    /** How the session came out, for {@code ui --exit}: as {@code run} says it for its sale. */
    public Verdict sessionVerdict() {
        return comparisons.verdict() != null ? comparisons.verdict() : verdict.verdict();
    }

    /** Stops what runs and lets go of Redis (and of the embedded server); for the window's closing. */
    @Override
    public void close() {
        if (run != null) {
            run.stop();
        }
        comparisons.stop();
        onScreen.close();
        service.close();
    }

    // ---- what comes back from the workers ----

    /** One poll, on the draining thread. */
    public void apply(PollSnapshot s) {
        onScreen.apply(s);
    }

    /** Each frame, with the time now: a poll overdue (Redis stalled) is named and shaded like an outage. */
    public void frame(long nowMs) {
        onScreen.overdue(nowMs);
    }

    private void running(Started started, SimulationConfig config) {
        run = started.run();
        onScreen.follow(started.poll());
        commands.follow(run.commands());
        if (status.getPhase() == Phase.STOPPING) {
            run.stop();
        } else {
            status.say(LocalText.of("status.running", config.users(), config.strategy().cliName()));
        }
        tasks.follow(run.result().thenApply(r -> new Ended(r, System.currentTimeMillis())), this::finished,
                this::failed);
    }

    private void finished(Ended e) {
        SimulationResult r = e.result();
        run = null;
        onScreen.runEnded();
        verdict.runEnded(r);
        status.go(Phase.FINISHED);
        status.say(r.error() == null ? LocalText.of("status.finished", r.endedBy().reportName())
                : LocalText.of("status.error", r.error()));
        replays.runEnded(r, lessons.lessonProperty().get() != null); // before the screen settles
        // last: a run that failed settles the screen at once, and whatever waits for that (ui --screenshot) must
        // find the phase and the status already saying so
        live.ended(r, e.atMs());
    }

    /** Any job's failure: the session goes quiet and says why in the window's language. */
    private void failed(Throwable e) {
        if (run != null) {
            run.stop();
            run = null;
        }
        comparisons.abandon();
        onScreen.close();
        status.failed(e, verdict, server);
        live.settle();
    }

    // ---- helpers ----

    /** The form's topmost wrong field in sight, the form unfolded if need be; false when every field is fine. */
    private boolean showInvalid() {
        return form.revealFirstInvalid(() -> presentation.formFoldedProperty().set(false));
    }

    /** Worker: the form's server, connected if need be; the status bar learns it at once. */
    private ServerInfo connect(ServerChoice choice) {
        ServerInfo info = service.connect(choice.url(), choice.embedded(), choice.timeout());
        handoff.post(() -> status.connected(info, server));
        return info;
    }

    /** Runs whenever a sale (or none) is about to take the screen: the panels forget the last one. */
    public void onNewSale(Runnable listener) {
        onScreen.onNewSale(listener);
    }
}
