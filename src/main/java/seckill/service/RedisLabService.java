package seckill.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import seckill.metrics.SaleMetrics;
import seckill.redis.KeyedCalls;
import seckill.redis.RedisConnection;
import seckill.redis.RedisConnector;
import seckill.redis.RedisUnavailableException;
import seckill.redis.RedisUrlException;
import seckill.report.ComparisonReport;
import seckill.report.RunReport;
import seckill.report.WinnersCsv;
import seckill.sale.AuditResult;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.SaleMeta;
import seckill.sale.StrategyKind;
import seckill.sim.CommandFeed;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.students.ClassRoom;
import seckill.students.StudentsAddress;
import seckill.util.Problem;

/**
 * The lab on a real Redis: one connection pool at a time (sized for any run the form allows), the engine's
 * {@link Simulation}, the sale's keys, its audit and its exports. Thread-safe: the dashboard calls it from several
 * workers at once.
 */
public final class RedisLabService implements LabService {
    /** The pool serves the readers (poller, audit, one-off reads); buyers open connections of their own. */
    private static final int CONNECTIONS = RedisConnection.READERS;
    /** How long {@link #close()} waits for stopped runs to close their sales (a stop ends a run within seconds). */
    private static final Duration CLOSING = Duration.ofSeconds(10);

    private final RedisConnector connector;
    private final Supplier<ThreadFactory> buyerThreads;
    private final Set<Running> runs = ConcurrentHashMap.newKeySet();
    private final Set<SalePoller> streams = ConcurrentHashMap.newKeySet();
    private final Set<ClusterPoller> clusterPollers = ConcurrentHashMap.newKeySet();
    private final Set<Comparison> comparisons = ConcurrentHashMap.newKeySet();
    private final Playing playing = new Playing(LabErrors::translated);
    /** The last local run's or comparison's recording: a new one lets the last one's go. */
    private final LastRecording lastRecording = new LastRecording();
    private RedisConnection connection;
    /** The class room open now, whose students buy in every sale started here. */
    private final ClassRooms classRooms = new ClassRooms();
    /** What {@link #connection} was opened for. */
    private Wanted connectedFor;

    private record Wanted(String url, boolean embedded) {
    }

    /** Buyers on the simulation's own threads, at normal priority: for tests and tools. */
    public RedisLabService(RedisConnector connector) {
        this(connector, null);
    }

    /**
     * @param buyerThreads makes each run's thread factory for its buyers (the window's give way to it), or null
     *                     for the simulation's own
     */
    public RedisLabService(RedisConnector connector, Supplier<ThreadFactory> buyerThreads) {
        this.connector = connector;
        this.buyerThreads = buyerThreads;
    }

    @Override
    public synchronized ServerInfo connect(String url, boolean embedded, Duration timeout) {
        Wanted wanted = new Wanted(url, embedded);
        if (connection == null || !wanted.equals(connectedFor)) {
            closeConnection();
            try {
                connection = connector.connect(url, embedded, CONNECTIONS, timeout, notice -> { });
            } catch (RedisUnavailableException e) {
                throw LabException.unreachable(e.problem(), e);
            } catch (IllegalArgumentException e) {
                // a URL that cannot be used, said in the window's language; it never carries the password
                Object why = e instanceof RedisUrlException bad ? bad.problem() : e.getMessage();
                throw LabException.unreachable(Problem.of(Problem.Kind.REDIS_FROM,
                        url == null ? "$REDIS_URL" : "URL", why), e);
            }
            connectedFor = wanted;
        }
        return new ServerInfo(connection.target().masked(), connection.serverVersion(), connection.isEmbedded());
    }

    @Override
    public SaleRun startSale(SimulationConfig asked, boolean commandsOn) {
        RedisConnection c = requireConnection();
        SimulationConfig config = classRooms.forSale(asked);
        refuseWhatCannotRun(config, c);
        Simulation simulation = buyerThreads == null ? new Simulation(config, c)
                : new Simulation(config, c, buyerThreads.get());
        classRooms.follow(simulation);
        if (!config.join()) {
            // the run opens the sale anew; emptying it first spares the screen a glimpse of the old one
            onRedis(c, new SaleBuckets(simulation.config().keys(), config.buckets())::reset);
        }
        simulation.feed().setOn(commandsOn);
        Running run = new Running(simulation);
        lastRecording.keep(simulation, run.done);
        runs.add(run);
        playing.start(run.done, simulation::run, () -> runs.remove(run));
        return run.view();
    }

    @Override
    public ComparisonRun startComparison(SimulationConfig base, List<StrategyKind> strategies, Comparison.Mode mode) {
        RedisConnection c = requireConnection();
        refuseWhatCannotRun(base, c);
        Comparison comparison = new Comparison(Simulation.forServer(base, c), strategies, mode, c, buyerThreads);
        if (!base.join()) {
            comparison.simulations().forEach(s -> onRedis(c, calls -> new SaleBuckets(s.config().keys(),
                    base.buckets()).reset(calls)));
        }
        List<ComparisonRun.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < comparison.simulations().size(); i++) {
            Simulation simulation = comparison.simulations().get(i);
            CompletionStage<SimulationResult> result = LabErrors.translated(comparison.results().get(i));
            lanes.add(new ComparisonRun.Lane(simulation.config().strategy(), simulation.config().keys(),
                    new SimulationRun(simulation, result)));
        }
        CompletableFuture<ComparisonResult> done = new CompletableFuture<>();
        lastRecording.keep(comparison, done);
        comparisons.add(comparison);
        playing.start(done, comparison::run, () -> comparisons.remove(comparison));
        List<ComparisonRun.Lane> shown = List.copyOf(lanes);
        return new ComparisonRun() {
            @Override
            public Comparison.Mode mode() {
                return comparison.mode();
            }

            @Override
            public List<Lane> lanes() {
                return shown;
            }

            @Override
            public void stop() {
                comparison.stop();
            }

            @Override
            public CompletionStage<ComparisonResult> result() {
                return done.minimalCompletionStage();
            }
        };
    }

    @Override
    public void exportComparison(ComparisonResult result, Path file) throws IOException {
        ComparisonReport.of(result, RunReport.RedisInfo.of(requireConnection())).write(file);
    }

    /** The loop engine speaks no TLS and to no cluster; a cluster's sale needs a hash tag: refused at once. */
    private static void refuseWhatCannotRun(SimulationConfig config, RedisConnection c) {
        Problem cannot = config.engine().problemWith(c);
        if (cannot == null && c.isCluster()) {
            cannot = SaleKeys.clusterProblem(config.prefix());
        }
        if (cannot != null) {
            throw LabException.refused(cannot);
        }
    }

    /** The sale's keys as this server holds them: on a cluster under its hash tag, the pool aimed at its master. */
    private static SaleKeys onServer(SaleKeys keys, RedisConnection c) {
        if (!c.isCluster()) {
            return keys;
        }
        Problem cannot = SaleKeys.clusterProblem(keys.prefix());
        if (cannot != null) {
            throw LabException.refused(cannot);
        }
        SaleKeys onCluster = new SaleKeys(SaleKeys.onCluster(keys.prefix()));
        c.aim(onCluster.total());
        return onCluster;
    }

    @Override
    public PollStream watch(SaleKeys keys, Consumer<PollSnapshot> sink) {
        return watch(keys, 0, sink);
    }

    @Override
    public PollStream watch(SaleKeys keys, int buckets, Consumer<PollSnapshot> sink) {
        RedisConnection c = requireConnection();
        SalePoller poller = new SalePoller(c, onServer(keys, c), buckets, sink, lastRecording::polled,
                streams::remove);
        streams.add(poller);
        return poller.start();
    }

    @Override
    public ClusterWatch watchCluster(Consumer<ClusterView> sink) {
        ClusterPoller poller = new ClusterPoller(this::currentConnection, sink);
        clusterPollers.add(poller);
        return poller.start();
    }

    private synchronized RedisConnection currentConnection() {
        return connection;
    }

    @Override
    public List<Problem> wrongTypes(SaleKeys keys) {
        RedisConnection c = requireConnection();
        SaleKeys onServer = onServer(keys, c); // on a cluster, before a connection is borrowed from its master
        return onRedis(c, calls -> recorded(calls, onServer).wrongTypes(calls));
    }

    @Override
    public long reset(SaleKeys keys) {
        RedisConnection c = requireConnection();
        SaleKeys onServer = onServer(keys, c);
        // every bucket the record counts or that names the sale, also when the record was changed by hand
        return onRedis(c, calls -> new SaleBuckets(onServer, 1).reset(calls));
    }

    @Override
    public AuditResult audit(SaleKeys keys) {
        RedisConnection c = requireConnection();
        SaleKeys onServer = onServer(keys, c);
        return onRedis(c, calls -> recorded(calls, onServer).audit(calls));
    }

    /**
     * The sale under those keys in the buckets it records ({@code {T}:kill_meta}, checked against the buckets); one
     * when it records none.
     */
    private static SaleBuckets recorded(KeyedCalls calls, SaleKeys keys) {
        return new SaleBuckets(keys, SaleMeta.checkedSplit(calls, keys));
    }

    @Override
    public long exportWinners(SaleKeys keys, Path file) throws IOException {
        try {
            RedisConnection c = requireConnection();
            SaleKeys onServer = onServer(keys, c);
            return onRedis(c, calls -> {
                try {
                    return WinnersCsv.export(calls, recorded(calls, onServer).keys(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void exportReport(SimulationResult result, Path file) throws IOException {
        RunReport.of(result, RunReport.RedisInfo.of(requireConnection())).write(file);
    }

    @Override
    public void exportRecording(SimulationResult result, Path file) throws IOException {
        lastRecording.write(result, file, requireConnection());
    }

    @Override
    public void exportComparisonRecording(ComparisonResult result, Path file) throws IOException {
        lastRecording.write(result, file, requireConnection());
    }

    @Override
    public ClassRoom openClassRoom(StudentsAddress bind) {
        return classRooms.open(bind);
    }

    @Override
    public ClassRoom classRoom() {
        return classRooms.current();
    }

    @Override
    public void close() {
        classRooms.close();
        runs.forEach(Running::stop);
        comparisons.forEach(Comparison::stop);
        // as run on a stop: the sale is closed for every client, read back and audited before Redis is let go
        playing.awaitEnd(CLOSING);
        List.copyOf(streams).forEach(SalePoller::close);
        clusterPollers.forEach(ClusterPoller::close);
        synchronized (this) {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
            connectedFor = null;
        }
    }

    private synchronized RedisConnection requireConnection() {
        if (connection == null) {
            throw new IllegalStateException("not connected to Redis");
        }
        return connection;
    }

    /**
     * One try, on a pooled connection (on a cluster, each key's part on its master); what Redis says goes out as a
     * {@link LabException}.
     */
    private static <T> T onRedis(RedisConnection c, Function<KeyedCalls, T> work) {
        try {
            return c.callKeyed(Duration.ZERO, work);
        } catch (RuntimeException e) {
            throw LabErrors.translated(e);
        }
    }

    /** A simulation on a thread of its own. */
    private final class Running {
        private final Simulation simulation;
        private final CompletableFuture<SimulationResult> done = new CompletableFuture<>();

        Running(Simulation simulation) {
            this.simulation = simulation;
        }

        void stop() {
            simulation.stop();
        }

        SaleRun view() {
            return new SimulationRun(simulation, done.minimalCompletionStage());
        }
    }

    /** A simulation as the dashboard sees it: its counters, a stop, and its result to come. */
    private record SimulationRun(Simulation simulation, CompletionStage<SimulationResult> result) implements SaleRun {
        @Override
        public SaleMetrics metrics() {
            return simulation.metrics();
        }

        @Override
        public void stop() {
            simulation.stop();
        }

        @Override
        public CommandFeed commands() {
            return simulation.feed();
        }
    }
}
