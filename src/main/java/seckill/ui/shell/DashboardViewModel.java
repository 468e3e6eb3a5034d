package seckill.ui.shell;

import seckill.ui.form.FormViewModel.ServerChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import seckill.sale.SaleKeys;
import seckill.service.ComparisonRun;
import seckill.service.LabException;
import seckill.service.LabService;
import seckill.service.PollSnapshot;
import seckill.service.PollStream;
import seckill.service.SaleRun;
import seckill.service.ServerInfo;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;
import seckill.util.Verdict;
import seckill.ui.code.CodeStep;
import seckill.ui.code.CodeViewModel;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Handoff;
import seckill.ui.common.LocalText;
import seckill.ui.common.PresentationModel;
import seckill.ui.compare.CompareViewModel;
import seckill.ui.export.ExportsModel;
import seckill.ui.form.FormViewModel;
import seckill.ui.lessons.LessonViewModel;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;
import seckill.ui.live.WatchedAudit;
import seckill.ui.monitor.CommandFeedModel;
import seckill.ui.trace.TraceViewModel;

/**
 * The dashboard's session: its {@link Phase} and the commands that move it (connect, start, stop, watch, reset),
 * the status line, the verdict and the server. What is on screen of the sale is the {@link LiveSaleModel}'s, files
 * out are the {@link ExportsModel}'s; the view only binds to these. Every job goes through {@link BackgroundTasks}
 * to the {@link LabService}, and its outcome and the poller's snapshots come back through the one {@link Handoff},
 * so every property here changes on the thread that drains it (the FX thread in the window, the test's thread in
 * tests).
 */
public final class DashboardViewModel implements AutoCloseable {
    /** What a start job hands back: the running sale and the stream that shows it. */
    private record Started(SaleRun run, PollStream poll) {
    }

    /** A run's result and when it came. */
    private record Ended(SimulationResult result, long atMs) {
    }

    /** What a comparison's start job hands back: the lanes running, and a stream per lane showing its keys. */
    private record Compared(ComparisonRun run, List<PollStream> polls) {
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

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.DISCONNECTED);
    /** What last happened, for the status bar. */
    private final ReadOnlyObjectWrapper<LocalText> news = new ReadOnlyObjectWrapper<>(this, "news",
            LocalText.of("status.ready"));
    private final ObjectBinding<LocalText> message;
    private final ReadOnlyStringWrapper redisTarget = new ReadOnlyStringWrapper(this, "redisTarget", "");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper(this, "serverVersion", "");
    private final ReadOnlyBooleanWrapper embedded = new ReadOnlyBooleanWrapper(this, "embedded");

    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canChangeSale;

    // all below: the draining thread's alone
    /** The last server reached, or null. */
    private ServerInfo server;
    private SaleKeys viewedKeys = new SaleKeys("");
    /** The local run, from when its job started it until it ends. */
    private SaleRun run;
    /** The stream of the sale on screen. */
    private PollStream poll;
    /** Snapshots of this stream and older ones belong to views gone (streams number up). */
    private long retiredSources;
    /** The comparison running, from when its job started it until every lane has ended. */
    private ComparisonRun comparison;
    /** A stream per lane of the comparison on screen. */
    private List<PollStream> comparePolls = List.of();
    /** Which comparison the lanes' snapshots belong to: a later one ignores an earlier one's. */
    private long compareGeneration;
    /** How the last comparison came out, for ui --exit; null when the last sale was a single one. */
    private Verdict compareVerdict;

    public DashboardViewModel(LabService service, Executor worker, Handoff handoff) {
        this.service = service;
        this.handoff = handoff;
        this.tasks = new BackgroundTasks(worker, handoff);
        this.exports = new ExportsModel(service, tasks, news::set, () -> viewedKeys,
                verdict.resultProperty()::get, () -> server != null);
        this.watchedAudit = new WatchedAudit(service, tasks, verdict, live::settle);
        code.follow(form);
        // a run's traces become the timeline; a new sale (no result yet) takes the old one away
        verdict.resultProperty().addListener((obs, was, result) -> trace.show(result));
        // the timeline's step lights up its lines in the code panel
        trace.currentStepProperty().addListener((obs, was, step) -> code.highlightStepProperty().set(
                CodeStep.of(step == null ? null : step.kind())));
        canStart = Bindings.createBooleanBinding(() -> form.isAllValid() && phase.get().isQuiet(),
                form.allValidProperty(), phase);
        canStop = Bindings.createBooleanBinding(() -> phase.get().canStop(), phase);
        canChangeSale = Bindings.createBooleanBinding(() -> phase.get().isQuiet(), phase);
        message = Bindings.createObjectBinding(() -> {
            FormViewModel.Invalid wrong = form.firstInvalid();
            return wrong != null && phase.get().isQuiet() ? LocalText.of("status.invalid", wrong.name(),
                    wrong.problem()) : news.get();
        }, form.firstInvalidProperty(), phase, news);
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

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase getPhase() {
        return phase.get();
    }

    /**
     * The status bar's message: while nothing runs and a field of the form is wrong, which and why (Start cannot
     * start until it is fixed); else what last happened.
     */
    public ObjectBinding<LocalText> messageProperty() {
        return message;
    }

    /** The Redis URL with its password masked, once connected. */
    public ReadOnlyStringProperty redisTargetProperty() {
        return redisTarget.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty embeddedProperty() {
        return embedded.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /**
     * Reset, watch and connect: only while nothing runs. Start can be asked for then too: with a field of the form
     * wrong, it shows that field instead of starting.
     */
    public BooleanBinding canChangeSaleProperty() {
        return canChangeSale;
    }

    // ---- commands ----

    public void connect() {
        if (!phase.get().canGoTo(Phase.BUSY)) {
            return;
        }
        if (form.urlErrorProperty().get() != null) {
            showInvalid();
            return;
        }
        ServerChoice choice = form.server();
        verdict.troubled(null); // the sale on screen keeps its verdict; a failed connect is forgotten
        go(Phase.BUSY);
        news.set(LocalText.of("status.connecting"));
        tasks.run(() -> connect(choice), info -> go(Phase.IDLE), this::failed);
    }

    /** Opens a sale with the form's settings (or joins the open one) and plays its users here. */
    public void start() {
        if (!canStart.get()) {
            if (phase.get().isQuiet() && showInvalid()) {
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
        beginView(config.keys(), true);
        go(Phase.RUNNING);
        news.set(LocalText.of(server == null ? "status.connecting" : "status.starting"));
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

    /**
     * Races the form's ticked strategies side by side, each on its own keys under the prefix plus its name: the same
     * users on every one, at once or one after another; a stream per lane shows each.
     */
    private void startComparison() {
        SimulationConfig base = form.toConfig();
        ServerChoice choice = form.server();
        List<seckill.sale.StrategyKind> lineup = form.compare().lineup();
        seckill.sim.Comparison.Mode mode = form.compare().mode();
        beginView(base.keys(), true);
        compare.begin(lineup, mode);
        long generation = ++compareGeneration;
        go(Phase.RUNNING);
        news.set(LocalText.of(server == null ? "status.connecting" : "status.starting"));
        tasks.run(() -> {
            connect(choice);
            ComparisonRun started = service.startComparison(base, lineup, mode);
            List<PollStream> polls = new ArrayList<>();
            try {
                for (int i = 0; i < started.lanes().size(); i++) {
                    int lane = i;
                    ComparisonRun.Lane l = started.lanes().get(i);
                    PollStream stream = service.watch(l.keys(), base.buckets(), snapshot -> handoff.post(() -> {
                        if (generation == compareGeneration) {
                            compare.apply(lane, snapshot);
                        }
                    }));
                    stream.follow(l.run().metrics());
                    polls.add(stream);
                }
            } catch (RuntimeException | Error e) {
                started.stop();
                polls.forEach(PollStream::close);
                throw e;
            }
            return new Compared(started, polls);
        }, started -> comparing(started, base, generation), this::failed);
    }

    private void comparing(Compared started, SimulationConfig base, long generation) {
        comparison = started.run();
        comparePolls = started.polls();
        if (phase.get() == Phase.STOPPING) {
            comparison.stop();
        } else {
            news.set(LocalText.of("status.comparing", base.users(), comparison.lanes().size()));
        }
        for (int i = 0; i < comparison.lanes().size(); i++) {
            int lane = i;
            PollStream stream = comparePolls.get(i);
            tasks.follow(comparison.lanes().get(i).run().result(), r -> {
                stream.follow(null);
                if (generation == compareGeneration) {
                    compare.laneEnded(lane, r);
                }
            }, e -> { }); // the comparison's own result says what failed
        }
        tasks.follow(comparison.result(), r -> compared(r, generation), this::failed);
    }

    private void compared(ComparisonResult r, long generation) {
        comparison = null;
        if (generation != compareGeneration) {
            return;
        }
        compare.ended(r);
        compareVerdict = r.verdict();
        go(Phase.FINISHED);
        news.set(LocalText.of(compareVerdict == Verdict.OK ? "status.compared" : "status.comparedBadly"));
        live.settle(); // ui --compare --screenshot --exit: the columns are final now
    }

    /** Follows the sale under the form's prefix without running anything here: another client drives it. */
    public void watch() {
        if (!phase.get().canGoTo(Phase.BUSY)) {
            return;
        }
        form.maskTypedUrl();
        ServerChoice choice = form.server();
        SaleKeys keys = new SaleKeys(form.prefix());
        beginView(keys, false);
        go(Phase.BUSY);
        news.set(LocalText.of("status.connecting"));
        tasks.run(() -> {
            connect(choice);
            List<Problem> wrong = service.wrongTypes(keys);
            if (!wrong.isEmpty()) {
                throw LabException.refused(Problem.of(Problem.Kind.READ_WRONG_TYPES, wrong));
            }
            return service.watch(keys, handoff::offer);
        }, stream -> {
            poll = stream;
            go(Phase.WATCHING);
            news.set(LocalText.of("status.watching", keys.prefix()));
        }, this::failed);
    }

    public void stop() {
        if (phase.get() == Phase.RUNNING) {
            if (run != null) {
                run.stop(); // else the run's job is still starting it: stopped as soon as it is handed over
            }
            if (comparison != null) {
                comparison.stop();
            }
            go(Phase.STOPPING);
            news.set(LocalText.of("status.stopping"));
        } else if (phase.get() == Phase.WATCHING) {
            closePoll();
            go(Phase.IDLE);
            news.set(LocalText.of("status.watchStopped"));
        }
    }

    /** Deletes the sale's keys (exactly those) and clears the screen. */
    public void reset() {
        if (!phase.get().canGoTo(Phase.BUSY)) {
            return;
        }
        ServerChoice choice = form.server();
        SaleKeys keys = new SaleKeys(form.prefix());
        beginView(keys, true);
        go(Phase.BUSY);
        tasks.run(() -> {
            connect(choice);
            return service.reset(keys);
        }, deleted -> {
            go(Phase.IDLE);
            news.set(LocalText.of("status.reset", deleted, keys.prefix()));
        }, this::failed);
    }

    /** How the session came out, for {@code ui --exit}: as {@code run} says it for its sale. */
    public Verdict sessionVerdict() {
        return compareVerdict != null ? compareVerdict : verdict.verdict();
    }

    /** Stops what runs and lets go of Redis (and of the embedded server); for the window's closing. */
    @Override
    public void close() {
        if (run != null) {
            run.stop();
        }
        if (comparison != null) {
            comparison.stop();
        }
        closePoll();
        service.close();
    }

    // ---- what comes back from the workers ----

    /** One poll, on the draining thread. */
    public void apply(PollSnapshot s) {
        if (s.source() <= retiredSources) {
            return; // a stream already replaced: its sale is no longer the one on screen
        }
        if (live.apply(s)) {
            news.set(LocalText.of("status.back"));
            auditAgainIfNotAudited();
        }
        if (s.isLost() || phase.get() != Phase.WATCHING) {
            return;
        }
        if (!s.state().exists()) {
            news.set(LocalText.of("status.waiting", viewedKeys.prefix()));
        } else if (news.get() != null && "status.waiting".equals(news.get().key())) {
            news.set(LocalText.of("status.watching", viewedKeys.prefix()));
        }
        watchedAudit.consider(viewedKeys, s.state());
    }

    /** Redis is back after a run that could not be audited when it ended: the audit is done now. */
    private void auditAgainIfNotAudited() {
        SimulationResult r = verdict.resultProperty().get();
        if (phase.get() != Phase.FINISHED || r == null || r.audit() != null) {
            return;
        }
        SaleKeys keys = viewedKeys;
        tasks.run(() -> service.audit(keys), a -> {
            if (verdict.resultProperty().get() == r) {
                verdict.auditedLater(a);
            }
        }, e -> { }); // away again: the banner says so, and its return asks again
    }

    private void running(Started started, SimulationConfig config) {
        run = started.run();
        poll = started.poll();
        commands.follow(run.commands());
        if (phase.get() == Phase.STOPPING) {
            run.stop();
        } else {
            news.set(LocalText.of("status.running", config.users(), config.strategy().cliName()));
        }
        tasks.follow(run.result().thenApply(r -> new Ended(r, System.currentTimeMillis())), this::finished,
                this::failed);
    }

    private void finished(Ended e) {
        SimulationResult r = e.result();
        run = null;
        if (poll != null) {
            poll.follow(null); // the run's counters are final; the stream goes on showing Redis alone
        }
        verdict.runEnded(r);
        go(Phase.FINISHED);
        news.set(r.error() == null ? LocalText.of("status.finished", r.endedBy().reportName())
                : LocalText.of("status.error", r.error()));
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
        if (comparison != null) {
            comparison.stop();
            comparison = null;
        }
        closePoll();
        boolean redisAway = false;
        if (e instanceof LabException lab && lab.reason() == LabException.Reason.REFUSED) {
            verdict.troubled(VerdictModel.Trouble.REFUSED);
            news.set(LocalText.of("status.refused", lab.problem()));
        } else if (e instanceof LabException lab) {
            redisAway = true;
            forgetServer(); // "not connected" beside an earlier server's address would tell a wrong story
            verdict.troubled(VerdictModel.Trouble.REDIS);
            news.set(LocalText.of("status.connectFailed", lab.problem()));
        } else {
            verdict.troubled(VerdictModel.Trouble.INTERNAL);
            news.set(LocalText.of("status.failed", BackgroundTasks.describe(e)));
        }
        if (!phase.get().isQuiet()) {
            go(redisAway || server == null ? Phase.DISCONNECTED : Phase.IDLE);
        }
        live.settle();
    }

    private void forgetServer() {
        server = null;
        redisTarget.set("");
        serverVersion.set("");
        embedded.set(false);
    }

    private void connected(ServerInfo info) {
        server = info;
        redisTarget.set(info.maskedUrl());
        serverVersion.set(info.version());
        embedded.set(info.embedded());
        if (phase.get() == Phase.STOPPING) {
            return; // "Stopping…" says more
        }
        news.set(LocalText.of(info.embedded() ? "status.embedded" : "status.connected", info.maskedUrl()));
    }

    // ---- helpers ----

    /**
     * Brings the form's topmost wrong field into sight, unfolding the form if it was folded away; the status bar
     * already names it. False when every field is fine.
     */
    private boolean showInvalid() {
        FormViewModel.Invalid first = form.firstInvalid();
        if (first == null) {
            return false;
        }
        presentation.formFoldedProperty().set(false);
        form.reveal(first);
        return true;
    }

    private void go(Phase next) {
        if (!phase.get().canGoTo(next)) {
            throw new IllegalStateException("the dashboard cannot go from " + phase.get() + " to " + next);
        }
        phase.set(next);
    }

    /** Worker: the form's server, connected if need be; the status bar learns it at once. */
    private ServerInfo connect(ServerChoice choice) {
        ServerInfo info = service.connect(choice.url(), choice.embedded(), choice.timeout());
        handoff.post(() -> connected(info));
        return info;
    }

    /**
     * Starts showing a sale from scratch: empty table and charts, no verdict.
     *
     * @param local a run here, not another client's sale being watched
     */
    private void beginView(SaleKeys keys, boolean local) {
        closePoll();
        viewedKeys = keys;
        compare.leave();
        compareVerdict = null;
        live.begin(local);
        verdict.clear();
        watchedAudit.clear();
    }

    private void closePoll() {
        if (poll != null) {
            retiredSources = Math.max(retiredSources, poll.source());
            poll.close();
            poll = null;
        }
        comparePolls.forEach(PollStream::close);
        comparePolls = List.of();
    }
}
