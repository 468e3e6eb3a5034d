package seckill.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import redis.clients.jedis.Jedis;
import seckill.metrics.MetricsSnapshot;
import seckill.redis.RedisConnection;
import seckill.redis.RedisConnector;
import seckill.redis.RedisErrors;
import seckill.redis.RedisUnavailableException;
import seckill.report.RunReport;
import seckill.report.WinnersCsv;
import seckill.sale.AuditResult;
import seckill.sale.Sale;
import seckill.sale.SaleAudit;
import seckill.sale.SaleKeyException;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.BackgroundThreads;
import seckill.sim.ConfigField;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/**
 * The dashboard's state and commands. It owns the form, the tiles' figures, the charts' history, the winners and
 * the status line; the view only binds. Slow work (connecting, running, deleting keys, exports) goes to the worker
 * executor; its outcomes and the poller's snapshots come back through the one {@link Handoff}, so every property
 * here changes on the thread that drains it (the FX thread in the window, the test's thread in tests).
 */
public final class DashboardViewModel implements AutoCloseable {
    /** Points per chart before the past is thinned: enough for a smooth line, bounded in a long run. */
    static final int CHART_POINTS = 1_200;

    private final RedisConnector connector;
    private final Executor worker;
    private final Handoff handoff;
    private final FormViewModel form = new FormViewModel();
    private final WinnersViewModel winners = new WinnersViewModel();
    private final ChartHistory stockHistory = new ChartHistory(2, CHART_POINTS);
    private final ChartHistory rateHistory = new ChartHistory(3, CHART_POINTS);

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures", Figures.NONE);
    private final ReadOnlyObjectWrapper<LocalText> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final ReadOnlyObjectWrapper<LocalText> message = new ReadOnlyObjectWrapper<>(this, "message",
            LocalText.of("status.ready"));
    private final ReadOnlyObjectWrapper<LocalText> ended = new ReadOnlyObjectWrapper<>(this, "ended");
    private final ReadOnlyObjectWrapper<LocalText> audit = new ReadOnlyObjectWrapper<>(this, "audit");
    private final ReadOnlyObjectWrapper<Boolean> auditOk = new ReadOnlyObjectWrapper<>(this, "auditOk");
    private final ReadOnlyStringWrapper redisTarget = new ReadOnlyStringWrapper(this, "redisTarget", "");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper(this, "serverVersion", "");
    private final ReadOnlyBooleanWrapper embedded = new ReadOnlyBooleanWrapper(this, "embedded");
    private final ReadOnlyLongWrapper chartsVersion = new ReadOnlyLongWrapper(this, "chartsVersion");
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(this, "settled");
    private final ReadOnlyObjectWrapper<SimulationResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canChangeSale;

    /** Touched by the worker (connecting) and read by commands; never by the drawing code. */
    private final Object connectionLock = new Object();
    private volatile RedisConnection connection;
    private String connectedUrl;
    private final AtomicReference<SalePoller> poller = new AtomicReference<>();
    private volatile long currentSource = -1;

    /** Set by the worker as soon as it exists, so Stop works from the first instant of a run. */
    private volatile Simulation simulation;
    private volatile boolean stopAsked;
    private SaleKeys viewedKeys = new SaleKeys("");
    private StrategyKind runStrategy;
    private long finishedAtMs = Long.MAX_VALUE;
    private boolean connectFailed;
    private long viewStartMs;
    private long lastSold = -1;
    private long lastReadMs;
    private String auditedFigures;
    private boolean auditing;

    public DashboardViewModel(RedisConnector connector, Executor worker, Handoff handoff) {
        this.connector = connector;
        this.worker = worker;
        this.handoff = handoff;
        canStart = Bindings.createBooleanBinding(() -> form.isAllValid() && isQuiet(), form.allValidProperty(),
                phase);
        canStop = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING || phase.get() == Phase.WATCHING,
                phase);
        canChangeSale = Bindings.createBooleanBinding(this::isQuiet, phase);
    }

    private boolean isQuiet() {
        Phase p = phase.get();
        return p == Phase.DISCONNECTED || p == Phase.IDLE || p == Phase.FINISHED;
    }

    // ---- what the view binds to ----

    public FormViewModel form() {
        return form;
    }

    public WinnersViewModel winners() {
        return winners;
    }

    public ChartHistory stockHistory() {
        return stockHistory;
    }

    public ChartHistory rateHistory() {
        return rateHistory;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Shown across the window while Redis is lost; null when all is well. */
    public ReadOnlyObjectProperty<LocalText> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalText> endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalText> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    /** Null before any audit, then whether it held. */
    public ReadOnlyObjectProperty<Boolean> auditOkProperty() {
        return auditOk.getReadOnlyProperty();
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

    /** Changes after new points were added to the chart histories. */
    public ReadOnlyLongProperty chartsVersionProperty() {
        return chartsVersion.getReadOnlyProperty();
    }

    /** The local run has ended and a poll read after its end is on screen, winners and all. */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    /** The last local run's result, for the report. */
    public ReadOnlyObjectProperty<SimulationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** Reset, watch and connect: only while nothing runs. */
    public BooleanBinding canChangeSaleProperty() {
        return canChangeSale;
    }

    public Phase getPhase() {
        return phase.get();
    }

    /** The keys of the sale on screen. */
    public SaleKeys viewedKeys() {
        return viewedKeys;
    }

    // ---- commands ----

    public void connect() {
        if (!isQuiet()) {
            return;
        }
        if (form.urlErrorProperty().get() != null) {
            message.set(form.urlErrorProperty().get());
            return;
        }
        String url = form.effectiveUrl();
        phase.set(Phase.BUSY);
        message.set(LocalText.of("status.connecting"));
        worker.execute(() -> {
            try {
                ensureConnected(url);
                handoff.post(() -> phase.set(Phase.IDLE));
            } catch (RuntimeException e) {
                handoff.post(() -> connectFailed(e));
            }
        });
    }

    /** Opens a sale with the form's settings (or joins the open one) and plays its users here. */
    public void start() {
        if (!canStart.get()) {
            if (form.firstError() != null) {
                message.set(form.firstError());
            }
            return;
        }
        form.maskTypedUrl();
        SimulationConfig config = form.toConfig();
        String url = form.effectiveUrl();
        beginView(config.keys());
        runStrategy = config.strategy();
        phase.set(Phase.RUNNING);
        message.set(LocalText.of(connection == null ? "status.connecting" : "status.starting"));
        worker.execute(() -> runSale(url, config));
    }

    private void runSale(String url, SimulationConfig config) {
        RedisConnection c;
        try {
            c = ensureConnected(url);
        } catch (RuntimeException e) {
            handoff.post(() -> connectFailed(e));
            return;
        }
        Simulation sim = new Simulation(config, c, new BackgroundThreads());
        simulation = sim;
        if (stopAsked) {
            sim.stop();
        }
        SalePoller p;
        try {
            if (!config.join()) {
                // the sale is opened anew below; emptying it first spares the screen a glimpse of the old one
                try (Jedis jedis = c.borrow()) {
                    new Sale(config.keys()).reset(jedis);
                }
            }
            p = replacePoller(c, config.keys());
            p.follow(sim.metrics());
            handoff.post(() -> message.set(LocalText.of("status.running", config.users(),
                    config.strategy().cliName())));
            SimulationResult r = sim.run();
            long finishedAt = System.currentTimeMillis();
            handoff.post(() -> finished(r, finishedAt));
        } catch (SaleKeyException e) {
            handoff.post(() -> refused(e.problem()));
        } catch (RuntimeException e) {
            Problem why = e instanceof RedisUnavailableException u ? u.problem() : RedisErrors.describe(c.target(), e);
            handoff.post(() -> {
                connectFailed = true;
                refused(why);
            });
        }
    }

    /** Follows the sale under the form's prefix without running anything here: another client drives it. */
    public void watch() {
        if (!isQuiet()) {
            return;
        }
        form.maskTypedUrl();
        String url = form.effectiveUrl();
        SaleKeys keys = new SaleKeys(form.prefix());
        beginView(keys);
        runStrategy = null;
        phase.set(Phase.BUSY);
        message.set(LocalText.of("status.connecting"));
        worker.execute(() -> {
            try {
                RedisConnection c = ensureConnected(url);
                List<Problem> wrong;
                try (Jedis jedis = c.borrow()) {
                    wrong = new Sale(keys).wrongTypes(jedis);
                }
                if (!wrong.isEmpty()) {
                    handoff.post(() -> refused(Problem.of(Problem.Kind.READ_WRONG_TYPES, wrong)));
                    return;
                }
                replacePoller(c, keys);
                handoff.post(() -> {
                    phase.set(Phase.WATCHING);
                    message.set(LocalText.of("status.watching", keys.prefix()));
                });
            } catch (RuntimeException e) {
                handoff.post(() -> connectFailed(e));
            }
        });
    }

    public void stop() {
        if (phase.get() == Phase.RUNNING) {
            stopAsked = true;
            Simulation sim = simulation;
            if (sim != null) {
                sim.stop();
            }
            phase.set(Phase.STOPPING);
            message.set(LocalText.of("status.stopping"));
        } else if (phase.get() == Phase.WATCHING) {
            closePoller();
            phase.set(Phase.IDLE);
            message.set(LocalText.of("status.watchStopped"));
        }
    }

    /** Deletes the sale's keys (exactly those) and clears the screen. */
    public void reset() {
        if (!isQuiet()) {
            return;
        }
        String url = form.effectiveUrl();
        SaleKeys keys = new SaleKeys(form.prefix());
        beginView(keys);
        phase.set(Phase.BUSY);
        worker.execute(() -> {
            try {
                RedisConnection c = ensureConnected(url);
                long deleted;
                try (Jedis jedis = c.borrow()) {
                    deleted = new Sale(keys).reset(jedis);
                }
                handoff.post(() -> {
                    phase.set(Phase.IDLE);
                    message.set(LocalText.of("status.reset", deleted, keys.prefix()));
                });
            } catch (RuntimeException e) {
                handoff.post(() -> connectFailed(e));
            }
        });
    }

    /** Writes the winners as CSV (streamed from Redis, written whole or not at all). */
    public CompletableFuture<Long> exportWinners(Path file) {
        SaleKeys keys = viewedKeys;
        return onWorker(() -> {
            RedisConnection c = requireConnection();
            try (Jedis jedis = c.borrow()) {
                return WinnersCsv.export(jedis, keys, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, file);
    }

    /** Writes the last local run's JSON report. */
    public CompletableFuture<Path> exportReport(Path file) {
        SimulationResult r = result.get();
        if (r == null) {
            message.set(LocalText.of("export.noRun"));
            return CompletableFuture.failedFuture(new IllegalStateException("no run has ended yet"));
        }
        return onWorker(() -> {
            try {
                RunReport.of(r, RunReport.RedisInfo.of(requireConnection())).write(file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, file);
    }

    /** Runs an export on the worker and says in the status line how it went. */
    <T> CompletableFuture<T> onWorker(Supplier<T> job, Path file) {
        CompletableFuture<T> done = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                T value = job.get();
                handoff.post(() -> {
                    message.set(LocalText.of("export.done", file.toAbsolutePath().toString()));
                    done.complete(value);
                });
            } catch (RuntimeException e) {
                handoff.post(() -> {
                    exportFailed(file, e);
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Says in the status line that an export failed, in one line. */
    public void exportFailed(Path file, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        message.set(LocalText.of("export.failed", file.getFileName().toString(),
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    }

    public void exportDone(Path file) {
        message.set(LocalText.of("export.done", file.toAbsolutePath().toString()));
    }

    /** 0 the audit holds, 3 it found a violation, 4 Redis was unreachable or lost: as {@code run}. */
    public int exitCode() {
        SimulationResult r = result.get();
        if (connectFailed || (r != null && r.endedBy() == EndReason.ERROR)) {
            return 4;
        }
        if (r == null) {
            return Boolean.FALSE.equals(auditOk.get()) ? 3 : 0;
        }
        return r.auditHolds() ? 0 : 3;
    }

    /** Stops what runs and lets go of Redis (and of the embedded server); for the window's closing. */
    @Override
    public void close() {
        Simulation sim = simulation;
        if (sim != null) {
            sim.stop();
        }
        closePoller();
        synchronized (connectionLock) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    // ---- what comes back from the workers ----

    /** One poll, on the draining thread. */
    public void apply(PollSnapshot s) {
        if (s.source() != currentSource) {
            return; // a poller already replaced: its sale is no longer the one on screen
        }
        if (s.isLost()) {
            // keep everything on screen; the poller keeps trying and the banner goes when Redis is back
            banner.set(LocalText.of("banner.lost", s.error()));
            return;
        }
        if (banner.get() != null) {
            banner.set(null);
            message.set(LocalText.of("status.back"));
        }
        if (s.restarted()) {
            clearHistory();
        }
        SaleState state = s.state();
        winners.append(state.fromIndex(), state.newWinners(), state.newTimes(), state.openedMs());
        figures.set(figuresOf(state, s.metrics()));
        if (state.exists()) {
            addChartPoints(state, s.metrics());
        } else if (phase.get() == Phase.WATCHING) {
            message.set(LocalText.of("status.waiting", viewedKeys.prefix()));
        }
        if (phase.get() == Phase.FINISHED && state.readAtMs() >= finishedAtMs && winners.size() >= state.winners()) {
            settled.set(true);
        }
        if (phase.get() == Phase.WATCHING) {
            auditWhenSettled(state);
        }
    }

    private Figures figuresOf(SaleState state, MetricsSnapshot m) {
        if (!state.exists()) {
            return Figures.NONE;
        }
        long conflicts = -1;
        double attemptsPerS = Double.NaN;
        double p99 = Double.NaN;
        SimulationResult r = result.get();
        if (r != null && phase.get() == Phase.FINISHED) {
            // the run is over: its averages say more than a last interval with nothing in it
            conflicts = r.metrics().conflicts();
            attemptsPerS = r.attemptsPerSecond();
            p99 = r.metrics().overall().count() > 0 ? r.metrics().overall().p99() : Double.NaN;
        } else if (m != null) {
            conflicts = m.conflicts();
            attemptsPerS = m.attemptsPerS();
            p99 = m.interval().count() > 0 ? m.interval().p99() : m.overall().p99();
        }
        return new Figures(true, state.total(), state.sold(), state.stockLeft(), state.winners(), state.oversold(),
                state.ttlMillis(), conflicts, attemptsPerS, p99);
    }

    private void addChartPoints(SaleState state, MetricsSnapshot m) {
        if (m == null && !phase.get().isActive() && state.sold() == lastSold && stockHistory.size() > 0) {
            return; // nothing moves after the run: the charts keep the sale's own time span
        }
        long origin = state.openedMs() >= 0 ? state.openedMs() : viewStartMs;
        double t = Math.max(0, (state.readAtMs() - origin) / 1000.0);
        double winsPerS;
        if (m != null) {
            winsPerS = m.winsPerS();
        } else if (lastSold >= 0 && state.readAtMs() > lastReadMs) {
            // watching another client: its sales per second are all Redis tells
            winsPerS = Math.max(0, state.sold() - lastSold) * 1000.0 / (state.readAtMs() - lastReadMs);
        } else {
            winsPerS = 0;
        }
        lastSold = state.sold();
        lastReadMs = state.readAtMs();
        stockHistory.add(t, state.stockLeft(), state.sold());
        rateHistory.add(t, m == null ? Double.NaN : m.attemptsPerS(), winsPerS,
                m == null ? Double.NaN : m.conflictsPerS());
        chartsVersion.set(chartsVersion.get() + 1);
    }

    /** A watched sale that is over (closed, or sold out and quiet) is audited once per distinct outcome. */
    private void auditWhenSettled(SaleState state) {
        boolean over = state.exists() && (!state.isOpen() || state.stockLeft() == 0);
        String key = state.openedMs() + ":" + state.sold() + ":" + state.winners();
        if (!over || auditing || key.equals(auditedFigures)) {
            return;
        }
        auditing = true;
        auditedFigures = key;
        SaleKeys keys = viewedKeys;
        worker.execute(() -> {
            try {
                RedisConnection c = requireConnection();
                AuditResult a;
                try (Jedis jedis = c.borrow()) {
                    a = new SaleAudit(keys).audit(jedis);
                }
                handoff.post(() -> {
                    auditing = false;
                    showAudit(a.ok(), a.violations(), null);
                });
            } catch (RuntimeException e) {
                handoff.post(() -> auditing = false); // the banner already says Redis is away
            }
        });
    }

    void finished(SimulationResult r, long finishedAt) {
        simulation = null;
        SalePoller p = poller.get();
        if (p != null) {
            p.follow(null); // the run's counters are final; the poller goes on showing Redis alone
        }
        result.set(r);
        finishedAtMs = finishedAt;
        phase.set(Phase.FINISHED);
        ended.set(LocalText.of("ended." + r.endedBy().reportName()));
        if (r.audit() != null) {
            showAudit(r.audit().ok(), r.audit().violations(), r.config().strategy());
        } else {
            auditOk.set(false);
            audit.set(LocalText.of("audit.notAudited", r.error() == null ? "" : r.error()));
        }
        message.set(r.error() == null ? LocalText.of("status.finished", r.endedBy().reportName())
                : LocalText.of("status.error", r.error()));
        if (r.endedBy() == EndReason.ERROR) {
            settled.set(true); // no poll will come back to settle on
        }
    }

    private void showAudit(boolean ok, List<Problem> violations, StrategyKind strategy) {
        auditOk.set(ok);
        if (ok) {
            audit.set(LocalText.of("audit.ok"));
        } else if (strategy == StrategyKind.NAIVE) {
            audit.set(LocalText.of("audit.naive", violations));
        } else {
            audit.set(LocalText.of("audit.failed", violations));
        }
    }

    private void refused(Problem why) {
        closePoller();
        simulation = null;
        phase.set(connection == null ? Phase.DISCONNECTED : Phase.IDLE);
        message.set(LocalText.of("status.refused", why));
        settled.set(true);
    }

    private void connectFailed(RuntimeException e) {
        connectFailed = true;
        closePoller();
        simulation = null;
        phase.set(Phase.DISCONNECTED);
        Object why = e instanceof RedisUnavailableException u ? u.problem() : e instanceof IllegalArgumentException
                ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        message.set(LocalText.of("status.connectFailed", why));
        settled.set(true);
    }

    private void connected(RedisConnection c) {
        connectFailed = false;
        redisTarget.set(c.target().masked());
        serverVersion.set(c.serverVersion());
        embedded.set(c.isEmbedded());
        message.set(c.isEmbedded() ? LocalText.of("status.embedded", c.target().masked())
                : LocalText.of("status.connected", c.target().masked()));
    }

    // ---- helpers ----

    /** Starts showing a sale from scratch: empty table and charts, no verdict. */
    private void beginView(SaleKeys keys) {
        closePoller();
        stopAsked = false;
        viewedKeys = keys;
        clearHistory();
        figures.set(Figures.NONE);
        banner.set(null);
        ended.set(null);
        audit.set(null);
        auditOk.set(null);
        settled.set(false);
        result.set(null);
        finishedAtMs = Long.MAX_VALUE;
        auditedFigures = null;
        viewStartMs = System.currentTimeMillis();
    }

    private void clearHistory() {
        winners.clear();
        stockHistory.clear();
        rateHistory.clear();
        lastSold = -1;
        chartsVersion.set(chartsVersion.get() + 1);
    }

    private SalePoller replacePoller(RedisConnection c, SaleKeys keys) {
        SalePoller p = new SalePoller(c, keys, handoff::offer);
        currentSource = p.source();
        SalePoller old = poller.getAndSet(p);
        if (old != null) {
            old.close();
        }
        return p.start();
    }

    private void closePoller() {
        currentSource = -1;
        SalePoller old = poller.getAndSet(null);
        if (old != null) {
            old.close();
        }
    }

    /** Worker thread: the connection for this URL, opened if needed (the pool is lazy, so size it for any run). */
    private RedisConnection ensureConnected(String url) {
        synchronized (connectionLock) {
            if (connection != null && Objects.equals(url, connectedUrl)) {
                return connection;
            }
            if (connection != null) {
                connection.close();
                connection = null;
            }
            int connections = (int) ConfigField.POOL.max() + RedisConnection.READERS;
            RedisConnection c = connector.connect(url, form.embedded(), connections,
                    Duration.ofSeconds(form.redisTimeoutS()), notice -> { });
            connection = c;
            connectedUrl = url;
            handoff.post(() -> connected(c));
            return c;
        }
    }

    private RedisConnection requireConnection() {
        synchronized (connectionLock) {
            if (connection == null) {
                throw new IllegalStateException("not connected to Redis");
            }
            return connection;
        }
    }
}
