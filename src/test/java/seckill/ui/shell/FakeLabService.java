package seckill.ui.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import seckill.metrics.MetricsSnapshot;
import seckill.metrics.SaleMetrics;
import seckill.sale.AuditResult;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.service.ClusterView;
import seckill.service.ComparisonRun;
import seckill.service.LabService;
import seckill.service.PollSnapshot;
import seckill.service.PollStream;
import seckill.service.SaleRun;
import seckill.service.ServerInfo;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/**
 * The lab without Redis: answers are scripted in its public fields, every call is recorded in {@link #calls}, runs
 * end when the test says, and streams deliver the snapshots the test pushes (on the test's thread).
 */
final class FakeLabService implements LabService {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Run> runs = Collections.synchronizedList(new ArrayList<>());
    final List<Stream> streams = Collections.synchronizedList(new ArrayList<>());
    final List<SimulationResult> reported = Collections.synchronizedList(new ArrayList<>());
    final List<SimulationResult> recorded = Collections.synchronizedList(new ArrayList<>());
    /** Where each recording was written (a tiny readable one: a purchase and the end). */
    final List<Path> recordedFiles = Collections.synchronizedList(new ArrayList<>());
    final List<Comparing> comparisons = Collections.synchronizedList(new ArrayList<>());
    final List<ComparisonResult> reportedComparisons = Collections.synchronizedList(new ArrayList<>());
    /** What each {@link #watchCluster} was given, for the test to feed. */
    final List<Consumer<ClusterView>> clusterSinks = Collections.synchronizedList(new ArrayList<>());

    ServerInfo server = new ServerInfo("redis://127.0.0.1:6379", "7.2.4", false);
    /** Thrown by the next calls of that name, when set (any throwable: errors too). */
    Throwable connectFails;
    Throwable startFails;
    List<Problem> wrongTypes = List.of();
    long resetDeletes = 4;
    AuditResult audit = new AuditResult(true, List.of(), 30, 30, 30, 30, 0);
    long exportedRows = 10;
    private long sources;

    /** A sale the test ends. */
    final class Run implements SaleRun {
        final SimulationConfig config;
        final SaleMetrics metrics = new SaleMetrics();
        final CompletableFuture<SimulationResult> result = new CompletableFuture<>();
        volatile boolean stopped;

        Run(SimulationConfig config) {
            this.config = config;
        }

        @Override
        public SaleMetrics metrics() {
            return metrics;
        }

        @Override
        public void stop() {
            stopped = true;
            calls.add("stop " + config.prefix());
        }

        @Override
        public CompletionStage<SimulationResult> result() {
            return result;
        }
    }

    /**
     * A comparison the test ends: a lane per strategy, each a {@link Run} of its own on the keys the real one
     * would use (the prefix plus the strategy's name), whose result the test completes; the comparison's result
     * follows once every lane has ended, exceptionally when one of them failed, as the real one's does.
     */
    final class Comparing implements ComparisonRun {
        final SimulationConfig base;
        final Comparison.Mode mode;
        final List<Lane> lanes = new ArrayList<>();
        final CompletableFuture<ComparisonResult> result = new CompletableFuture<>();
        volatile boolean stopped;

        Comparing(SimulationConfig base, List<StrategyKind> strategies, Comparison.Mode mode) {
            this.base = base;
            this.mode = mode;
            List<CompletableFuture<SimulationResult>> ends = new ArrayList<>();
            for (SimulationConfig config : Comparison.configs(base, strategies)) {
                Run run = new Run(config);
                lanes.add(new Lane(config.strategy(), config.keys(), run));
                ends.add(run.result);
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).whenComplete((all, failed) -> {
                if (failed == null) {
                    result.complete(new ComparisonResult(mode, ends.stream().map(CompletableFuture::join).toList()));
                } else {
                    result.completeExceptionally(failed instanceof CompletionException && failed.getCause() != null
                            ? failed.getCause() : failed);
                }
            });
        }

        /** The run of the lane at that index (in the order the strategies were listed), for the test to end. */
        Run lane(int i) {
            return (Run) lanes.get(i).run();
        }

        @Override
        public Comparison.Mode mode() {
            return mode;
        }

        @Override
        public List<Lane> lanes() {
            return Collections.unmodifiableList(lanes);
        }

        @Override
        public void stop() {
            stopped = true;
            calls.add("stopComparison " + base.prefix());
            lanes.forEach(lane -> lane.run().stop());
        }

        @Override
        public CompletionStage<ComparisonResult> result() {
            return result;
        }
    }

    /** A stream the test feeds. */
    final class Stream implements PollStream {
        final SaleKeys keys;
        final Consumer<PollSnapshot> sink;
        final long source = ++sources;
        volatile SaleMetrics followed;
        volatile boolean closed;

        Stream(SaleKeys keys, Consumer<PollSnapshot> sink) {
            this.keys = keys;
            this.sink = sink;
        }

        /** One tick that read this state, with these counters of the local run (or null). */
        void push(SaleState state, MetricsSnapshot metrics) {
            sink.accept(PollSnapshot.of(source, state, metrics, false));
        }

        void push(SaleState state) {
            push(state, null);
        }

        void lose(Problem why) {
            sink.accept(PollSnapshot.lost(source, why));
        }

        @Override
        public long source() {
            return source;
        }

        @Override
        public void follow(SaleMetrics runMetrics) {
            followed = runMetrics;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    Run lastRun() {
        return runs.get(runs.size() - 1);
    }

    Stream lastStream() {
        return streams.get(streams.size() - 1);
    }

    Comparing lastComparison() {
        return comparisons.get(comparisons.size() - 1);
    }

    @Override
    public ServerInfo connect(String url, boolean embedded, Duration timeout) {
        calls.add("connect " + url);
        raise(connectFails);
        return server;
    }

    @Override
    public SaleRun startSale(SimulationConfig config) {
        calls.add("startSale " + config.prefix());
        raise(startFails);
        Run run = new Run(config);
        runs.add(run);
        return run;
    }

    /** As {@link #startSale(SimulationConfig)}: the fake's runs keep no feed of commands to turn on. */
    @Override
    public SaleRun startSale(SimulationConfig config, boolean commandsOn) {
        return startSale(config);
    }

    @Override
    public ComparisonRun startComparison(SimulationConfig base, List<StrategyKind> strategies,
                                         Comparison.Mode mode) {
        calls.add("startComparison " + base.prefix() + " " + strategies + " " + mode);
        raise(startFails);
        Comparing comparing = new Comparing(base, strategies, mode);
        comparisons.add(comparing);
        return comparing;
    }

    @Override
    public void exportComparison(ComparisonResult result, Path file) {
        calls.add("exportComparison " + file.getFileName());
        reportedComparisons.add(result);
    }

    @Override
    public ClusterWatch watchCluster(Consumer<ClusterView> sink) {
        calls.add("watchCluster");
        clusterSinks.add(sink);
        return () -> calls.add("closeClusterWatch");
    }

    @Override
    public PollStream watch(SaleKeys keys, Consumer<PollSnapshot> sink) {
        return stream("watch " + keys.prefix(), keys, sink);
    }

    @Override
    public PollStream watch(SaleKeys keys, int buckets, Consumer<PollSnapshot> sink) {
        return stream("watch " + keys.prefix() + (buckets > 1 ? " in " + buckets + " buckets" : ""), keys, sink);
    }

    private Stream stream(String call, SaleKeys keys, Consumer<PollSnapshot> sink) {
        calls.add(call);
        Stream stream = new Stream(keys, sink);
        streams.add(stream);
        return stream;
    }

    @Override
    public List<Problem> wrongTypes(SaleKeys keys) {
        calls.add("wrongTypes " + keys.prefix());
        return wrongTypes;
    }

    @Override
    public long reset(SaleKeys keys) {
        calls.add("reset " + keys.prefix());
        return resetDeletes;
    }

    @Override
    public AuditResult audit(SaleKeys keys) {
        calls.add("audit " + keys.prefix());
        return audit;
    }

    @Override
    public long exportWinners(SaleKeys keys, Path file) {
        calls.add("exportWinners " + keys.prefix() + " " + file.getFileName());
        return exportedRows;
    }

    @Override
    public void exportReport(SimulationResult result, Path file) {
        calls.add("exportReport " + file.getFileName());
        reported.add(result);
    }

    @Override
    public void exportRecording(SimulationResult result, Path file) throws IOException {
        calls.add("exportRecording " + file.getFileName());
        recorded.add(result);
        recordedFiles.add(file);
        SimulationConfig c = result.config();
        String text = String.format(Locale.ROOT, """
                {"format":"seckill-lab-recording","version":1,"settings":{"strategy":"%s","stock":%d,"users":%d,\
                "duration_s":60},"started_at":1000000,"clock":"test","sampled":null,"lanes":["%1$s"]}
                {"t":5,"type":"purchase","rank":1,"user":"u0"}
                {"t":9,"type":"end","ended_by":"all_users_done","sold":1,"oversold":0,"winners":1,"audit_ok":true,\
                "violations":[],"exit_code":0}
                """, c.strategy().cliName(), c.stock(), c.users());
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void exportComparisonRecording(ComparisonResult result, Path file) {
        calls.add("exportComparisonRecording " + file.getFileName());
    }

    @Override
    public void close() {
        calls.add("close");
    }

    private static void raise(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
