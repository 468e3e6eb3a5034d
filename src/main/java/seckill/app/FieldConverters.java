package seckill.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import seckill.redis.RedisTarget;
import seckill.redis.RedisUrlException;
import seckill.redis.TlsTrust;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.SettingsRules;
import seckill.students.StudentsAddress;
import seckill.ui.common.PresentationModel;
import seckill.util.Problem;

/** Picocli converters; each number is read and checked by {@link SettingsRules}, as the form reads it. */
public final class FieldConverters {
    private FieldConverters() {
    }

    abstract static class Field implements ITypeConverter<Long> {
        private final ConfigField field;

        Field(ConfigField field) {
            this.field = field;
        }

        @Override
        public Long convert(String value) {
            SettingsRules.Parsed parsed = SettingsRules.parse(field, value);
            if (!parsed.ok()) {
                // picocli names the option itself: "Invalid value for option '--stock': must be …"
                throw new TypeConversionException(parsed.problem().english());
            }
            return parsed.value();
        }
    }

    public static final class Stock extends Field {
        public Stock() {
            super(ConfigField.STOCK);
        }
    }

    /** {@code --users}: 0 is read too, and refused later unless {@code --students} makes it a class's sale. */
    public static final class Users extends Field {
        public Users() {
            super(ConfigField.USERS);
        }

        @Override
        public Long convert(String value) {
            return value != null && value.strip().equals("0") ? 0L : super.convert(value);
        }
    }

    /** {@code --students [ADDR:]PORT}: the form and the port's range checked when parsed (a bad one exits 2). */
    public static final class Students implements ITypeConverter<StudentsAddress> {
        @Override
        public StudentsAddress convert(String value) {
            try {
                return StudentsAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    public static final class Pool extends Field {
        public Pool() {
            super(ConfigField.POOL);
        }
    }

    public static final class Duration extends Field {
        public Duration() {
            super(ConfigField.DURATION);
        }
    }

    public static final class Retries extends Field {
        public Retries() {
            super(ConfigField.RETRIES);
        }
    }

    public static final class SpreadMs extends Field {
        public SpreadMs() {
            super(ConfigField.SPREAD_MS);
        }
    }

    public static final class NaiveGapMs extends Field {
        public NaiveGapMs() {
            super(ConfigField.NAIVE_GAP_MS);
        }
    }

    public static final class RedisTimeout extends Field {
        public RedisTimeout() {
            super(ConfigField.REDIS_TIMEOUT);
        }
    }

    public static final class Pace extends Field {
        public Pace() {
            super(ConfigField.PACE);
        }
    }

    public static final class WaitReplicas extends Field {
        public WaitReplicas() {
            super(ConfigField.WAIT_REPLICAS);
        }
    }

    public static final class Trace extends Field {
        public Trace() {
            super(ConfigField.TRACE);
        }
    }

    public static final class Buckets extends Field {
        public Buckets() {
            super(ConfigField.BUCKETS);
        }
    }

    public static final class Seed extends Field {
        public Seed() {
            super(ConfigField.SEED);
        }
    }

    /** A word naming one of a few choices; a wrong one is told the names ("must be one of …"). */
    private abstract static class Named<E> implements ITypeConverter<E> {
        @Override
        public E convert(String value) {
            try {
                return find(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        abstract E find(String value);
    }

    public static final class EngineName extends Named<EngineKind> {
        @Override
        EngineKind find(String value) {
            return EngineKind.fromName(value);
        }
    }

    public static final class Strategy extends Named<StrategyKind> {
        @Override
        StrategyKind find(String value) {
            return StrategyKind.fromName(value);
        }
    }

    /** {@code --compare}: strategies by name, separated by commas, each once. */
    public static final class StrategyList implements ITypeConverter<CompareOptions.Lineup> {
        private static final String EXPECTED = "must list strategies separated by commas, each once, from "
                + StrategyKind.allowedNames() + ": ";

        @Override
        public CompareOptions.Lineup convert(String value) {
            List<StrategyKind> kinds = new ArrayList<>();
            for (String name : value.split(",", -1)) {
                try {
                    kinds.add(StrategyKind.fromName(name.strip()));
                } catch (IllegalArgumentException unknown) {
                    throw new TypeConversionException(EXPECTED + unknown.getMessage());
                }
            }
            Problem wrong = SettingsRules.lineupProblem(kinds);
            if (wrong != null) {
                throw new TypeConversionException(EXPECTED + wrong.english());
            }
            return new CompareOptions.Lineup(List.copyOf(kinds));
        }
    }

    /** {@code ui --zoom}: a whole percentage the window can be shown at. */
    public static final class Zoom implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String range = "from " + PresentationModel.MIN_ZOOM + " to " + PresentationModel.MAX_ZOOM;
            String text = value == null ? "" : value.strip();
            if (text.endsWith("%")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            int percent;
            try {
                percent = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a whole percentage " + range + ", not “"
                        + value.replace("\n", "\\n") + "”");
            }
            if (!PresentationModel.allowed(percent)) {
                throw new TypeConversionException("must be " + range + " (percent), not " + percent);
            }
            return percent;
        }
    }

    /**
     * {@code --redis}: checked when parsed, so a bad URL is a bad argument (exit 2) before anything starts. The
     * message never repeats the URL, which may hold a password.
     */
    public static final class RedisUrl implements ITypeConverter<String> {
        /** The problems whose English already shows the form a URL takes; the others are told it after. */
        private static final Set<Problem.Kind> SHOW_THE_FORM = EnumSet.of(Problem.Kind.URL_EMPTY,
                Problem.Kind.URL_MALFORMED, Problem.Kind.URL_SCHEME, Problem.Kind.URL_OPTIONS,
                Problem.Kind.URL_EMPTY_SEED, Problem.Kind.URL_NO_HOST);

        @Override
        public String convert(String value) {
            try {
                RedisTarget.parseSeeds(value);
                return value;
            } catch (RedisUrlException e) {
                Problem p = e.problem();
                throw new TypeConversionException(SHOW_THE_FORM.contains(p.kind()) ? p.english()
                        : p.english() + "; " + RedisTarget.FORM);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + "; " + RedisTarget.FORM);
            }
        }
    }

    /** {@code --tls-ca}: a readable PEM file holding at least one certificate. */
    public static final class TlsCa implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = path(value, "a PEM file holding the CA certificate to trust");
            try {
                TlsTrust.fromPem(file);
                return file;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * {@code --report}: a file that can be written, checked before the sale so that a whole run is not lost to a
     * typo at the end: not a folder, not a device or a pipe (which would be replaced), a name the file system takes,
     * in a folder that takes files (tried with a probe file there, which also catches /sys and read-only mounts).
     */
    /**
     * {@code --start-at}: an ISO-8601 instant ({@code 2026-11-30T15:30:00Z}, or with an offset) or epoch
     * milliseconds; from ten minutes ago (a process started a little late starts at once) to a day ahead, which
     * catches a mistyped date, and epoch seconds given for milliseconds (a time in January 1970).
     */
    public static final class StartAt implements ITypeConverter<Instant> {
        static final java.time.Duration MAX_AHEAD = java.time.Duration.ofDays(1);
        static final java.time.Duration MAX_BEHIND = java.time.Duration.ofMinutes(10);

        @Override
        public Instant convert(String value) {
            Instant at;
            try {
                at = value.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(value))
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time; expected an ISO-8601 instant "
                        + "(e.g. 2026-11-30T15:30:00Z) or epoch milliseconds, from ten minutes ago to a day ahead");
            }
            Instant now = Instant.now();
            if (at.isAfter(now.plus(MAX_AHEAD))) {
                throw new TypeConversionException("'" + value + "' is more than a day ahead; expected a time "
                        + "between ten minutes ago and a day from now (ISO-8601 instant or epoch milliseconds)");
            }
            if (at.isBefore(now.minus(MAX_BEHIND))) {
                boolean seconds = value.matches("\\d{1,15}") && Math.abs(Long.parseLong(value) - now.getEpochSecond())
                        < MAX_AHEAD.toSeconds();
                throw new TypeConversionException("'" + value + "' is " + (seconds ? "in January 1970: epoch "
                        + "seconds? --start-at takes milliseconds (" + value + "000)" : "more than ten minutes ago")
                        + "; expected a time between ten minutes ago and a day from now (ISO-8601 instant or epoch "
                        + "milliseconds)");
            }
            return at;
        }
    }

    public static final class ReportFile extends OutputFile {
        public ReportFile() {
            super("a file name for the JSON report");
        }
    }

    /** {@code run --record}: the recording of a sale, JSON lines ({@code .jsonl}, or gzipped {@code .jsonl.gz}). */
    public static final class RecordFile extends OutputFile {
        public RecordFile() {
            super("a file name for the recording (.jsonl or .jsonl.gz)");
        }
    }

    /** {@code ui --replay FILE --gif OUT}: the animation, a GIF. */
    public static final class GifFile extends OutputFile {
        public GifFile() {
            super("a file name for the animation (.gif)");
        }
    }

    /** A file to write, checked before anything is sold: a name, in a folder that takes files. */
    abstract static class OutputFile implements ITypeConverter<Path> {
        /** The longest file name most file systems take, in bytes. */
        private static final int MAX_NAME_BYTES = 255;
        private final String expected;

        OutputFile(String expected) {
            this.expected = expected;
        }

        @Override
        public Path convert(String value) {
            Path file = path(value, expected);
            if (Files.isDirectory(file)) {
                throw new TypeConversionException(value + " is a folder; expected " + expected);
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new TypeConversionException(value + " exists and is not a regular file (a device or a pipe "
                        + "is never replaced); expected " + expected);
            }
            Path name = file.getFileName();
            if (name != null && name.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new TypeConversionException("the file name is longer than " + MAX_NAME_BYTES + " bytes");
            }
            // the folders that do not exist yet are created; the nearest one that does must take files
            Path existing = file.toAbsolutePath().getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) {
                throw new TypeConversionException("cannot write " + value + ": " + existing + " is not a folder");
            }
            if (existing != null) {
                probe(value, existing);
            }
            return file;
        }

        private static void probe(String value, Path folder) {
            try {
                Files.delete(Files.createTempFile(folder, ".seckill-", ".probe"));
            } catch (IOException | SecurityException e) {
                String why = e instanceof AccessDeniedException || e instanceof SecurityException ? "permission denied"
                        : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                        : "it refused a new file";
                throw new TypeConversionException("cannot write " + value + ": " + folder + " does not take files ("
                        + why + ")");
            }
        }
    }

    private static Path path(String value, String expected) {
        if (value == null || value.isBlank()) {
            throw new TypeConversionException("is empty; expected " + expected);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a usable path (" + e.getReason()
                    + "); expected " + expected);
        }
    }
}
