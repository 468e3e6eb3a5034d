package seckill.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import seckill.sim.Trace;

/**
 * A recorded sale ({@code run --record}), read back by {@link RecordingReader}: the header, then the events in the
 * file's order. Every {@code t} is in ms since the buyers were let in ({@link Header#startedAt()}); see
 * {@link Header#clock()} for which clock timed what. A comparison's recording holds every lane: each event names its
 * lane ({@link Event#lane()}), its {@code t} counted from that lane's own start, each lane has an end of its own, and
 * the comparison's end comes last ({@link #lane} reads one lane as a sale of its own).
 *
 * @param header the file's first line
 * @param events every line after it, the {@link End} last
 */
public record Recording(Header header, List<Event> events) {
    /** The header's {@code format}. */
    public static final String FORMAT = "seckill-lab-recording";
    /** The major version written; a reader refuses a newer one. */
    public static final int VERSION = 1;
    /** Reads a trace back from its report form: a trace's JSON carries its derived outcome too. */
    private static final ObjectMapper TRACES = RunReport.Json.MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Recording {
        events = List.copyOf(events);
    }

    /**
     * @param version      the format's major version
     * @param settings     the sale's settings, as the run report writes them
     * @param startedAt    when the buyers were let in, epoch ms on the recording machine's wall clock
     * @param clock        which clock timed what, in words
     * @param sampledEvery 1 when every user's attempts are there, else k: only the users whose index is a multiple
     * @param lanes        one per sale recorded (a strategy's name)
     * @param mode         a comparison's {@code at_once} or {@code one_at_a_time}; null for one sale
     */
    public record Header(int version, Map<String, Object> settings, long startedAt, String clock, int sampledEvery,
                         List<String> lanes, String mode) {
        public Header {
            // the settings keep their order, and may hold nulls
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            lanes = List.copyOf(lanes);
        }

        /** One sale's. */
        public Header(int version, Map<String, Object> settings, long startedAt, String clock, int sampledEvery,
                      List<String> lanes) {
            this(version, settings, startedAt, clock, sampledEvery, lanes, null);
        }
    }

    /** One line after the header. */
    public sealed interface Event permits Attempt, Purchase, Poll, TraceEvent, End {
        /** Ms since the buyers were let in (a comparison's: its lane's buyers). */
        double t();

        /** The comparison's lane (a strategy's name) it belongs to; null in one sale's recording. */
        String lane();

        /** The same event in that lane (null: in none). */
        Event inLane(String lane);
    }

    /**
     * One attempt of a user; {@code t} is when it was sent.
     *
     * @param user     the user's index, from 0
     * @param id       the user's id
     * @param n        its try, from 1
     * @param answered when the reply came, or -1 when it was lost
     * @param outcome  {@code won}, {@code won_stranded}, {@code already_won}, {@code conflict}, {@code sold_out},
     *                 {@code closed}, {@code lost} (no reply: a connection fault) or {@code error}
     */
    public record Attempt(double t, long user, String id, int n, double sent, double answered, String outcome,
                          String lane) implements Event {
        public Attempt(double t, long user, String id, int n, double sent, double answered, String outcome) {
            this(t, user, id, n, sent, answered, outcome, null);
        }

        @Override
        public Attempt inLane(String name) {
            return new Attempt(t, user, id, n, sent, answered, outcome, name);
        }
    }

    /** One item sold, as Redis recorded it: {@code rank} from 1 in kill_user's order, {@code t} from kill_time. */
    public record Purchase(double t, long rank, String user, String lane) implements Event {
        public Purchase(double t, long rank, String user) {
            this(t, rank, user, null);
        }

        @Override
        public Purchase inLane(String name) {
            return new Purchase(t, rank, user, name);
        }
    }

    /**
     * What one poll of the window read and drew: the sale in Redis and the local run's counters then.
     *
     * @param lost      Redis could not be read (the charts' outage band); the figures are then -1
     * @param left      stock left, as the tile shows it
     * @param ttlMs     the sale's flag's time to live, ms (-2: gone)
     * @param attempts  the run's attempts counted then; -1 with wins and conflicts when it had no counters
     */
    public record Poll(double t, boolean lost, long stock, long sold, long left, long oversold, long winners,
                       long ttlMs, long attempts, long wins, long conflicts, String lane) implements Event {
        @Override
        public Poll inLane(String name) {
            return new Poll(t, lost, stock, sold, left, oversold, winners, ttlMs, attempts, wins, conflicts, name);
        }
    }

    /** A traced buyer ({@code --trace}), as the run report writes it; {@code t} is its first round trip's. */
    public record TraceEvent(double t, Map<String, Object> trace, String lane) implements Event {
        public TraceEvent(double t, Map<String, Object> trace) {
            this(t, trace, null);
        }

        @Override
        public TraceEvent inLane(String name) {
            return new TraceEvent(t, trace, name);
        }

        /** The traced buyer as the run had it. */
        public Trace toTrace() {
            return TRACES.convertValue(trace, Trace.class);
        }
    }

    /**
     * The verdict, last: {@code ended_by}, {@code sold}, {@code oversold}, {@code audit_ok}, {@code exit_code}, …;
     * in a comparison, a lane's own verdict, or (lane null, last) the comparison's.
     */
    public record End(double t, Map<String, Object> fields, String lane) implements Event {
        public End(double t, Map<String, Object> fields) {
            this(t, fields, null);
        }

        @Override
        public End inLane(String name) {
            return new End(t, fields, name);
        }
    }

    public List<Attempt> attempts() {
        return of(Attempt.class);
    }

    public List<Purchase> purchases() {
        return of(Purchase.class);
    }

    public List<Poll> polls() {
        return of(Poll.class);
    }

    public List<TraceEvent> traces() {
        return of(TraceEvent.class);
    }

    private <E extends Event> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The last event: a recording read back always has one. */
    public End end() {
        return (End) events.get(events.size() - 1);
    }

    /** A comparison's recording: its lanes are {@link #lane}s. */
    public boolean isComparison() {
        return header.mode() != null;
    }

    /**
     * One lane of a comparison as a recording of its own sale: its settings, start and sampling from its end, its
     * events without the lane, its end last.
     *
     * @throws IllegalArgumentException when no lane has that name
     */
    public Recording lane(String name) {
        List<Event> mine = events.stream().filter(e -> name.equals(e.lane())).map(e -> e.inLane(null)).toList();
        if (mine.isEmpty() || !(mine.get(mine.size() - 1) instanceof End end)) {
            throw new IllegalArgumentException("no lane " + name + " in this recording");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (end.fields().get("report") instanceof Map<?, ?> report) {
            RecordingWriter.SETTINGS.forEach(field -> settings.put(field, report.get(field)));
        } else {
            settings.putAll(header.settings());
            settings.put("strategy", name);
        }
        long startedAt = end.fields().get("started_at") instanceof Number n ? n.longValue() : header.startedAt();
        int every = end.fields().get("sampled_every") instanceof Number n ? n.intValue() : header.sampledEvery();
        return new Recording(new Header(header.version(), settings, startedAt, header.clock(), every,
                List.of(name)), mine);
    }

    /**
     * The run's JSON report (a comparison's: the comparison's report) as it was written after the sale, or null when
     * the recording holds none (one made before recordings kept it).
     */
    public String reportJson() {
        Object report = end().fields().get("report");
        if (report == null) {
            return null;
        }
        try {
            return RunReport.Json.MAPPER.writeValueAsString(report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every trace of the sale (of every lane), in the file's order. */
    public List<Trace> tracedBuyers() {
        return traces().stream().map(TraceEvent::toTrace).filter(Objects::nonNull).toList();
    }
}
