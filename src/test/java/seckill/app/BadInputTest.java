package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import seckill.metrics.LatencyHistograms;
import seckill.redis.TestRedis;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;

@Tag("faults")
@DisplayName("Bad input on the command line: exit 2 naming the option, never a stack trace")
class BadInputTest {
    private static final List<String> ALL_COMMANDS = List.of("run", "ui", "status", "audit", "reset");
    private static final List<String> SALE_COMMANDS = List.of("run", "ui");
    private static final String PASSWORD = "hunter2-secret";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        // ui is the window's command; with bad arguments it never gets as far as opening one
        return SeckillCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private void assertRefused(int code, String option, String allowed) {
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(option).contains(allowed).doesNotContain("\tat ")
                .doesNotContain("Exception").doesNotContain(PASSWORD);
    }

    static Stream<Arguments> badNumbers() {
        List<Arguments> cases = new ArrayList<>();
        for (ConfigField field : ConfigField.values()) {
            List<String> bad = new ArrayList<>(List.of("", "  ", "abc", "1.5", "0x10", "1e3", "12abc",
                    "99999999999999999999999", "-99999999999999999999999"));
            if (field.min() > Long.MIN_VALUE) {
                bad.add(Long.toString(field.min() - 1));
            }
            if (field.max() < Long.MAX_VALUE) {
                bad.add(Long.toString(field.max() + 1));
                bad.add(Long.toString(field.max() * 1000));
            }
            List<String> commands = field == ConfigField.REDIS_TIMEOUT ? ALL_COMMANDS : SALE_COMMANDS;
            for (String command : commands) {
                for (String value : bad) {
                    cases.add(Arguments.of(command, field, value));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @MethodSource("badNumbers")
    void everyNumberOutOfItsRangeIsRefusedWithTheRange(String command, ConfigField field, String value) {
        String allowed = field == ConfigField.SEED ? "from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : field.rangeText();
        assertRefused(run(command, field.option(), value), field.option(), allowed);
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @CsvSource(delimiter = '|', value = {"run|--pool|1,5", "ui|--pool|1,5", "bench|--pool|1,5", "run|--users|1__000",
        "run|--stock|1,00", "bench|--users|2,0000", "ui|--stock|,100", "run|--stock|100,"})
    void aNumberWithMalformedDigitGroupsIsRefused_neverReadAsAnotherNumber(String command, String option,
                                                                           String value) {
        assertRefused(run(command, option, value), option, "a whole number from");
    }

    @ParameterizedTest(name = "{0} a value with a newline")
    @ValueSource(strings = {"run", "ui"})
    void aValueWithANewlineGivesAOneLineMessage(String command) {
        int code = run(command, "--stock", "5\n0");
        assertRefused(code, "--stock", "5\\n0");
        assertThat(err.toString().strip().lines()).hasSize(2).first().asString().startsWith("error: ");
        run(command, "--strategy", "wat\nch");
        assertThat(err.toString()).contains("wat\\nch");
    }

    @ParameterizedTest(name = "run --buckets 4 --prefix ''{0}'' on one server")
    @ValueSource(strings = {"", "shop:"})
    void bucketsUnderAPrefixWithoutAHashTagAreRefused_aMissingPrefixOnceTheServerIsKnown(String prefix) {
        // without --prefix a cluster's sale is {seckill}:, tagged; one server's has no prefix to number
        assertRefused(run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--buckets", "4", "--users", "10"),
                "--buckets", "hash tag");
        assertThat(err.toString()).contains("--prefix '{" + (prefix.isEmpty() ? "sale" : "shop") + "}:'");
    }

    @Test
    void watchingAndStartingAtOnceIsRefused() {
        assertRefused(run("ui", "--watch", "--autostart"), "--watch", "--autostart");
    }

    @Test
    void theDashboardTakesBucketsUpTo1024_andRefusesMoreNamingTheFieldAndItsRange() {
        assertRefused(run("ui", "--buckets", "2000", "--prefix", "{sale}:"), "--buckets", "from 1 to 1,024");
        assertThat(err.toString()).contains("(got 2000)");
    }

    @ParameterizedTest(name = "ui {0}")
    @CsvSource(delimiter = '|', value = {"--buckets 8 --prefix shop:|--prefix '{shop}:'",
        "--buckets 8 --prefix {s}: --stock 5|at most --stock (5)", "--buckets 8 --prefix {s}: --trace 2|--trace"})
    void theDashboardRefusesBucketsItCouldNotRun_beforeAnyWindowOpens(String args, String why) {
        assertRefused(run(("ui " + args).split(" ")), "--buckets", why);
    }

    @Test
    void benchRefusesANegativePollerWinnerCount() {
        assertRefused(run("bench", "--poller-winners", "-1"), "--poller-winners", "from 0 to 100,000,000");
    }

    @ParameterizedTest(name = "{0} --stock without a value")
    @ValueSource(strings = {"run", "ui"})
    void anOptionWithoutItsValueIsRefused(String command) {
        assertRefused(run(command, "--stock"), "--stock", "Missing required parameter");
    }

    @ParameterizedTest(name = "run --start-at ''{0}''")
    @ValueSource(strings = {"tomorrow", "2026-13-01T00:00:00Z", "12:00", "99999999999999", "-5"})
    void aStartThatIsNoTimeOrTooFarAheadIsRefused(String value) {
        assertRefused(run("run", "--start-at", value), "--start-at", "ISO-8601 instant");
    }

    @Test
    void aStartLongPastInSecondsOrAfterTheSaleClosesIsRefusedBeforeAnySale() {
        long nowS = java.time.Instant.now().getEpochSecond();
        assertRefused(run("run", "--start-at", "0"), "--start-at", "more than ten minutes ago");
        assertRefused(run("run", "--start-at", java.time.Instant.now().minus(java.time.Duration.ofDays(400))
                .toString()), "--start-at", "more than ten minutes ago");
        assertRefused(run("run", "--start-at", Long.toString(nowS)), "--start-at", "epoch seconds? --start-at takes "
                + "milliseconds (" + nowS + "000)");
        String inFour = java.time.Instant.now().plusSeconds(4).toString();
        assertRefused(run("run", "--duration", "2", "--start-at", inFour), "--start-at", "after the sale closes");
    }

    @Test
    void mergeRefusesTheSameReportTwice(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"strategy\": \"watch\", \"users_won\": 2000}");
        Path copy = Files.copy(a, dir.resolve("copy.json"));
        assertRefused(run("merge", a.toString(), a.toString()), "REPORT", a + " and " + a + " are the same report");
        assertRefused(run("merge", a.toString(), copy.toString()), "REPORT", a + " and " + copy
                + " are the same report");
    }

    /** A small run report's JSON with {@code field} set to {@code raw}, JSON as it is written. */
    private static String reportWith(String field, String raw) {
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("strategy", "\"lua\"");
        fields.put("prefix", "\"merge-bad:\"");
        for (String count : List.of("users", "attempts", "users_won", "users_lost", "users_played", "elapsed_ms")) {
            fields.put(count, "10");
        }
        fields.put("latency_histogram", "\"" + LatencyHistograms.encode(h) + "\"");
        fields.put("redis", "{\"url\": \"redis://127.0.0.1:1\", \"embedded\": false}");
        fields.put(field, raw);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(v));
        return json.append("}\n").toString();
    }

    @ParameterizedTest(name = "merge a report whose {0} is {1}")
    @CsvSource(delimiter = '|', value = {"users|-1", "users|'\"12\"'", "users|{\"n\": 12}", "users|[12]",
        "users|1.5", "users|1e3", "users|99999999999999999999", "users|-99999999999999999999", "users|true",
        "users|null", "attempts|-5", "users_won|\"3\"", "users_lost|-1", "users_played|2.0", "conflicts|{}",
        "errors|-2", "elapsed_ms|\"5000\"", "users_unknown|9223372036854775808"})
    void mergeRefusesACountThatIsNoPlainWholeNumber_namingTheFileAndTheField(String field, String raw,
                                                                            @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), reportWith(field, raw));
        assertRefused(run("merge", file.toString()), "REPORT", file + ": " + field + " ");
        assertThat(err.toString()).contains("from 0 to 9,223,372,036,854,775,807");
    }

    @Test
    void mergeRefusesCountsThatAddUpBeyondALong(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), reportWith("users", Long.toString(Long.MAX_VALUE)));
        Path b = Files.writeString(dir.resolve("b.json"), reportWith("users", "1"));
        assertRefused(run("merge", a.toString(), b.toString()), "REPORT", "users of [" + a + ", " + b + "] add up to "
                + "more than 9,223,372,036,854,775,807");
    }

    @Test
    void mergeRefusesTwoReportsOfOneRun_evenWithOtherBytes(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), reportWith("run_id", "\"g-1\""));
        // the same run's report, edited (or written again): other bytes, the same run
        Path edited = Files.writeString(dir.resolve("edited.json"), reportWith("run_id", "\"g-1\"")
                .replace("\"users\": 10", "\"users\": 11"));
        Path other = Files.writeString(dir.resolve("other.json"), reportWith("run_id", "\"g-2\""));
        assertRefused(run("merge", a.toString(), other.toString(), edited.toString()), "REPORT", a + " and "
                + edited + " are reports of the same run (the same run_id)");
    }

    @ParameterizedTest(name = "merge a report whose latency_histogram is {0}")
    @ValueSource(strings = {"\"abc\"", "\"\"", "\"SGlzdG9ncmFt\"", "12", "{}", "null"})
    void aHistogramThatCannotBeReadIsRefusedNamingItsFile(String raw, @TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), reportWith("run_id", "\"g-1\""));
        Path bad = Files.writeString(dir.resolve("bad.json"), reportWith("latency_histogram", raw));
        assertRefused(run("merge", good.toString(), bad.toString()), "REPORT", bad.toString());
        assertThat(err.toString()).contains("latency_histogram");
    }

    @ParameterizedTest(name = "merge a file that is {0}")
    @CsvSource(delimiter = '|', value = {"cut short|ends before its JSON does", "not JSON|is not JSON at line 1",
        "two reports|holds more after its report's closing brace"})
    void aFileThatIsNoWholeReportIsRefusedNamingIt(String what, String why, @TempDir Path dir) throws Exception {
        String report = reportWith("run_id", "\"g-1\"");
        String text = switch (what) {
            case "cut short" -> report.substring(0, report.length() / 2);
            case "not JSON" -> "users: 10\n";
            default -> report + report;
        };
        Path file = Files.writeString(dir.resolve("x.json"), text);
        assertRefused(run("merge", file.toString()), "REPORT", file + " " + why);
    }

    @Test
    void mergeRefusesAFileThatIsNoRunReport(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        assertRefused(run("merge", file.toString()), "REPORT", "is not a run report");
        assertRefused(run("merge", dir.resolve("missing.json").toString()), "REPORT", "cannot read");
    }

    @ParameterizedTest(name = "{0} --strategy ''{1}''")
    @MethodSource("badStrategies")
    void aWrongStrategyIsRefusedWithTheNames(String command, String value) {
        assertRefused(run(command, "--strategy", value), "--strategy", StrategyKind.allowedNames());
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @MethodSource("badEngines")
    void aWrongEngineIsRefusedWithTheNames(String command, String option, String value) {
        assertRefused(run(command, option, value), option, EngineKind.allowedNames());
    }

    @ParameterizedTest(name = "ui --lang ''{0}''")
    @ValueSource(strings = {"", "fr", "english", "zh-TW"})
    void aWrongLanguageIsRefusedWithTheNames(String value) {
        assertRefused(run("ui", "--lang", value), "--lang", "[EN, ZH]");
    }

    @ParameterizedTest(name = "ui --zoom ''{0}''")
    @ValueSource(strings = {"", "abc", "1.5", "49", "301", "-100", "99999999999", "150x"})
    void aZoomOutOfItsRangeIsRefusedWithTheRange(String value) {
        assertRefused(run("ui", "--zoom", value), "--zoom", "from 50 to 300");
    }

    static Stream<Arguments> badEngines() {
        return Stream.of(Arguments.of("run", "--engine"), Arguments.of("ui", "--engine"),
                Arguments.of("bench", "--engines")).flatMap(a -> Stream.of("", "virtual", "loops", "threads;loop")
                .map(v -> Arguments.of(a.get()[0], a.get()[1], v)));
    }

    static Stream<Arguments> badStrategies() {
        return SALE_COMMANDS.stream().flatMap(c -> Stream.of("", " ", "pessimistic", "watchx", "1", "lua,decr")
                .map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} --redis ''{1}''")
    @MethodSource("badUrls")
    void aMalformedUrlIsRefusedWithTheForm_neverEchoingThePassword(String command, String url) {
        assertRefused(run(command, "--redis", url), "--redis", "redis://");
    }

    static Stream<Arguments> badUrls() {
        return ALL_COMMANDS.stream().flatMap(c -> Stream.of("", "   ", "localhost:6379", "127.0.0.1",
                        "http://u:" + PASSWORD + "@h:1", "redis://", "redis://h:0", "redis://h:99999",
                        "redis://u:" + PASSWORD + "@h:abc", "redis://h:1/x", "redis:// h",
                        "redis://u:" + PASSWORD + "@h:1/99999999999999999999", "redis://127.0.0.1:",
                        "redis://:" + PASSWORD + "@127.0.0.1:6379?db=1")
                .map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} {1} <a URL with a password>")
    @MethodSource("misnamedUrlOptions")
    void aUrlGivenToAWrongOptionIsRefusedWithItsPasswordMasked(String command, String option) {
        int code = run(command, option, "redis://:" + PASSWORD + "@127.0.0.1:6410");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(option).contains("redis://:***@127.0.0.1:6410")
                .doesNotContain(PASSWORD);
    }

    static Stream<Arguments> misnamedUrlOptions() {
        return ALL_COMMANDS.stream().flatMap(c -> Stream.of("--redis-url", "--url", "-r")
                .map(o -> Arguments.of(c, o)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFlags")
    void aSwitchGivenAValueIsRefused(String command, String flag) {
        assertRefused(run(command, flag + "=maybe"), flag, "maybe");
    }

    static Stream<Arguments> badFlags() {
        List<Arguments> cases = new ArrayList<>();
        ALL_COMMANDS.forEach(c -> cases.add(Arguments.of(c, "--embedded")));
        SALE_COMMANDS.forEach(c -> cases.add(Arguments.of(c, "--join")));
        cases.add(Arguments.of("status", "--json"));
        return cases.stream();
    }

    @Nested
    @DisplayName("files: --tls-ca and --report")
    class Files_ {
        @TempDir
        Path dir;

        @Test
        void aMissingEmptyOrNonCertificateCaFileIsRefused() throws Exception {
            Path notACertificate = Files.writeString(dir.resolve("not-a-cert.pem"), "hello");
            for (String command : ALL_COMMANDS) {
                for (String value : List.of("", dir.resolve("missing.pem").toString(), dir.toString(),
                        notACertificate.toString())) {
                    err.getBuffer().setLength(0);
                    assertRefused(run(command, "--tls-ca", value), "--tls-ca", "certificate");
                }
            }
        }

        @Test
        void aReportPathThatCannotBeAFileIsRefusedBeforeTheSaleStarts() throws Exception {
            Path aFile = Files.writeString(dir.resolve("plain-file"), "x");
            for (String command : SALE_COMMANDS) {
                for (String value : List.of("", " ", dir.toString(), aFile.resolve("report.json").toString())) {
                    err.getBuffer().setLength(0);
                    assertRefused(run(command, "--report", value), "--report", value.isBlank() ? "empty"
                            : value.equals(dir.toString()) ? "is a folder" : "is not a folder");
                }
            }
        }

        @Test
        void aDeviceAPipeALongNameOrAFolderThatTakesNoFilesIsRefusedBeforeTheSale() throws Exception {
            Path fifo = dir.resolve("pipe");
            Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                    "mkfifo is needed to make a pipe");
            // a run against a port where nothing listens: refused by the arguments, it never gets to connect
            String nowhere = "redis://127.0.0.1:1";
            for (String command : List.of("run", "ui")) {
                for (String value : List.of("/dev/null", fifo.toString(), dir.resolve("r".repeat(300) + ".json")
                        .toString(), "/proc/version/r.json")) {
                    err.getBuffer().setLength(0);
                    assertRefused(run(command, "--redis", nowhere, "--report", value), "--report",
                            value.startsWith("/proc") ? "is not a folder" : value.contains("rrrr") ? "longer than 255"
                            : "not a regular file");
                    assertThat(err.toString()).doesNotContain("unreachable");
                }
                Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "a Linux /sys");
                err.getBuffer().setLength(0);
                assertRefused(run(command, "--redis", nowhere, "--report", "/sys/kernel/r.json"), "--report",
                        "does not take files");
            }
            assertThat(Path.of("/dev/null")).as("still the device").exists()
                    .satisfies(p -> assertThat(Files.isRegularFile(p)).isFalse());
        }
    }

    @Nested
    @DisplayName("a Redis that is not there: exit 4, one line naming --redis")
    class Unreachable {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"run", "status", "audit", "reset"})
        void anUnknownHost(String command) {
            int code = run(command, "--redis", "redis://u:" + PASSWORD + "@no-such-host.invalid:6379");
            assertOneLine(code).contains("--redis").contains("unknown host 'no-such-host.invalid'");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"run", "status", "audit", "reset"})
        void aClosedPort(String command) throws Exception {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            int code = run(command, "--redis", "redis://:" + PASSWORD + "@127.0.0.1:" + closed);
            assertOneLine(code).contains("--redis").contains("127.0.0.1:" + closed).contains("connection refused");
        }

        private org.assertj.core.api.AbstractStringAssert<?> assertOneLine(int code) {
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertThat(out.toString()).isEmpty();
            return assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\n")
                    .doesNotContain("\tat ").doesNotContain(PASSWORD);
        }
    }

    @ParameterizedTest(name = "kill_meta records ''{0}'' buckets")
    @ValueSource(strings = {"abc", "0", "1025", "-3"})
    void aTamperedNumberOfBucketsIsNamedByStatusAuditAndReset_whichDeletesTheSaleAllTheSame(String recorded) {
        String prefix = "{" + TestRedis.prefix("tampered-meta").replace("{", "").replace("}", "") + "}:";
        String meta = new SaleKeys(prefix).meta();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            jedis.hset(meta, "buckets", recorded);
            String named = "records '" + recorded + "' buckets, but a sale has from 1 to 1,024";
            for (String command : new String[] {"status", "audit"}) {
                err.getBuffer().setLength(0);
                assertRefused(run(command, "--redis", TestRedis.url(), "--prefix", prefix), meta, named);
                assertThat(err.toString()).doesNotContain("For input string").doesNotContain("--buckets cannot");
            }
            // reset names it too, and deletes the sale all the same
            assertThat(run("reset", "--redis", TestRedis.url(), "--prefix", prefix)).isZero();
            assertThat(out.toString()).contains(meta).contains(named);
            assertThat(jedis.exists(meta)).isFalse();
        } finally {
            try (Jedis jedis = TestRedis.connection().borrow()) {
                jedis.del(meta);
            }
        }
    }

    @Nested
    @DisplayName("a sale whose keys have the wrong type")
    class WrongTypes {
        private final String prefix = TestRedis.prefix("wrong-type");
        private final SaleKeys keys = new SaleKeys(prefix);

        @AfterEach
        void deleteOwnKeys() {
            TestRedis.reset(prefix);
        }

        private void corrupt() {
            try (Jedis jedis = TestRedis.connection().borrow()) {
                new Sale(keys).open(jedis, 10, 600, StrategyKind.LUA);
                jedis.del(keys.user());
                jedis.set(keys.user(), "not a list");
            }
        }

        private String[] args(String command, String... more) {
            List<String> all = new ArrayList<>(List.of(command, "--redis", TestRedis.url(), "--prefix", prefix));
            all.addAll(List.of(more));
            return all.toArray(String[]::new);
        }

        @Test
        void joiningIsRefusedNamingTheKey() {
            corrupt();
            int code = run(args("run", "--join", "--users", "5", "--pool", "2"));
            assertThat(code).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString().strip()).contains(keys.user()).contains("is a string, but a sale needs a list")
                    .doesNotContain("\n").doesNotContain("\tat ");
        }

        @Test
        void statusIsRefusedNamingTheKey_andAuditFailsNamingIt() {
            corrupt();
            assertThat(run(args("status"))).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains(keys.user()).contains("'reset'").doesNotContain("\tat ");
            assertThat(run(args("status", "--json"))).isEqualTo(ExitCodes.USAGE);
            assertThat(run(args("audit"))).isEqualTo(ExitCodes.AUDIT_FAILED);
            assertThat(out.toString()).contains("✘ key " + keys.user() + " is a string");
            assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        }

        @Test
        void aCounterHoldingTextIsNamedToo() {
            try (Jedis jedis = TestRedis.connection().borrow()) {
                new Sale(keys).open(jedis, 10, 600, StrategyKind.LUA);
                jedis.set(keys.num(), "many");
            }
            assertThat(run(args("status"))).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains(keys.num()).contains("'many'");
            assertThat(run(args("audit"))).isEqualTo(ExitCodes.AUDIT_FAILED);
            assertThat(run(args("run", "--join", "--users", "5", "--pool", "2"))).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        void runReplacesTheSale_andResetDeletesIt() {
            corrupt();
            assertThat(run(args("run", "--stock", "3", "--users", "10", "--pool", "2", "--strategy", "lua")))
                    .as(err.toString()).isZero();
            assertThat(out.toString()).contains("✔ nothing oversold");
            assertThat(run(args("audit"))).isZero();

            corrupt();
            assertThat(run(args("reset"))).isZero();
            try (Jedis jedis = TestRedis.connection().borrow()) {
                assertThat(keys.all()).noneMatch(jedis::exists);
            }
        }
    }

    @Test
    void anEmptyOrVeryLongPrefixIsJustAPrefix() {
        assertThat(run("status", "--redis", TestRedis.url(), "--prefix", "x".repeat(10_000))).isZero();
        assertThat(out.toString()).contains("No sale under prefix");
        assertThat(run("audit", "--redis", TestRedis.url(), "--prefix", "y".repeat(10_000)))
                .isEqualTo(ExitCodes.AUDIT_FAILED);
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest(name = "ui --lesson ''{0}''")
    @ValueSource(strings = {"", "0", "5", "one", "1.5", "-1", "1,2"})
    void aLessonOtherThanOneToFourIsRefused(String value) {
        assertRefused(run("ui", "--lesson", value), "--lesson", "1, 2, 3, 4");
    }

    @Test
    void aLessonWithTheSaleOptionsItSetsIsRefused_namingThem() {
        assertRefused(run("ui", "--lesson", "2", "--stock", "500", "--engine", "threads", "--prefix", "l:"),
                "--lesson 2", "--stock, --engine");
        assertThat(err.toString()).doesNotContain("--prefix");
    }
}
