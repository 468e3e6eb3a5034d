package seckill.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.HdrHistogram.Histogram;

import seckill.metrics.LatencyHistograms;
import seckill.metrics.LatencySummary;
import seckill.redis.RedisTarget;
import seckill.sale.AuditResult;

/**
 * The reports of several processes that joined one sale ({@code run --join}), combined: the client's counters
 * summed, latency percentiles from the sum of their histograms (exact, not averaged), and the sale itself (sold,
 * winners, the audit) read back from Redis; {@code sale} is null when Redis could not be read, and
 * {@code redis_unread} says why. Speeds are over the longest run, since the processes started together.
 */
@JsonPropertyOrder({"reports", "generators", "strategies", "prefix", "users", "users_won", "users_lost",
        "users_unknown", "users_played", "attempts", "conflicts", "errors", "elapsed_ms", "users_per_s",
        "attempts_per_s", "latency_ms", "latency_histogram", "sale", "redis_unread", "redis"})
public record MergedReport(List<String> reports, int generators, List<String> strategies, String prefix, long users,
                           long usersWon, long usersLost, long usersUnknown, long usersPlayed, long attempts,
                           long conflicts, long errors, long elapsedMs, double usersPerS, double attemptsPerS,
                           RunReport.Latency latencyMs, String latencyHistogram, Sale sale, String redisUnread,
                           String redis) {

    /** Every text here comes from the reports or a message: any URL's password in them is masked. */
    public MergedReport {
        reports = reports.stream().map(RedisTarget::maskAll).toList();
        strategies = strategies.stream().map(RedisTarget::maskAll).toList();
        prefix = RedisTarget.maskAll(prefix);
        redisUnread = RedisTarget.maskAll(redisUnread);
        redis = RedisTarget.maskAll(redis);
    }

    /** The sale as Redis holds it after the runs. */
    public record Sale(long stock, long sold, long winners, long uniqueWinners, long oversold, long remainingStock,
                       RunReport.Audit audit) {
        static Sale of(AuditResult a) {
            return new Sale(a.total(), a.sold(), a.winners(), a.uniqueWinners(), a.oversold(),
                    Math.max(0, a.total() - a.sold()), RunReport.Audit.of(a.ok(), a.violations()));
        }
    }

    /**
     * What one process's report contributes ({@link PartReader} reads it).
     *
     * @param runId the run it reports ({@code run_id}), or null in a report of an older version
     */
    public record Part(String file, String runId, String strategy, String prefix, String redisUrl,
                       boolean embedded, long users, long usersWon, long usersLost, long usersUnknown,
                       long usersPlayed, long attempts, long conflicts, long errors, long elapsedMs,
                       Histogram histogram) {
    }

    /**
     * The reports' counts and latencies summed, the sale not read yet ({@link #withSale}).
     *
     * @throws IllegalArgumentException when a histogram cannot be added, or a sum is beyond a long (naming them)
     */
    public static MergedReport of(List<Part> parts) {
        Histogram all = LatencyHistograms.empty();
        for (Part part : parts) {
            try {
                all.add(part.histogram());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(part.file() + ": latency_histogram cannot be added to the others' ("
                        + e.getMessage() + ")", e);
            }
        }
        long elapsed = parts.stream().mapToLong(Part::elapsedMs).max().orElse(0);
        long played = sum(parts, "users_played", Part::usersPlayed);
        long attempts = sum(parts, "attempts", Part::attempts);
        double seconds = Math.max(1e-3, elapsed / 1000.0);
        return new MergedReport(parts.stream().map(Part::file).toList(), parts.size(),
                parts.stream().map(Part::strategy).distinct().toList(), parts.get(0).prefix(),
                sum(parts, "users", Part::users), sum(parts, "users_won", Part::usersWon),
                sum(parts, "users_lost", Part::usersLost), sum(parts, "users_unknown", Part::usersUnknown),
                played, attempts, sum(parts, "conflicts", Part::conflicts), sum(parts, "errors", Part::errors),
                elapsed, round(played / seconds), round(attempts / seconds),
                RunReport.Latency.of(LatencySummary.of(all)), LatencyHistograms.encode(all), null, null, null);
    }

    /**
     * The same with the sale read back from Redis.
     *
     * @param audit       the sale read back from Redis, or null when it could not be
     * @param redisUnread why not, when it could not
     * @param redisUrl    where it was read (masked), or null
     */
    public MergedReport withSale(AuditResult audit, String redisUnread, String redisUrl) {
        return new MergedReport(reports, generators, strategies, prefix, users, usersWon, usersLost, usersUnknown,
                usersPlayed, attempts, conflicts, errors, elapsedMs, usersPerS, attemptsPerS, latencyMs,
                latencyHistogram, audit == null ? null : Sale.of(audit), redisUnread, redisUrl);
    }

    /** A count summed over the reports; beyond a long it is refused, naming the field and the files. */
    private static long sum(List<Part> parts, String field, ToLongFunction<Part> count) {
        long sum = 0;
        for (Part part : parts) {
            try {
                sum = Math.addExact(sum, count.applyAsLong(part));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(field + " of " + parts.stream().map(Part::file).toList()
                        + " add up to more than " + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE)
                        + ", more than any sale has: merge the reports of one sale", e);
            }
        }
        return sum;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public String toJson() {
        return RunReport.Json.of(this);
    }

    /** Writes the report whole or not at all. */
    public void write(Path file) throws IOException {
        RunReport.Json.write(file, this);
    }
}
