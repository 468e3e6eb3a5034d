package seckill.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.Histogram;

import seckill.metrics.LatencyHistograms;
import seckill.metrics.LatencySummary;
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

    /** The sale as Redis holds it after the runs. */
    public record Sale(long stock, long sold, long winners, long uniqueWinners, long oversold, long remainingStock,
                       RunReport.Audit audit) {
        static Sale of(AuditResult a) {
            return new Sale(a.total(), a.sold(), a.winners(), a.uniqueWinners(), a.oversold(),
                    Math.max(0, a.total() - a.sold()), RunReport.Audit.of(a.ok(), a.violations()));
        }
    }

    /** What one process's report contributes. */
    public record Part(String file, String strategy, String prefix, String redisUrl, boolean embedded, long users,
                       long usersWon, long usersLost, long usersUnknown, long usersPlayed, long attempts,
                       long conflicts, long errors, long elapsedMs, String latencyHistogram) {

        /**
         * @throws IOException              when the file cannot be read or is not JSON
         * @throws IllegalArgumentException when it is not a run report, or one without a latency histogram
         */
        public static Part read(Path file) throws IOException {
            String text = Files.readString(file);
            JsonNode j;
            try {
                j = RunReport.Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " is not JSON, so not a run report (run --report FILE "
                        + "writes one)", e);
            }
            if (j == null || !j.has("users") || !j.has("attempts")) {
                throw new IllegalArgumentException(file + " is not a run report (run --report FILE writes one)");
            }
            if (!j.hasNonNull("latency_histogram")) {
                throw new IllegalArgumentException(file + " has no latency_histogram (a report of a comparison, "
                        + "or of an older version): its percentiles cannot be merged exactly");
            }
            LatencyHistograms.decode(j.get("latency_histogram").asText()); // fails here, naming the file
            JsonNode redis = j.path("redis");
            return new Part(file.toString(), j.path("strategy").asText(), j.path("prefix").asText(""),
                    redis.path("url").asText(null), redis.path("embedded").asBoolean(false), j.get("users").asLong(),
                    j.path("users_won").asLong(), j.path("users_lost").asLong(), j.path("users_unknown").asLong(),
                    j.path("users_played").asLong(), j.get("attempts").asLong(), j.path("conflicts").asLong(),
                    j.path("errors").asLong(), j.path("elapsed_ms").asLong(), j.get("latency_histogram").asText());
        }
    }

    /**
     * @param audit       the sale read back from Redis, or null when it could not be
     * @param redisUnread why not, when it could not
     * @param redisUrl    where it was read (masked), or null
     */
    public static MergedReport of(List<Part> parts, AuditResult audit, String redisUnread, String redisUrl) {
        Histogram all = LatencyHistograms.merge(parts.stream().map(Part::latencyHistogram).toList());
        long elapsed = parts.stream().mapToLong(Part::elapsedMs).max().orElse(0);
        long played = parts.stream().mapToLong(Part::usersPlayed).sum();
        long attempts = parts.stream().mapToLong(Part::attempts).sum();
        double seconds = Math.max(1e-3, elapsed / 1000.0);
        return new MergedReport(parts.stream().map(Part::file).toList(), parts.size(),
                parts.stream().map(Part::strategy).distinct().toList(), parts.get(0).prefix(),
                parts.stream().mapToLong(Part::users).sum(), parts.stream().mapToLong(Part::usersWon).sum(),
                parts.stream().mapToLong(Part::usersLost).sum(), parts.stream().mapToLong(Part::usersUnknown).sum(),
                played, attempts, parts.stream().mapToLong(Part::conflicts).sum(),
                parts.stream().mapToLong(Part::errors).sum(), elapsed, round(played / seconds),
                round(attempts / seconds), RunReport.Latency.of(LatencySummary.of(all)),
                LatencyHistograms.encode(all), audit == null ? null : Sale.of(audit), redisUnread, redisUrl);
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
