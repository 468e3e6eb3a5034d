package seckill.report;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.ProblemException;

/**
 * Reads a recording ({@link Recording}) back into memory, gzipped or not (told by its first bytes, not its name).
 * A file that is not a recording, one cut short (a partial last line, a truncated gzip stream, no {@code end}
 * event) or one of a newer major version is refused as a {@link ProblemException} naming the cause: a replay
 * never shows half a sale as if it were whole.
 */
public final class RecordingReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() { };

    private RecordingReader() {
    }

    /** @throws ProblemException when the file cannot be read, or is not a whole recording this lab reads */
    public static Recording read(Path file) {
        String name = file.toString();
        long[] read = {0};
        try (LastByte in = new LastByte(open(file));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            if (first == null) {
                throw refused(Kind.RECORDING_NOT_A_RECORDING, name);
            }
            Recording.Header header = header(name, first, in.whole(lines));
            List<Recording.Event> events = new ArrayList<>();
            read[0] = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!in.whole(lines)) {
                    throw refused(Kind.RECORDING_CUT_SHORT, name, read[0]);
                }
                Recording.Event event = event(name, ++read[0], line);
                if (event != null) {
                    events.add(event);
                }
            }
            if (events.isEmpty() || !(events.get(events.size() - 1) instanceof Recording.End)) {
                throw refused(Kind.RECORDING_NO_END, name, read[0]);
            }
            return new Recording(header, events);
        } catch (EOFException e) {
            // a gzip stream that stops before its end
            throw refused(Kind.RECORDING_CUT_SHORT, name, read[0]);
        } catch (ZipException e) {
            throw refused(Kind.RECORDING_UNREADABLE, name, "damaged gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw refused(Kind.RECORDING_UNREADABLE, name, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Recording.Header header(String name, String line, boolean whole) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw whole ? refused(Kind.RECORDING_NOT_JSON, name) : refused(Kind.RECORDING_CUT_SHORT, name, 0);
        }
        if (json == null || !json.isObject() || !Recording.FORMAT.equals(json.path("format").asText())
                || !json.path("version").canConvertToInt()) {
            throw refused(Kind.RECORDING_NOT_A_RECORDING, name);
        }
        int version = json.get("version").asInt();
        if (version > Recording.VERSION) {
            throw refused(Kind.RECORDING_NEWER, name, version, Recording.VERSION);
        }
        if (!whole) {
            throw refused(Kind.RECORDING_CUT_SHORT, name, 0);
        }
        JsonNode sampled = json.path("sampled");
        List<String> lanes = new ArrayList<>();
        json.path("lanes").forEach(lane -> lanes.add(lane.asText()));
        return new Recording.Header(version, MAPPER.convertValue(json.path("settings"), FIELDS),
                json.path("started_at").asLong(), json.path("clock").asText(),
                sampled.isObject() ? sampled.path("every").asInt(1) : 1, lanes, json.path("mode").textValue());
    }

    /** The event on that line, or null for a type this reader does not know. */
    private static Recording.Event event(String name, long number, String line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw refused(Kind.RECORDING_BAD_LINE, name, number);
        }
        if (json == null || !json.isObject() || !json.path("type").isTextual() || !json.path("t").isNumber()) {
            throw refused(Kind.RECORDING_BAD_LINE, name, number);
        }
        double t = json.get("t").asDouble();
        Recording.Event event = switch (json.get("type").asText()) {
            case "attempt" -> new Recording.Attempt(t, json.path("user").asLong(), json.path("id").asText(),
                    json.path("n").asInt(), json.path("sent").asDouble(), json.path("answered").asDouble(),
                    json.path("outcome").asText());
            case "purchase" -> new Recording.Purchase(t, json.path("rank").asLong(), json.path("user").asText());
            case "poll" -> poll(t, json);
            case "trace" -> new Recording.TraceEvent(t, MAPPER.convertValue(json.path("trace"), FIELDS));
            case "end" -> new Recording.End(t, MAPPER.convertValue(json, FIELDS));
            // a kind of event added within this major version: skipped by a reader that does not know it
            default -> null;
        };
        // a comparison's lane; none in one sale's recording
        String lane = json.path("lane").textValue();
        return event == null || lane == null ? event : event.inLane(lane);
    }

    private static Recording.Poll poll(double t, JsonNode json) {
        boolean lost = json.path("lost").asBoolean(false);
        return new Recording.Poll(t, lost, json.path("stock").asLong(-1), json.path("sold").asLong(-1),
                json.path("left").asLong(-1), json.path("oversold").asLong(-1), json.path("winners").asLong(-1),
                json.path("ttl_ms").asLong(-1), json.path("attempts").asLong(-1), json.path("wins").asLong(-1),
                json.path("conflicts").asLong(-1), null);
    }

    private static ProblemException refused(Kind kind, Object... args) {
        return new ProblemException(Problem.of(kind, args));
    }

    /** Remembers the last byte read, to tell a last line that ends with a line break from one cut short. */
    private static final class LastByte extends FilterInputStream {
        private int last = -1;

        LastByte(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                last = buffer[offset + n - 1];
            }
            return n;
        }

        /**
         * True unless the line just read was the file's last and it did not end with a line break: only then is
         * the reader at the end with nothing buffered, and the last byte something else.
         */
        boolean whole(BufferedReader lines) throws IOException {
            lines.mark(1);
            boolean atEnd = lines.read() < 0;
            lines.reset();
            return !atEnd || last == '\n';
        }
    }
}
