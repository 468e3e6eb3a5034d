package seckill.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import seckill.sim.ComparisonResult;
import seckill.util.Verdict;

/**
 * The JSON report of {@code run --compare}: how the strategies ran, whether every safe strategy's audit held, and
 * each strategy's own run report, in the order listed ({@code compare}). docs/ARCHITECTURE.md lists the fields.
 *
 * @param mode            {@code at_once} or {@code one_at_a_time}
 * @param strategies      the strategies, in the order listed
 * @param seed            the seed every strategy's users came from
 * @param safeAuditsHold  every safe strategy's audit held (naive's violation is the expected lesson)
 * @param compare         one run report per strategy
 */
@JsonPropertyOrder({"mode", "strategies", "seed", "safe_audits_hold", "compare"})
public record ComparisonReport(String mode, List<String> strategies, long seed, boolean safeAuditsHold,
                               List<RunReport> compare) {

    public static ComparisonReport of(ComparisonResult result, RunReport.RedisInfo redis) {
        List<RunReport> reports = result.results().stream().map(r -> RunReport.of(r, redis)).toList();
        return new ComparisonReport(result.mode().reportName(), reports.stream().map(RunReport::strategy).toList(),
                result.results().get(0).config().seed(), result.verdict() == Verdict.OK, reports);
    }

    public String toJson() {
        return RunReport.Json.of(this);
    }

    /** Writes the report whole or not at all. */
    public void write(Path file) throws IOException {
        RunReport.Json.write(file, this);
    }
}
