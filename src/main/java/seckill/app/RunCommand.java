package seckill.app;

import seckill.cli.Summary;
import seckill.cli.TracePrint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.redis.RedisConnection;
import seckill.report.RunReport;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/** One headless sale. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one sale headless and print a summary.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions sale;

    @Mixin
    RedisOptions redis;

    @Override
    public Integer call() {
        SimulationConfig config = sale.toConfig(redis);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, err)) {
            Simulation simulation = new Simulation(config, connection);
            SimulationResult result;
            int signalled;
            try (StopSignals signals = new StopSignals(simulation::stop)) {
                result = simulation.run();
                signalled = signals.exitCode();
            }
            RunReport report = RunReport.of(result, RunReport.RedisInfo.of(connection));
            Summary.print(out, report, result.state() != null);
            TracePrint.print(out, result.traces(), config.traceBuyers(), config.prefix());
            if (sale.report() != null) {
                writeReport(report, sale.report());
                out.println("Report      " + sale.report().toAbsolutePath());
            }
            out.flush();
            if (result.endedBy() == EndReason.ERROR) {
                // the summary went to stdout with what is known; the reason goes where errors go, once
                err.println("error: " + result.error());
                err.flush();
            }
            return signalled != 0 ? signalled : ExitCodes.of(result.verdict());
        }
    }

    private void writeReport(RunReport report, Path file) {
        try {
            report.write(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--report: cannot write " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e, null, file.toString());
        }
    }

}
