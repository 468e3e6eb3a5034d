package seckill.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import seckill.redis.RedisConnection;
import seckill.sale.Purchase;
import seckill.sale.SaleWinners;
import seckill.sim.AttemptLog;
import seckill.sim.Attempts;
import seckill.sim.SimulationConfig;
import seckill.sim.Trace;

/**
 * Writes a recorded sale as JSON lines ({@link Recording}): the header, the attempts and Redis's purchases merged in
 * time order (each kept in its own order), the traces, and the end. Gzipped when the name ends in {@code .gz};
 * whole or not at all ({@link Exports#writeBytesAtomically}).
 */
public final class RecordingWriter {
    /** The report's fields that are the sale's settings, in its order. */
    private static final List<String> SETTINGS = List.of("strategy", "stock", "users", "pool", "engine",
            "duration_s", "retries", "spread_ms", "pace_s", "seed", "prefix", "wait_replicas", "buckets");
    static final String CLOCK = "t, sent, answered: ms since started_at (epoch ms, this machine's wall clock, when "
            + "the buyers were let in); attempts timed on this machine's monotonic clock; a purchase's t is its "
            + "kill_time in Redis (epoch ms, the buying client's wall clock) less started_at";
    private static final ObjectMapper MAPPER = RunReport.Json.MAPPER.copy()
            .disable(SerializationFeature.INDENT_OUTPUT);

    private RecordingWriter() {
    }

    /** What was written: the attempts and the purchases. */
    public record Written(long attempts, long purchases) {
    }

    /** The sale's purchases as Redis holds them, in {@code kill_user}'s order (buckets merged by time). */
    public static List<Purchase> purchases(RedisConnection redis, SimulationConfig config) {
        List<Purchase> out = new ArrayList<>();
        redis.callKeyed(calls -> {
            try {
                return SaleWinners.stream(calls, config.keys().buckets(config.buckets()),
                        (rank, userId, atMs, openedMs) -> out.add(new Purchase(rank - 1, userId, atMs)));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the sink writes nowhere: never
            }
        });
        return out;
    }

    /**
     * Writes the recording of one run: its report, its recorded attempts, and the purchases Redis holds now (none
     * when it cannot be read now).
     */
    public static Written write(Path file, RunReport report, AttemptLog log, RedisConnection redis,
                                SimulationConfig config, int exitCode) throws IOException {
        return write(file, report, log.attempts(), log.every(), purchasesIfReadable(redis, config), exitCode);
    }

    /** As {@link #purchases}, or null when Redis cannot be read now (the recording is written without them). */
    private static List<Purchase> purchasesIfReadable(RedisConnection redis, SimulationConfig config) {
        try {
            return purchases(redis, config);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes the recording of one sale.
     *
     * @param report    the run's report: its settings, verdict and traces
     * @param attempts  the run's recorded attempts
     * @param every     1 when every user was recorded, else the k of every k-th user
     * @param read      Redis's purchases ({@link #purchases}), in rank order; null when Redis could not be read
     * @param exitCode  what the command exits with
     */
    public static Written write(Path file, RunReport report, Attempts attempts, int every, List<Purchase> read,
                                int exitCode) throws IOException {
        List<Purchase> purchases = read == null ? List.of() : read;
        Exports.writeBytesAtomically(file, raw -> {
            OutputStream out = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16)
                    : raw;
            // one buffer, the generator's, for every line: nothing is flushed until the end
            try (JsonGenerator json = MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                json.setRootValueSeparator(null);
                line(json, header(report, attempts.startEpochMs(), every));
                events(json, attempts, purchases);
                for (Trace trace : report.trace()) {
                    line(json, traceEvent(trace));
                }
                line(json, end(report, attempts.size(), read, exitCode));
            }
            if (out instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        });
        return new Written(attempts.size(), purchases.size());
    }

    private static Map<String, Object> header(RunReport report, long startedAt, int every) {
        ObjectNode all = MAPPER.valueToTree(report);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String field : SETTINGS) {
            settings.put(field, all.get(field));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", Recording.FORMAT);
        header.put("version", Recording.VERSION);
        header.put("settings", settings);
        header.put("started_at", startedAt);
        header.put("clock", CLOCK);
        header.put("sampled", every == 1 ? null : Map.of("every", every));
        header.put("lanes", List.of(report.strategy()));
        return header;
    }

    /** The attempts (by time sent) and the purchases (by rank) merged: a purchase goes before a later attempt. */
    private static void events(JsonGenerator json, Attempts attempts, List<Purchase> purchases)
            throws IOException {
        long startedAt = attempts.startEpochMs();
        int p = 0;
        for (int i = 0; i < attempts.size(); i++) {
            while (p < purchases.size() && purchaseNanos(purchases.get(p), startedAt) <= attempts.sentNanos(i)) {
                purchase(json, purchases.get(p++), startedAt);
            }
            attempt(json, attempts, i);
        }
        while (p < purchases.size()) {
            purchase(json, purchases.get(p++), startedAt);
        }
    }

    private static long purchaseNanos(Purchase p, long startedAt) {
        return p.atMs() < 0 ? Long.MIN_VALUE : (p.atMs() - startedAt) * 1_000_000;
    }

    private static void attempt(JsonGenerator json, Attempts a, int i) throws IOException {
        json.writeStartObject();
        json.writeFieldName("t");
        json.writeNumber(ms(a.sentNanos(i)));
        json.writeStringField("type", "attempt");
        json.writeNumberField("user", a.userIndex(i));
        json.writeStringField("id", a.userId(i));
        json.writeNumberField("n", a.attempt(i));
        json.writeFieldName("sent");
        json.writeNumber(ms(a.sentNanos(i)));
        json.writeFieldName("answered");
        json.writeNumber(a.lost(i) ? "-1" : ms(a.answeredNanos(i)));
        json.writeStringField("outcome", a.outcomeName(i));
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void purchase(JsonGenerator json, Purchase p, long startedAt) throws IOException {
        json.writeStartObject();
        json.writeNumberField("t", p.atMs() < 0 ? -1 : p.atMs() - startedAt);
        json.writeStringField("type", "purchase");
        json.writeNumberField("rank", p.position() + 1);
        json.writeStringField("user", p.userId());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static Map<String, Object> traceEvent(Trace trace) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("t", trace.steps().isEmpty() ? 0 : trace.steps().get(0).sentMs());
        event.put("type", "trace");
        event.put("trace", trace);
        return event;
    }

    private static Map<String, Object> end(RunReport report, long attempts, List<Purchase> read, int exitCode) {
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("t", report.elapsedMs());
        end.put("type", "end");
        end.put("ended_by", report.endedBy());
        end.put("sold", report.sold());
        end.put("oversold", report.oversold());
        end.put("winners", report.winners());
        end.put("users_won", report.usersWon());
        end.put("attempts", report.attempts());
        end.put("recorded_attempts", attempts);
        end.put("purchases", read == null ? 0 : read.size());
        end.put("purchases_read", read != null);
        end.put("audit_ok", report.audit().ok());
        end.put("violations", report.audit().violations());
        end.put("error", report.error());
        end.put("exit_code", exitCode);
        end.put("report", RunReport.Json.MAPPER.valueToTree(report)); // the run's whole report, for a replay's --report
        return end;
    }

    private static void line(JsonGenerator json, Object value) throws IOException {
        json.writeObject(value);
        json.writeRaw('\n');
    }

    /** Nanoseconds as ms to the microsecond, in plain decimals ("12.345", "-0.002"). */
    static String ms(long nanos) {
        long micros = Math.floorDiv(nanos, 1_000);
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        long frac = abs % 1_000;
        return sign + abs / 1_000 + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }
}
