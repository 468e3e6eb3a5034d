package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;

class CliTest {
    private final List<String> prefixes = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void deleteOwnKeys() {
        prefixes.forEach(TestRedis::reset);
    }

    private int run(String... args) {
        return SeckillCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private String prefix() {
        String p = TestRedis.prefix("cli");
        prefixes.add(p);
        return p;
    }

    @ParameterizedTest(name = "{0} --help")
    @CsvSource({"run", "ui", "status", "audit", "reset", "bench", "merge"})
    void everyHelpPageListsTheExitCodes(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").containsPattern("(?m)^  3 +the audit found a violation$")
                .containsPattern("(?m)^  4 +Redis unreachable, refused or lost$");
    }

    @Test
    void aSaleInBucketsIsReadAuditedAndResetAsTheBucketsItRecorded(@TempDir Path dir) throws Exception {
        String prefix = prefix();
        Path report = dir.resolve("r.json");
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--buckets", "3", "--stock", "31",
                "--users", "200", "--strategy", "lua", "--report", report.toString())).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("buckets").asInt()).isEqualTo(3);
        assertThat(json.get("bucket_levels")).hasSize(3);
        // one server: no master to name
        assertThat(json.get("bucket_masters")).isEmpty();
        assertThat(out.toString()).doesNotContain("Masters");
        long levels = 0;
        for (JsonNode level : json.get("bucket_levels")) {
            levels += level.get("sold").asLong();
        }
        assertThat(json.get("sold").asLong()).isEqualTo(levels).isEqualTo(31);
        // a joined run without --buckets keeps the sale's three: its users go where they went
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--join", "--users", "20",
                "--strategy", "lua")).as(err.toString()).isZero();
        // no --buckets: the number the sale recorded
        out.getBuffer().setLength(0);
        assertThat(run("status", "--redis", TestRedis.url(), "--prefix", prefix)).isZero();
        assertThat(out.toString()).contains("Sold        31 / 31").contains("Buckets     3: 11/11, 10/10, 10/10")
                .doesNotContain("Masters");
        out.getBuffer().setLength(0);
        assertThat(run("audit", "--redis", TestRedis.url(), "--prefix", prefix)).isZero();
        assertThat(out.toString()).contains("and 2 more bucket(s)").contains("✔");
        assertThat(run("reset", "--redis", TestRedis.url(), "--prefix", prefix)).isZero();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            for (SaleKeys bucket : new SaleKeys(prefix).buckets(3)) {
                assertThat(jedis.exists(bucket.all().toArray(String[]::new))).isZero();
            }
            assertThat(jedis.exists(new SaleKeys(prefix).meta())).isFalse();
        }
    }

    @Test
    void aJoinedRunReportsTheSalesOwnStock_notTheStockOptionsDefault(@TempDir Path dir) throws Exception {
        String prefix = prefix();
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--stock", "300", "--users", "100",
                "--strategy", "lua")).isZero();
        out.getBuffer().setLength(0);
        Path report = dir.resolve("joined.json");
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--join", "--users", "100",
                "--strategy", "lua", "--report", report.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sold        200 / 300").doesNotContain("/ 50 ");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("stock").asLong()).isEqualTo(300);
        assertThat(json.get("remaining_stock").asLong()).isEqualTo(100);
    }

    @Test
    void runWithTheTutorialsDefaultsPrintsACorrectSummaryAndReport(@TempDir Path dir) throws Exception {
        String prefix = prefix();
        Path report = dir.resolve("out/report.json");
        int code = run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--report", report.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sold").contains("/ 50").contains("Users       1,000:")
                .contains("users/s").contains("p99").contains("Audit       ✔ nothing oversold, nobody won twice");

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (String field : List.of("strategy", "stock", "users", "pool", "duration_s", "retries", "sold", "winners",
                "unique_winners", "oversold", "remaining_stock", "users_won", "users_lost", "attempts", "conflicts",
                "errors", "elapsed_ms", "users_per_s", "attempts_per_s", "latency_ms", "ended_by", "audit",
                "redis")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("strategy").asText()).isEqualTo("watch");
        assertThat(json.get("stock").asLong()).isEqualTo(50);
        assertThat(json.get("users").asLong()).isEqualTo(1000);
        assertThat(json.get("pool").asInt()).isEqualTo(200);
        assertThat(json.get("sold").asLong()).isLessThanOrEqualTo(50).isEqualTo(json.get("winners").asLong());
        assertThat(json.get("oversold").asLong()).isZero();
        assertThat(json.get("latency_ms").has("p99")).isTrue();
        assertThat(json.get("audit").get("ok").asBoolean()).isTrue();
        assertThat(json.get("ended_by").asText()).isIn("sold_out", "all_users_done");
    }

    @Test
    void fairnessAndUnsoldStockAreInTheSummaryAndTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("fair.json");
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix(), "--strategy", "lua", "--stock", "10",
                "--users", "40", "--pool", "1", "--spread-ms", "40", "--report", report.toString())).isZero();
        assertThat(out.toString()).contains("Fairness    1.000: of the first 10 users to arrive, 100.0% won")
                .doesNotContain("Unsold");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("fairness").asDouble()).isEqualTo(1.0);
        assertThat(json.get("fairness_first_arrivals").asLong()).isEqualTo(10);
        assertThat(json.get("unsold_stock").asLong()).isZero();
        assertThat(json.get("sold_out_ms").asLong()).isNotNegative();
    }

    @Test
    void aTraceIsPrinted_andWrittenInTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("trace.json");
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix(), "--stock", "20", "--users", "200",
                "--pool", "20", "--retries", "1", "--trace", "4", "--seed", "3", "--report", report.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Trace       4 buyers sampled from the seed").contains("→ WATCH kill_flag")
                .contains("← OK | 1) \"1\"");
        JsonNode trace = new ObjectMapper().readTree(report.toFile()).get("trace");
        assertThat(trace.size()).isBetween(1, 4);
        JsonNode step = trace.get(0).get("steps").get(0);
        assertThat(trace.get(0).get("user_id").asText()).startsWith("u");
        assertThat(step.get("sent").get(0).asText()).startsWith("WATCH ");
        assertThat(step.has("sent_ms")).isTrue();
        assertThat(step.has("answered_ms")).isTrue();
        assertThat(step.get("replies").get(0).asText()).isEqualTo("OK");
    }

    @Nested
    @DisplayName("--compare")
    class Compare {
        private final String prefix = prefix();

        @AfterEach
        void deleteEachStrategysKeys() {
            for (StrategyKind kind : StrategyKind.values()) {
                TestRedis.reset(Comparison.saleKeys(prefix, kind).prefix());
            }
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"at once (the default), raced at once on one Redis",
            "--one-at-a-time, 'one at a time, in the order listed'"})
        void printsATable_exits0WhenTheSafeAuditsHold_andWritesOneReport(String mode, String heading,
                                                                           @TempDir Path dir) throws Exception {
            Path report = dir.resolve("compare.json");
            List<String> args = new ArrayList<>(List.of("run", "--redis", TestRedis.url(), "--prefix", prefix,
                    "--compare", "naive,watch,lua", "--stock", "10", "--users", "300", "--pool", "100",
                    "--naive-gap-ms", "20", "--report", report.toString()));
            if (mode.startsWith("--")) {
                args.add(mode);
            }
            assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
            assertThat(out.toString()).contains(heading).containsPattern("(?m)^ +naive +watch +lua$")
                    .contains("Stock left").contains("Unsold").contains("Sold out in").contains("Fairness")
                    .containsPattern("(?m)^Audit +expected: oversold \\d+ \\(the lesson\\) +✔ holds +✔ holds$");
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            assertThat(json.get("compare")).hasSize(3);
            assertThat(json.get("compare").get(0).get("prefix").asText()).isEqualTo(prefix + "naive:");
            assertThat(json.get("compare").get(2).get("audit").get("ok").asBoolean()).isTrue();

            out.getBuffer().setLength(0);
            assertThat(run("audit", "--redis", TestRedis.url(), "--prefix", prefix, "--compare", "naive,watch,lua"))
                    .isZero();
            assertThat(out.toString()).contains("expected: naive oversells on purpose");
            assertThat(run("status", "--redis", TestRedis.url(), "--prefix", prefix, "--compare", "watch,lua"))
                    .isZero();
            assertThat(out.toString()).contains("(prefix '" + prefix + "watch:')");
            assertThat(run("reset", "--redis", TestRedis.url(), "--prefix", prefix, "--compare", "naive,watch,lua"))
                    .isZero();
            try (Jedis jedis = TestRedis.connection().borrow()) {
                for (String kind : List.of("naive", "watch", "lua")) {
                    for (String key : new SaleKeys(prefix + kind + ":").all()) {
                        assertThat(jedis.exists(key)).as(key).isFalse();
                    }
                }
            }
        }

        @Test
        void withStrategy_orWithoutAList_isRefused() {
            assertThat(run("run", "--compare", "watch,lua", "--strategy", "lua")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--compare and --strategy: choose one");
            assertThat(run("run", "--one-at-a-time")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--one-at-a-time goes with --compare");
            assertThat(run("reset", "--compare", "watch,watch")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--compare").contains("twice");
        }
    }

    @Test
    void naiveOversells_exits3_andSaysWhy() {
        int code = run("run", "--redis", TestRedis.url(), "--prefix", prefix(), "--strategy", "naive",
                "--stock", "10", "--users", "300", "--pool", "100", "--naive-gap-ms", "20");
        assertThat(code).isEqualTo(ExitCodes.AUDIT_FAILED);
        assertThat(out.toString()).contains("✘ oversold").contains("on purpose");
    }

    @Test
    void statusAuditAndResetWorkOnTheSaleRunLeft() throws Exception {
        String prefix = prefix();
        assertThat(run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--strategy", "lua", "--stock", "7",
                "--users", "20", "--pool", "4")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("status", "--redis", TestRedis.url(), "--prefix", prefix, "--json")).isZero();
        JsonNode status = new ObjectMapper().readTree(out.toString());
        assertThat(status.get("total").asLong()).isEqualTo(7);
        assertThat(status.get("sold").asLong()).isEqualTo(7);
        assertThat(status.get("winners").asLong()).isEqualTo(7);
        assertThat(status.get("open").asBoolean()).isTrue();
        assertThat(status.get("seconds_left").asLong()).isBetween(590L, 600L);

        assertThat(run("audit", "--redis", TestRedis.url(), "--prefix", prefix)).isZero();
        assertThat(run("reset", "--redis", TestRedis.url(), "--prefix", prefix)).isZero();
        assertThat(out.toString()).contains("Deleted 8 key(s)");
        assertThat(run("audit", "--redis", TestRedis.url(), "--prefix", prefix)).isEqualTo(ExitCodes.AUDIT_FAILED);
        assertThat(out.toString()).contains("no sale");
    }

    @Nested
    @DisplayName("bad arguments exit 2 and name the option and its range")
    class BadArguments {
        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', value = {
            "--stock|0|--stock|from 1 to 100,000,000",
            "--stock|abc|--stock|from 1 to 100,000,000",
            "--users|-5|--users|from 1 to 100,000,000",
            "--pool|5000|--pool|from 1 to 2,000",
            "--duration|0|--duration|from 1 to 604,800",
            "--retries|1001|--retries|from 0 to 1,000",
            "--spread-ms|-1|--spread-ms|from 0 to 3,600,000",
            "--strategy|pessimistic|--strategy|watch, lua, decr, naive",
            "--redis-timeout|0|--redis-timeout|from 1 to 300",
            "--users|99999999999999999999999|--users|from 1 to 100,000,000",
        })
        void namesTheOptionAndTheRange(String option, String value, String named, String range) {
            int code = run("run", option, value);
            assertThat(code).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains(named).contains(range).doesNotContain("\tat ");
        }

        @Test
        void aMalformedUrlIsABadArgument() {
            int code = run("run", "--redis", "http://user:hunter2@localhost:6379");
            assertThat(code).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("redis://").doesNotContain("hunter2").doesNotContain("\tat ");
        }

        @Test
        void anUnknownOptionIsABadArgument() {
            assertThat(run("run", "--stok", "5")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--stok");
        }
    }

    @Test
    void anUnreachableRedisExits4WithOneLineAndNoStackTrace() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int code = run("run", "--redis", "redis://u:hunter2@127.0.0.1:" + closed, "--prefix", prefix());
        assertThat(code).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("unreachable")
                .contains("127.0.0.1:" + closed).doesNotContain("hunter2");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void embeddedRunsASaleOnItsOwnServer(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("r.json");
        int code = run("run", "--embedded", "--strategy", "decr", "--stock", "5", "--users", "50", "--pool", "8",
                "--report", report.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("embedded redis-server");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.get("redis").get("embedded").asBoolean()).isTrue();
        assertThat(json.get("sold").asLong()).isEqualTo(5);
    }
}
