package seckill.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import seckill.redis.RedisConnection;
import seckill.sale.StrategyKind;
import seckill.sim.AttemptLog;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationConfig;
import seckill.util.Verdict;

/**
 * Strategies raced on a real Redis and recorded as {@code run --compare --record} does, the file written and read
 * back.
 *
 * @param result    the comparison's own result
 * @param recording the file read back
 */
public record RecordedComparison(ComparisonResult result, Recording recording) {

    /** Races them (each under the caller's prefix plus its name, to reset) and records every lane to {@code file}. */
    public static RecordedComparison play(SimulationConfig base, List<StrategyKind> strategies, RedisConnection redis,
                                          Path file) throws IOException {
        Comparison comparison = new Comparison(base, strategies, Comparison.Mode.AT_ONCE, redis, null);
        List<AttemptLog> logs = comparison.simulations().stream().map(s -> s.record(AttemptLog.DEFAULT_CAP)).toList();
        ComparisonResult result = comparison.run();
        ComparisonReport report = ComparisonReport.of(result, RunReport.RedisInfo.of(redis));
        List<RecordingWriter.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            lanes.add(RecordingWriter.Lane.of(report.compare().get(i), logs.get(i), redis,
                    result.results().get(i).config(), List.of(), result.results().get(i).verdict().exitCode()));
        }
        RecordingWriter.writeComparison(file, report, lanes, result.verdict() == Verdict.OK ? 0 : 3);
        return new RecordedComparison(result, RecordingReader.read(file));
    }
}
