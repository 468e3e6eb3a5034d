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
import seckill.metrics.MetricsSnapshot;
import seckill.redis.RedisConnection;
import seckill.sale.Purchase;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.sale.SaleWinners;
import seckill.sim.AttemptLog;
import seckill.sim.Attempts;
import seckill.sim.SimulationConfig;
import seckill.sim.Trace;

/**
 * Writes a recorded sale as JSON lines ({@link Recording}): the header, the attempts, Redis's purchases and the
 * window's polls merged in time order (each kept in its own order, {@link RecordingLane}), the traces, and the end;
 * a comparison's lanes in one file, each line naming its lane. Gzipped when the name ends in {@code .gz};
 * whole or not at all ({@link Exports#writeBytesAtomically}).
 */
public final class RecordingWriter {
    /** The report's fields that are the sale's settings, in its order. */
    static final List<String> SETTINGS = List.of("strategy", "stock", "users", "pool", "engine",
            "duration_s", "retries", "spread_ms", "pace_s", "seed", "prefix", "wait_replicas", "buckets");
    static final String CLOCK = "t, sent, answered: ms since started_at (epoch ms, this machine's wall clock, when "
            + "the buyers were let in); attempts timed on this machine's monotonic clock; a purchase's t is its "
            + "kill_time in Redis (epoch ms, the buying client's wall clock) less started_at";
    private static final ObjectMapper MAPPER = RunReport.Json.MAPPER.copy()
            .disable(SerializationFeature.INDENT_OUTPUT);

    private RecordingWriter() {
    }

    /** What was written: the attempts, the purchases and the polls (of every lane). */
    public record Written(long attempts, long purchases, long polls) {
    }

    /**
     * What one poll of the window read: when (epoch ms, this machine's wall clock), the sale then (null when Redis
     * could not be read) and the local run's counters (null when it had none).
     */
    public record Polled(long atMs, SaleState state, MetricsSnapshot metrics) {
    }

    /**
     * One sale to write.
     *
     * @param report    the run's report: its settings, verdict and traces
     * @param attempts  the run's recorded attempts
     * @param every     1 when every user was recorded, else the k of every k-th user
     * @param purchases Redis's purchases ({@link #purchases}), in rank order; null when Redis could not be read
     * @param polls     what the window polled while it ran, in the order polled (none for {@code run})
     * @param exitCode  what the command exits with (a comparison's lane: its own verdict's)
     */
    public record Lane(RunReport report, Attempts attempts, int every, List<Purchase> purchases, List<Polled> polls,
                       int exitCode) {
        public Lane {
            polls = List.copyOf(polls);
        }

        /** A run's recorded attempts, and the purchases Redis holds now (none when it cannot be read now). */
        public static Lane of(RunReport report, AttemptLog log, RedisConnection redis, SimulationConfig config,
                              List<Polled> polls, int exitCode) {
            return new Lane(report, log.attempts(), log.every(), purchasesIfReadable(redis, config), polls,
                    exitCode);
        }
    }

    /** The sale's purchases as Redis holds them, in {@code kill_user}'s order (buckets merged by time). */
    public static List<Purchase> purchases(RedisConnection redis, SimulationConfig config) {
        List<SaleKeys> buckets = config.keys().buckets(config.buckets());
        List<Purchase> out = new ArrayList<>();
        redis.callKeyed(calls -> {
            try {
                return SaleWinners.stream(calls, buckets,
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
        return write(file, Lane.of(report, log, redis, config, List.of(), exitCode));
    }

    /** As {@link #purchases}, or null when Redis cannot be read now (the recording is written without them). */
    private static List<Purchase> purchasesIfReadable(RedisConnection redis, SimulationConfig config) {
        try {
            return purchases(redis, config);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Writes the recording of one sale, without polls. */
    public static Written write(Path file, RunReport report, Attempts attempts, int every, List<Purchase> read,
                                int exitCode) throws IOException {
        return write(file, new Lane(report, attempts, every, read, List.of(), exitCode));
    }

    /** Writes the recording of one sale. */
    public static Written write(Path file, Lane sale) throws IOException {
        return write(file, header(sale.report(), sale.attempts().startEpochMs(), sale.every()), List.of(sale),
                false, null);
    }

    /**
     * Writes the recording of a comparison: every lane's events merged by their time since their own lane's start,
     * each naming its lane; every lane's traces and end; then the comparison's end, with its report.
     *
     * @param lanes    in the order the strategies were listed
     * @param exitCode what the comparison exits with
     */
    public static Written writeComparison(Path file, ComparisonReport report, List<Lane> lanes, int exitCode)
            throws IOException {
        Lane first = lanes.get(0);
        Map<String, Object> header = header(first.report(), first.attempts().startEpochMs(),
                lanes.stream().mapToInt(Lane::every).max().orElse(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) header.get("settings");
        String prefix = first.report().prefix();
        String lane = first.report().strategy() + ":";
        settings.put("strategy", String.join(",", report.strategies()));
        settings.put("prefix", prefix.endsWith(lane) ? prefix.substring(0, prefix.length() - lane.length()) : prefix);
        header.put("lanes", report.strategies());
        header.put("mode", report.mode());
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("t", lanes.stream().mapToLong(l -> l.report().elapsedMs()).max().orElse(0));
        end.put("type", "end");
        end.put("safe_audits_hold", report.safeAuditsHold());
        end.put("recorded_attempts", lanes.stream().mapToLong(l -> l.attempts().size()).sum());
        end.put("exit_code", exitCode);
        end.put("report", RunReport.Json.MAPPER.valueToTree(report));
        return write(file, header, lanes, true, end);
    }

    /** The header, every lane's events merged in time, their traces and ends, and the comparison's end if any. */
    private static Written write(Path file, Map<String, Object> header, List<Lane> lanes, boolean named,
                                 Map<String, Object> comparisonEnd) throws IOException {
        Exports.writeBytesAtomically(file, raw -> {
            OutputStream out = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16)
                    : raw;
            // one buffer, the generator's, for every line: nothing is flushed until the end
            try (JsonGenerator json = MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                json.setRootValueSeparator(null);
                line(json, header);
                events(json, lanes.stream().map(l -> new RecordingLane(l, named ? l.report().strategy() : null))
                        .toList());
                for (Lane sale : lanes) {
                    for (Trace trace : sale.report().trace()) {
                        line(json, named(traceEvent(trace), named, sale));
                    }
                }
                for (Lane sale : lanes) {
                    line(json, named(end(sale), named, sale));
                }
                if (comparisonEnd != null) {
                    line(json, comparisonEnd);
                }
            }
            if (out instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        });
        return new Written(lanes.stream().mapToLong(l -> l.attempts().size()).sum(),
                lanes.stream().mapToLong(l -> l.purchases() == null ? 0 : l.purchases().size()).sum(),
                lanes.stream().mapToLong(l -> l.polls().size()).sum());
    }

    /** The lanes' events, the earliest first (from its own lane's start); the first lane's on a tie. */
    private static void events(JsonGenerator json, List<RecordingLane> lanes) throws IOException {
        while (true) {
            RecordingLane next = null;
            for (RecordingLane lane : lanes) {
                if (lane.hasNext() && (next == null || lane.nextNanos() < next.nextNanos())) {
                    next = lane;
                }
            }
            if (next == null) {
                return;
            }
            next.writeNext(json);
        }
    }

    /** A comparison's line names its lane (after its t and type), its lane's start and sampling on its end. */
    private static Map<String, Object> named(Map<String, Object> event, boolean named, Lane sale) {
        if (!named) {
            return event;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", event.get("t"));
        out.put("type", event.get("type"));
        out.put("lane", sale.report().strategy());
        if ("end".equals(event.get("type"))) {
            out.put("started_at", sale.attempts().startEpochMs());
            out.put("sampled_every", sale.every());
        }
        event.forEach(out::putIfAbsent);
        return out;
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

    private static Map<String, Object> traceEvent(Trace trace) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("t", trace.steps().isEmpty() ? 0 : trace.steps().get(0).sentMs());
        event.put("type", "trace");
        event.put("trace", trace);
        return event;
    }

    private static Map<String, Object> end(Lane sale) {
        RunReport report = sale.report();
        List<Purchase> read = sale.purchases();
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("t", report.elapsedMs());
        end.put("type", "end");
        end.put("ended_by", report.endedBy());
        end.put("sold", report.sold());
        end.put("oversold", report.oversold());
        end.put("winners", report.winners());
        end.put("users_won", report.usersWon());
        end.put("attempts", report.attempts());
        end.put("recorded_attempts", sale.attempts().size());
        end.put("purchases", read == null ? 0 : read.size());
        end.put("purchases_read", read != null);
        end.put("polls", sale.polls().size());
        end.put("audit_ok", report.audit().ok());
        end.put("violations", report.audit().violations());
        end.put("error", report.error());
        end.put("exit_code", sale.exitCode());
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
