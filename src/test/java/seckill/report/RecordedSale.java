package seckill.report;

import java.io.IOException;
import java.nio.file.Path;

import seckill.redis.RedisConnection;
import seckill.sim.AttemptLog;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * A sale played on a real Redis and recorded as {@code run --record} does, its file written and read back.
 *
 * @param result    the run's own result
 * @param recording the file read back
 * @param file      where it was written
 */
public record RecordedSale(SimulationResult result, Recording recording, Path file) {

    /** Plays the sale (its prefix the caller's, to reset) and records it to {@code file}. */
    public static RecordedSale play(SimulationConfig settings, RedisConnection redis, Path file)
            throws IOException {
        Simulation simulation = new Simulation(settings, redis);
        AttemptLog log = simulation.record(AttemptLog.DEFAULT_CAP);
        SimulationResult result = simulation.run();
        RunReport report = RunReport.of(result, RunReport.RedisInfo.of(redis));
        RecordingWriter.write(file, report, log.attempts(), log.every(),
                RecordingWriter.purchases(redis, result.config()), result.auditHolds() ? 0 : 3);
        return new RecordedSale(result, RecordingReader.read(file), file);
    }
}
