package seckill.report;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import org.HdrHistogram.Histogram;

import seckill.metrics.JvmMemory;
import seckill.metrics.LatencyHistograms;
import seckill.report.MergedReport.Part;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * A run report read for {@code merge}, in one pass over its bytes however big the file is: a streaming parser keeps
 * the top-level fields a merge adds up and skips the rest (a long {@code trace}, say) without holding it, while the
 * same bytes go through SHA-256, so that a report given twice is known. Every refusal names the file, and the field
 * when one is at fault; a count must be a plain whole number from 0 to the largest long.
 */
public final class PartReader {
    /** The longest text kept from a report, in characters: a latency histogram is some kilobytes. */
    static final int MAX_TEXT = 4 << 20;
    /** The counts a merge adds up; the first two every run report has. */
    static final List<String> COUNTS = List.of("users", "attempts", "users_won", "users_lost", "users_unknown",
            "users_played", "conflicts", "errors", "elapsed_ms");
    private static final Problem COUNT_RANGE = Problem.of(Kind.RANGE, 0L, Long.MAX_VALUE);
    /** How much of a wrong value is quoted back. */
    private static final int QUOTED = 24;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private PartReader() {
    }

    /**
     * One file read.
     *
     * @param sha256  its bytes' SHA-256, in hex
     * @param part    what it contributes, or null when it is refused
     * @param refusal why it is refused, naming the file; null when it is not
     */
    public record Read(String file, String sha256, Part part, String refusal) {
    }

    /** @throws IOException when the file cannot be read at all (a refusal of its content is in the answer) */
    public static Read read(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                sha256)) {
            Part part = null;
            String refusal = null;
            try {
                part = parse(file, in);
            } catch (Refused e) {
                refusal = e.getMessage();
            } catch (OutOfMemoryError e) {
                refusal = file + " is too big to read with this JVM's heap (" + Math.round(JvmMemory.maxHeapMiB())
                        + " MiB; java -Xmx… gives it more)";
            }
            in.transferTo(OutputStream.nullOutputStream()); // the rest too: the digest is of every byte
            return new Read(file.toString(), HexFormat.of().formatHex(sha256.digest()), part, refusal);
        }
    }

    /** A report's content refused: the message names the file. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static Part parse(Path file, InputStream in) throws IOException, Refused {
        try (JsonParser p = JSON.createParser(in)) {
            try {
                return fields(file, p);
            } catch (JsonProcessingException e) {
                throw new Refused(notJson(file, p, e));
            }
        }
    }

    private static Part fields(Path file, JsonParser p) throws IOException, Refused {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new Refused(file + (first == null ? " is empty, so" : " is") + " not a run report (run --report "
                    + "FILE writes one)");
        }
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        boolean embedded = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (COUNTS.contains(name)) {
                counts.put(name, count(file, name, p, value));
            } else if (List.of("strategy", "prefix", "run_id", "latency_histogram").contains(name)) {
                texts.put(name, text(file, name, p, value));
            } else if (name.equals("redis") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    JsonToken v = p.nextToken();
                    if (inner.equals("url")) {
                        texts.put("redis.url", text(file, "redis.url", p, v));
                    } else if (inner.equals("embedded")) {
                        embedded = v == JsonToken.VALUE_TRUE;
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren(); // a trace of a million buyers goes by without being held
            }
        }
        if (p.nextToken() != null) {
            throw new Refused(file + " holds more after its report's closing brace (two reports in one file?): "
                    + "merge each report once, as run --report wrote it");
        }
        if (!counts.containsKey("users") || !counts.containsKey("attempts")) {
            throw new Refused(file + " is not a run report (run --report FILE writes one)");
        }
        String encoded = texts.get("latency_histogram");
        if (encoded == null) {
            throw new Refused(file + " has no latency_histogram (a report of a comparison, or of an older version): "
                    + "its percentiles cannot be merged exactly");
        }
        Histogram histogram;
        try {
            histogram = LatencyHistograms.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Refused(file + ": latency_histogram is " + e.getMessage());
        }
        return new Part(file.toString(), texts.get("run_id"), texts.getOrDefault("strategy", ""),
                texts.getOrDefault("prefix", ""), texts.get("redis.url"), embedded, counts.get("users"),
                counts.getOrDefault("users_won", 0L), counts.getOrDefault("users_lost", 0L),
                counts.getOrDefault("users_unknown", 0L), counts.getOrDefault("users_played", 0L),
                counts.get("attempts"), counts.getOrDefault("conflicts", 0L), counts.getOrDefault("errors", 0L),
                counts.getOrDefault("elapsed_ms", 0L), histogram);
    }

    /** A count: a JSON integer from 0 to the largest long, nothing else (no "12", no 1.5, no -3, no 1e30). */
    private static long count(Path file, String name, JsonParser p, JsonToken value) throws IOException, Refused {
        Problem why;
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long v = p.getLongValue();
            if (v >= 0) {
                return v;
            }
            why = Problem.of(Kind.NUMBER_NEGATIVE, COUNT_RANGE);
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
            why = p.getBigIntegerValue().signum() < 0 ? Problem.of(Kind.NUMBER_NEGATIVE, COUNT_RANGE)
                    : Problem.of(Kind.NUMBER_ABSURD, COUNT_RANGE, Long.MAX_VALUE);
        } else {
            why = Problem.of(Kind.NUMBER_MALFORMED, COUNT_RANGE, shown(p, value));
        }
        throw new Refused(file + ": " + name + " " + why.english());
    }

    /** A text, or null for JSON's null. */
    private static String text(Path file, String name, JsonParser p, JsonToken value) throws IOException, Refused {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Refused(file + ": " + name + " must be a text in quotes (got " + shown(p, value) + ")");
    }

    /** A wrong value as a person recognises it, shortened; an object or a list is skipped, not shown. */
    private static String shown(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            p.skipChildren();
            return value == JsonToken.START_OBJECT ? "{…}" : "[…]";
        }
        String text = p.getText();
        String cut = text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
        return value == JsonToken.VALUE_STRING ? "\"" + cut + "\"" : cut;
    }

    /** What is wrong with the JSON, and where: a line and column, a text too long, a file cut short. */
    private static String notJson(Path file, JsonParser p, JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof StreamConstraintsException) {
            String path = p.getParsingContext().pathAsPointer().toString();
            return file + ": " + (path.length() > QUOTED ? path.substring(0, QUOTED) + "…" : path)
                    + " is beyond what a run report holds ("
                    + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + ")" + where;
        }
        if (e instanceof JsonEOFException) {
            return file + " ends before its JSON does (cut short?)" + where + ", so it is not a whole run report";
        }
        return file + " is not JSON" + where + " (" + e.getOriginalMessage().lines().findFirst().orElse("")
                + "), so not a run report (run --report FILE writes one)";
    }
}
