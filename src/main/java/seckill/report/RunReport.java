package seckill.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import seckill.metrics.JvmMemory;
import seckill.metrics.LatencySummary;
import seckill.metrics.MetricsSnapshot;
import seckill.redis.RedisConnection;
import seckill.sale.AuditResult;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.sim.Fairness;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.sim.Trace;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * The JSON run report (snake_case; docs/ARCHITECTURE.md lists its fields). {@code sold}, {@code winners} and
 * {@code oversold} are read back from Redis, not from the client's own counters. The Redis URL is masked. The
 * traced buyers ({@code trace}) are written as the engine's own value types, {@link Trace} and its steps.
 * {@code latency_histogram} is the run's latency histogram encoded ({@code LatencyHistograms}), which
 * {@link MergedReport} adds up; {@code run_id} is the run's own ({@link SimulationResult#runId()}), the same in
 * every report of it, so that a merge counts it once. {@code students_joined} and {@code students_won} are there
 * only for a sale a class bought in ({@code --students}).
 */
@JsonPropertyOrder({"strategy", "stock", "users", "pool", "engine", "duration_s", "retries", "spread_ms", "pace_s",
        "seed", "prefix", "sold", "winners", "unique_winners", "oversold", "remaining_stock", "unsold_stock",
        "users_won", "users_lost", "users_unknown", "stranded_sold", "users_played", "fairness",
        "fairness_first_arrivals", "sold_out_ms", "lost_wins", "wait_replicas",
        "attempts", "conflicts", "errors",
        "elapsed_ms", "users_per_s", "attempts_per_s", "latency_ms", "ended_by", "error", "error_detail", "audit",
        "redis", "jvm", "trace", "buckets", "bucket_unsold", "bucket_levels", "bucket_masters", "students_joined",
        "students_won", "latency_histogram", "run_id"})
public record RunReport(String strategy, long stock, long users, int pool, String engine, long durationS, int retries,
                        long spreadMs, long paceS, long seed, String prefix, long sold, long winners,
                        long uniqueWinners, long oversold, long remainingStock, long unsoldStock, long usersWon,
                        long usersLost, long usersUnknown, long strandedSold, long usersPlayed, Double fairness,
                        long fairnessFirstArrivals, long soldOutMs, long lostWins, int waitReplicas,
                        long attempts, long conflicts, long errors, long elapsedMs, double usersPerS,
                        double attemptsPerS, Latency latencyMs, String endedBy, String error,
                        Map<String, Object> errorDetail, Audit audit,
                        RedisInfo redis, Jvm jvm, List<Trace> trace, String latencyHistogram, int buckets,
                        long bucketUnsold, List<BucketLevel> bucketLevels, List<String> bucketMasters,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long studentsJoined,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long studentsWon, String runId) {

    public RunReport {
        trace = trace == null ? List.of() : List.copyOf(trace);
        bucketLevels = bucketLevels == null ? List.of() : List.copyOf(bucketLevels);
        bucketMasters = bucketMasters == null ? List.of() : List.copyOf(bucketMasters);
    }

    /** One bucket of a sale split by {@code --buckets}, as Redis holds it at the end. */
    public record BucketLevel(int bucket, String prefix, long stock, long sold) {
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max) {
        static Latency of(LatencySummary s) {
            return new Latency(s.p50(), s.p90(), s.p99(), s.p999(), s.max());
        }
    }

    /** The client process: memory stays flat in the number of users. */
    public record Jvm(double peakHeapMib, double maxHeapMib, double peakRssMib) {
        static Jvm now() {
            return new Jvm(round(JvmMemory.peakHeapMiB()), Math.round(JvmMemory.maxHeapMiB()),
                    round(JvmMemory.peakRssMiB()));
        }
    }

    /**
     * The audit's verdict: each violation as a line of English and as data ({@code kind} and its fields).
     */
    public record Audit(boolean ok, List<String> violations, List<Map<String, Object>> findings) {
        static Audit of(boolean ok, List<Problem> violations) {
            return new Audit(ok, violations.stream().map(Problem::english).toList(),
                    violations.stream().map(Problem::fields).toList());
        }
    }

    /** Which server; the URL has its password masked. On a cluster, {@code master} held the sale at the end. */
    public record RedisInfo(String url, String version, boolean embedded, boolean cluster, String master) {
        public RedisInfo(String url, String version, boolean embedded) {
            this(url, version, embedded, false, null);
        }

        public static RedisInfo of(RedisConnection connection) {
            return new RedisInfo(connection.target().masked(), connection.serverVersion(), connection.isEmbedded(),
                    connection.isCluster(), connection.isCluster() ? connection.owner() : null);
        }
    }

    /**
     * Jackson loads some four hundred classes; a run without {@code --report} never needs them, and a sale of a
     * second or two should not wait for them.
     */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);

        static String of(Object report) {
            try {
                return MAPPER.writeValueAsString(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the report whole or not at all: a temporary file beside the target, then a move. */
        static void write(Path file, Object report) throws IOException {
            Exports.writeAtomically(file, of(report) + System.lineSeparator());
        }
    }

    public static RunReport of(SimulationResult result, RedisInfo redis) {
        SimulationConfig c = result.config();
        MetricsSnapshot m = result.metrics();
        AuditResult a = result.audit();
        long sold = result.state() == null ? 0 : result.state().sold();
        long winners = result.state() == null ? 0 : result.state().winners();
        long total = result.state() == null ? c.stock() : result.state().total();
        Problem error = result.error();
        Audit audit = a == null
                ? Audit.of(false, List.of(Problem.of(Kind.NOT_AUDITED, error == null ? "Redis unreadable" : error)))
                : Audit.of(a.ok(), a.violations());
        // the sale's own stock: a run that joined an open sale did not set it
        return new RunReport(c.strategy().cliName(), total, c.users(), c.pool(), c.engine().cliName(),
                c.durationS(), c.retries(),
                c.spreadMs(), c.paceS(), c.seed(), c.prefix(), sold, winners, a == null ? 0 : a.uniqueWinners(),
                result.state() == null ? 0 : result.state().oversold(), Math.max(0, total - sold),
                result.unsoldStock(), m.usersWon(), result.usersLost(), m.usersUnknown(), m.strandedSold(),
                m.usersDone(), fairness(result.fairness()),
                result.fairness().firstArrivals(), result.timeToSellOutMs(), result.lostWins(), c.waitReplicas(),
                m.attempts(), m.conflicts(),
                m.errors(),
                result.elapsedMs(), round(result.usersPerSecond()), round(result.attemptsPerSecond()),
                Latency.of(m.overall()), result.endedBy().reportName(), error == null ? null : error.english(),
                error == null ? null : error.fields(), audit, redis, Jvm.now(), result.traces(),
                m.overall().histogram(), c.buckets(), result.bucketUnsold(), levels(result), result.bucketMasters(),
                c.students() ? result.students().joined() : null, c.students() ? result.students().won() : null,
                result.runId());
    }

    /** Each bucket's stock and sold; none for a sale of one bucket. */
    private static List<BucketLevel> levels(SimulationResult result) {
        List<SaleState> states = result.bucketStates();
        if (states.size() < 2) {
            return List.of();
        }
        List<SaleKeys> keys = result.config().keys().buckets(states.size());
        return IntStream.range(0, states.size()).mapToObj(i -> new BucketLevel(i,
                keys.get(i).prefix(), states.get(i).total(), states.get(i).sold())).toList();
    }

    /** The share to three places, or null when no user arrived. */
    private static Double fairness(Fairness f) {
        return f.known() ? Math.round(f.share() * 1000) / 1000.0 : null;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report whole or not at all: a temporary file beside the target, then a move. */
    public void write(Path file) throws IOException {
        Exports.writeAtomically(file, toJson() + System.lineSeparator());
    }


}
