package seckill.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import seckill.metrics.SaleMetrics;
import seckill.redis.RedisConnection;
import seckill.report.ComparisonReport;
import seckill.report.RecordingWriter;
import seckill.report.RecordingWriter.Polled;
import seckill.report.RunReport;
import seckill.sale.SaleState;
import seckill.sim.AttemptLog;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.Simulation;
import seckill.sim.SimulationResult;

/**
 * The recording of the last local run or comparison: every lane's attempts ({@link AttemptLog}) and the polls the
 * window drew while following it (at most {@link #POLLS_KEPT} a lane); a new run lets the last one's go. Thread-safe:
 * the pollers add from their threads, the workers write.
 */
final class LastRecording {
    /** Polls kept of one lane: an hour at ten a second. Later ones are not recorded. */
    static final int POLLS_KEPT = 36_000;

    /** One sale recorded: its counters (what a poller follows), its attempts and its polls. */
    private record Lane(SaleMetrics metrics, AttemptLog log, List<Polled> polls) {
        Lane(Simulation simulation) {
            this(simulation.metrics(), simulation.record(AttemptLog.DEFAULT_CAP), new ArrayList<>());
        }

        void polled(PollSnapshot s) {
            SaleState st = s.state();
            // the figures the tiles and charts drew, without the winners (their rows are the purchases)
            Polled p = new Polled(st == null ? System.currentTimeMillis() : st.readAtMs(), st == null ? null
                    : new SaleState(st.total(), st.sold(), st.winners(), st.ttlMillis(), st.openedMs(), 0, List.of(),
                    List.of(), st.readAtMs()), s.metrics());
            synchronized (polls) {
                if (polls.size() < POLLS_KEPT) {
                    polls.add(p);
                }
            }
        }

        List<Polled> pollsSoFar() {
            synchronized (polls) {
                return List.copyOf(polls);
            }
        }
    }

    /** What was recorded, and the run's future: its result names the recording. */
    private record Last(CompletableFuture<?> done, List<Lane> lanes) {
        boolean of(Object result) {
            return done.getNow(null) == result;
        }
    }

    private volatile Last last;

    /** Records a run about to start (before it plays); the last one's recording goes first. */
    void keep(Simulation simulation, CompletableFuture<SimulationResult> done) {
        last = null;
        last = new Last(done, List.of(new Lane(simulation)));
    }

    /** Records every lane of a comparison about to start. */
    void keep(Comparison comparison, CompletableFuture<ComparisonResult> done) {
        last = null;
        last = new Last(done, comparison.simulations().stream().map(Lane::new).toList());
    }

    /** A poller following a local run's counters took this snapshot: the lane of those counters keeps it. */
    void polled(SaleMetrics following, PollSnapshot s) {
        Last now = last;
        if (now == null || following == null) {
            return;
        }
        for (Lane lane : now.lanes()) {
            if (lane.metrics() == following) {
                lane.polled(s);
            }
        }
    }

    /** @throws IllegalStateException when the result is not the last local run's */
    void write(SimulationResult result, Path file, RedisConnection c) throws IOException {
        Last now = last;
        if (now == null || !now.of(result)) {
            throw new IllegalStateException("only the last local run's recording is kept");
        }
        RecordingWriter.write(file, lane(RunReport.of(result, RunReport.RedisInfo.of(c)), now.lanes().get(0), c,
                result));
    }

    /** @throws IllegalStateException when the result is not the last comparison's, run here */
    void write(ComparisonResult result, Path file, RedisConnection c) throws IOException {
        Last now = last;
        if (now == null || !now.of(result)) {
            throw new IllegalStateException("only the last local comparison's recording is kept");
        }
        ComparisonReport report = ComparisonReport.of(result, RunReport.RedisInfo.of(c));
        List<RecordingWriter.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            lanes.add(lane(report.compare().get(i), now.lanes().get(i), c, result.results().get(i)));
        }
        RecordingWriter.writeComparison(file, report, lanes, result.verdict().exitCode());
    }

    private static RecordingWriter.Lane lane(RunReport report, Lane lane, RedisConnection c, SimulationResult r) {
        return RecordingWriter.Lane.of(report, lane.log(), c, r.config(), lane.pollsSoFar(),
                r.verdict().exitCode());
    }
}
