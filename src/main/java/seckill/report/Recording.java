package seckill.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded sale ({@code run --record}), read back by {@link RecordingReader}: the header, then the events in the
 * file's order. Every {@code t} is in ms since the buyers were let in ({@link Header#startedAt()}); see
 * {@link Header#clock()} for which clock timed what.
 *
 * @param header the file's first line
 * @param events every line after it, the {@link End} last
 */
public record Recording(Header header, List<Event> events) {
    /** The header's {@code format}. */
    public static final String FORMAT = "seckill-lab-recording";
    /** The major version written; a reader refuses a newer one. */
    public static final int VERSION = 1;

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
     */
    public record Header(int version, Map<String, Object> settings, long startedAt, String clock, int sampledEvery,
                         List<String> lanes) {
        public Header {
            // the settings keep their order, and may hold nulls
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            lanes = List.copyOf(lanes);
        }
    }

    /** One line after the header. */
    public sealed interface Event permits Attempt, Purchase, TraceEvent, End {
        /** Ms since the buyers were let in. */
        double t();
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
    public record Attempt(double t, long user, String id, int n, double sent, double answered, String outcome)
            implements Event {
    }

    /** One item sold, as Redis recorded it: {@code rank} from 1 in kill_user's order, {@code t} from kill_time. */
    public record Purchase(double t, long rank, String user) implements Event {
    }

    /** A traced buyer ({@code --trace}), as the run report writes it; {@code t} is its first round trip's. */
    public record TraceEvent(double t, Map<String, Object> trace) implements Event {
    }

    /** The verdict, last: {@code ended_by}, {@code sold}, {@code oversold}, {@code audit_ok}, {@code exit_code}, … */
    public record End(double t, Map<String, Object> fields) implements Event {
    }

    public List<Attempt> attempts() {
        return events.stream().filter(Attempt.class::isInstance).map(Attempt.class::cast).toList();
    }

    public List<Purchase> purchases() {
        return events.stream().filter(Purchase.class::isInstance).map(Purchase.class::cast).toList();
    }

    public List<TraceEvent> traces() {
        return events.stream().filter(TraceEvent.class::isInstance).map(TraceEvent.class::cast).toList();
    }

    /** The last event: a recording read back always has one. */
    public End end() {
        return (End) events.get(events.size() - 1);
    }

    /**
     * The run's JSON report as it was written after the sale, or null when the recording holds none (one made
     * before recordings kept it).
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
}
