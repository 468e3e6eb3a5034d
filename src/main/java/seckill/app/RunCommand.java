package seckill.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import seckill.cli.ComparisonTable;
import seckill.cli.Summary;
import seckill.cli.TracePrint;
import seckill.redis.RedisConnection;
import seckill.report.ComparisonReport;
import seckill.report.RecordingWriter;
import seckill.report.RunReport;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sim.AttemptLog;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.students.ClassRoom;
import seckill.util.Verdict;

/** One headless sale, or strategies side by side ({@code --compare}). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one sale headless and print a summary; or, with --compare, several strategies side by "
                + "side as a table.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions sale;

    @Mixin
    CompareOptions compare;

    @Option(names = "--one-at-a-time", description = "With --compare: run the strategies one after another, in the "
            + "order listed, instead of all at once; each has the machine to itself, fairer for speed.")
    boolean oneAtATime;

    @Option(names = "--start-at", paramLabel = "TIME", converter = FieldConverters.StartAt.class,
            description = "Open (or join) the sale now, but let the first buyers in only at TIME: an ISO-8601 "
                    + "instant (2026-11-30T15:30:00Z) or epoch milliseconds, from ten minutes ago to a day ahead, "
                    + "before --duration closes the sale. Several "
                    + "'run --join' processes given the same TIME start together; 'merge' adds up their reports.")
    Instant startAt;

    @Option(names = "--record", paramLabel = "FILE", converter = FieldConverters.RecordFile.class,
            description = "Record every attempt of the sale and Redis's purchases to FILE, as JSON lines (gzipped "
                    + "when FILE ends in .gz); whole or not at all, also when the audit fails. With --compare, "
                    + "every strategy's sale in one file.")
    Path record;

    @Mixin
    RedisOptions redis;

    /** Whether a file asked for ({@code --report}, {@code --record}) could not be written. */
    private boolean unwritten;

    @Override
    public Integer call() {
        compare.check(spec, oneAtATime, startAt != null);
        if (sale.students() != null && compare.given()) {
            throw new ParameterException(spec.commandLine(), "--students: a class buys in one sale, not in a "
                    + "comparison; leave out --compare or --students");
        }
        // bad settings are refused before Redis is asked; all but buckets without --prefix, whose prefix a Redis
        // Cluster makes {seckill}: (a tag to number): that waits until the server is known
        sale.checked(sale.toBuilder(redis).prefix(redis.prefix().isEmpty() ? SaleKeys.CLUSTER_PREFIX
                : redis.prefix()));
        refuseAStartAfterTheSaleCloses();
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
            if (sale.join && !compare.given() && !spec.commandLine().getParseResult().hasMatchedOption("--buckets")) {
                // a joined sale keeps the buckets it was opened with, so that its users go where they went
                sale.buckets = connection.callKeyed(calls -> SaleBuckets.recorded(calls, redis.keys()));
            }
            SimulationConfig config = sale.toConfig(redis); // on a cluster, with its prefix
            return compare.given() ? compare(config, connection) : runOne(config, connection);
        }
    }

    /** A new sale whose buyers would be let in only after its flag has expired would sell nothing: exit 2. */
    private void refuseAStartAfterTheSaleCloses() {
        if (startAt == null || sale.join) {
            return;
        }
        long durationS = sale.toBuilder(redis).build().durationS();
        if (startAt.isAfter(Instant.now().plusSeconds(durationS))) {
            throw new ParameterException(spec.commandLine(), "--start-at " + startAt + " is after the sale closes: "
                    + "--duration " + durationS + " s from now ends it first; give a longer --duration or an earlier "
                    + "--start-at");
        }
    }

    private int runOne(SimulationConfig config, RedisConnection connection) {
        Simulation simulation = new Simulation(config, connection);
        if (sale.students() == null) {
            return runOne(simulation, connection);
        }
        try (ClassRoom room = openClassRoom()) {
            room.follow(simulation.humans());
            return runOne(simulation, connection);
        }
    }

    /** The students' server, its address printed at once: {@code Students join at http://ADDR:PORT/j/CODE}. */
    private ClassRoom openClassRoom() {
        ClassRoom room;
        try {
            room = ClassRoom.open(sale.students());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, sale.students().toString());
        }
        if (room.warning() != null) {
            spec.commandLine().getErr().println("warning: --students: " + room.warning());
            spec.commandLine().getErr().flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Students join at " + room.url());
        out.flush();
        return room;
    }

    private int runOne(Simulation simulation, RedisConnection connection) {
        PrintWriter out = spec.commandLine().getOut();
        SimulationConfig config = simulation.config();
        if (startAt != null) {
            simulation.startAt(startAt);
        }
        AttemptLog log = record == null ? null : simulation.record(AttemptLog.DEFAULT_CAP);
        Played<SimulationResult> played = untilSignalled(simulation::stop, simulation::run);
        SimulationResult result = played.result();
        RunReport report = RunReport.of(result, RunReport.RedisInfo.of(connection));
        Summary.print(out, report, result.state() != null);
        TracePrint.print(out, result.traces(), config.traceBuyers(), config.prefix());
        if (sale.report() != null) {
            write(sale.report(), () -> report.write(sale.report()));
        }
        if (log != null) {
            record(connection, result.config(), report, log, exit(played.exitCode(result.verdict())));
        }
        out.flush();
        if (result.endedBy() == EndReason.ERROR) {
            printError(result);
        }
        return exit(played.exitCode(result.verdict()));
    }

    private int compare(SimulationConfig config, RedisConnection connection) {
        PrintWriter out = spec.commandLine().getOut();
        Comparison comparison = new Comparison(config, compare.strategies(),
                oneAtATime ? Comparison.Mode.ONE_AT_A_TIME : Comparison.Mode.AT_ONCE, connection, null);
        List<AttemptLog> logs = record == null ? List.of()
                : comparison.simulations().stream().map(s -> s.record(AttemptLog.DEFAULT_CAP)).toList();
        Played<ComparisonResult> played = untilSignalled(comparison::stop, comparison::run);
        ComparisonResult result = played.result();
        ComparisonReport report = ComparisonReport.of(result, RunReport.RedisInfo.of(connection));
        ComparisonTable.print(out, report);
        for (SimulationResult r : result.results()) {
            if (!r.traces().isEmpty()) {
                out.println();
                out.println(Summary.line(r.config().strategy().cliName(), ""));
                TracePrint.print(out, r.traces(), r.config().traceBuyers(), r.config().prefix());
            }
        }
        if (sale.report() != null) {
            write(sale.report(), () -> report.write(sale.report()));
        }
        if (record != null) {
            List<RecordingWriter.Lane> lanes = new ArrayList<>();
            for (int i = 0; i < logs.size(); i++) {
                SimulationResult r = result.results().get(i);
                lanes.add(RecordingWriter.Lane.of(report.compare().get(i), logs.get(i), connection, r.config(),
                        List.of(), ExitCodes.of(r.verdict())));
            }
            recorded(() -> RecordingWriter.writeComparison(record, report, lanes,
                    exit(played.exitCode(result.verdict()))));
        }
        out.flush();
        result.results().stream().filter(r -> r.endedBy() == EndReason.ERROR).forEach(this::printError);
        return exit(played.exitCode(result.verdict()));
    }

    /** Writes the recording, with the purchases Redis holds (none when it cannot be read now). */
    private void record(RedisConnection connection, SimulationConfig config, RunReport report, AttemptLog log,
                        int exitCode) {
        recorded(() -> RecordingWriter.write(record, report, log, connection, config, exitCode));
    }

    /** A recording to write. */
    private interface Recorder {
        RecordingWriter.Written write() throws IOException;
    }

    private void recorded(Recorder recorder) {
        RecordingWriter.Written[] written = new RecordingWriter.Written[1];
        if (!written("--record", record, () -> written[0] = recorder.write())) {
            return;
        }
        spec.commandLine().getOut().printf("Recording: %s (%d attempts, %d purchases)%n", record,
                written[0].attempts(), written[0].purchases());
    }

    /** What a run came to, and the signal that stopped it (0 for none). */
    private record Played<T>(T result, int signalled) {
        int exitCode(Verdict verdict) {
            return signalled != 0 ? signalled : ExitCodes.of(verdict);
        }
    }

    /** Runs it, a SIGINT or SIGTERM meanwhile asking it to stop. */
    private static <T> Played<T> untilSignalled(Runnable stop, Supplier<T> run) {
        try (StopSignals signals = new StopSignals(stop)) {
            T result = run.get();
            return new Played<>(result, signals.exitCode());
        }
    }

    private void printError(SimulationResult result) {
        // the summary went to stdout with what is known; the reason goes where errors go, once
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + (compare.given() ? result.config().strategy().cliName() + ": " : "")
                + result.error());
        err.flush();
    }

    /** Writes the report; when it cannot, says so on stderr and the exit code does ({@link #exit}). */
    private void write(Path file, OutputFiles.Writing writing) {
        if (written("--report", file, writing)) {
            spec.commandLine().getOut().println("Report      " + file.toAbsolutePath());
        }
    }

    private boolean written(String option, Path file, OutputFiles.Writing writing) {
        boolean ok = OutputFiles.write(spec.commandLine().getErr(), option, file, writing);
        unwritten |= !ok;
        return ok;
    }

    /** The sale's exit code, or 1 instead of 0 when a file asked for could not be written. */
    private int exit(int outcome) {
        return unwritten ? ExitCodes.unwritten(outcome) : outcome;
    }
}
