package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.metrics.LatencyHistograms;
import seckill.metrics.LatencySummary;
import seckill.redis.RedisTarget;
import seckill.redis.TestRedis;
import seckill.sale.Sale;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

/** Several generators, each a JVM of its own, join one sale; their reports merge into one exact result. */
class MergeCommandTest {
    private final String prefix = TestRedis.prefix("merge");
    private final CliSession cli = new CliSession();

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new SaleBuckets(new SaleKeys(prefix), 4).reset(jedis);
        }
    }

    @Test
    void aSaleInBucketsIsReadBackBucketByBucket(@TempDir Path dir) throws Exception {
        assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--buckets", "4", "--strategy",
                "lua", "--stock", "60", "--users", "1")).as(cli.err()).isZero();
        List<String> merge = new ArrayList<>(List.of("merge", "--redis", TestRedis.url()));
        for (int g = 0; g < 2; g++) {
            Path report = dir.resolve("b" + g + ".json");
            // no --buckets: a joined run takes the four the sale recorded
            assertThat(cli.run("run", "--redis", TestRedis.url(), "--prefix", prefix, "--join", "--strategy", "lua",
                    "--users", "150", "--seed", Integer.toString(70 + g), "--report", report.toString()))
                    .as(cli.err()).isZero();
            merge.add(report.toString());
        }
        assertThat(cli.run(merge.toArray(String[]::new))).as(cli.out() + cli.err()).isZero();
        // the sale's own keys hold nothing: its four buckets hold the items, and the merge found them there
        assertThat(cli.out()).contains("Sold        60 / 60").contains("Users       300: 59 won");
    }

    @Test
    void twoProcessesJoinOneSale_andTheirMergedReportSumsThemAndReadsSoldFromRedis(@TempDir Path dir)
            throws Exception {
        SaleKeys keys = new SaleKeys(prefix);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new Sale(keys).open(jedis, 150, 600, StrategyKind.LUA);
        }
        String start = Long.toString(System.currentTimeMillis() + 1_500);
        List<Process> generators = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            Path report = dir.resolve("g" + g + ".json");
            reports.add(report);
            generators.add(CliProcess.start(dir.resolve("g" + g + ".out"), "run", "--redis", TestRedis.url(),
                    "--prefix", prefix, "--join", "--strategy", g == 0 ? "lua" : "watch", "--retries", "5", "--users",
                    "200", "--pool", "16", "--seed", Integer.toString(1_000 + g), "--start-at", start, "--report",
                    report.toString()));
        }
        for (int g = 0; g < generators.size(); g++) {
            Process p = generators.get(g);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("generator %d ended", g).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("g" + g + ".out"), StandardCharsets.UTF_8))
                    .isZero();
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(reports.get(0).toFile());
        JsonNode b = mapper.readTree(reports.get(1).toFile());
        Path merged = dir.resolve("merged.json");
        List<String> args = new ArrayList<>(List.of("merge", reports.get(0).toString(), reports.get(1).toString(),
                "--report", merged.toString()));
        if (TestRedis.url().contains("@")) {
            // a password is masked in the reports: the merge is told the URL
            args.addAll(List.of("--redis", TestRedis.url()));
        }

        int code = cli.run(args.toArray(String[]::new));

        assertThat(code).as(cli.out() + cli.err()).isZero();
        JsonNode m = mapper.readTree(merged.toFile());
        for (String field : List.of("users", "users_won", "users_lost", "attempts", "conflicts", "errors")) {
            assertThat(m.get(field).asLong()).as(field).isEqualTo(a.get(field).asLong() + b.get(field).asLong());
        }
        assertThat(m.get("users").asLong()).isEqualTo(400);
        Histogram both = LatencyHistograms.decode(a.get("latency_histogram").asText());
        both.add(LatencyHistograms.decode(b.get("latency_histogram").asText()));
        assertThat(both.getTotalCount()).isEqualTo(m.get("attempts").asLong());
        assertThat(m.get("latency_ms").get("p99").asDouble()).isEqualTo(LatencySummary.of(both).p99());
        try (Jedis jedis = TestRedis.connection().borrow()) {
            long sold = Long.parseLong(jedis.get(keys.num()));
            assertThat(m.get("sale").get("sold").asLong()).isEqualTo(sold).isEqualTo(150);
            // nobody else bought: every item went to a winner one of the two generators confirmed
            assertThat(m.get("users_won").asLong()).isEqualTo(sold);
            assertThat(jedis.llen(keys.user())).isEqualTo(sold);
        }
        assertThat(m.get("sale").get("audit").get("ok").asBoolean()).isTrue();
        assertThat(cli.out()).contains("merge of 2 reports").contains("Sold        150 / 150");
    }

    @Test
    void aMergeWhoseReportsHideThePasswordSaysRedisWasNotRead(@TempDir Path dir) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        Path report = dir.resolve("r.json");
        mapper.writeValue(report.toFile(), mapper.createObjectNode().put("strategy", "lua").put("prefix", prefix)
                .put("users", 10).put("attempts", 10).put("users_won", 1)
                .put("latency_histogram", LatencyHistograms.encode(h))
                .set("redis", mapper.createObjectNode().put("url", "redis://:***@127.0.0.1:1").put("embedded", false)));

        int code = cli.run("merge", report.toString());

        assertThat(code).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(cli.out()).contains("Redis not read").contains("password masked; give --redis URL");
    }

    /** A run report with a million traced buyers and one long text: over 200 MB, written without holding it. */
    private static Path bigReport(Path file, String prefix) throws IOException {
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        String step = "{\"attempt\":1,\"sent_ms\":0.5,\"sent\":[\"EVALSHA\",\"kill_num\"],\"answered_ms\":1.2,"
                + "\"replies\":[\"1\"],\"outcome\":\"LOST\"}";
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"strategy\":\"lua\",\"prefix\":\"" + prefix + "\",\"users\":1000000,\"attempts\":1,"
                    + "\"users_lost\":1000000,\"users_played\":1000000,\"elapsed_ms\":5000,\"error\":\"");
            for (int i = 0; i < 25 << 10; i++) {
                out.write("x".repeat(1 << 10)); // 25 MB in one text: more than a JSON parser takes by default
            }
            out.write("\",\"trace\":[");
            for (int i = 0; i < 1_100_000; i++) {
                out.write((i == 0 ? "" : ",") + "{\"user_id\":\"u" + i + "\",\"user_index\":" + i + ",\"arrival\":"
                        + i + ",\"steps\":[" + step + "]}");
            }
            out.write("],\"latency_histogram\":\"" + LatencyHistograms.encode(h) + "\"}\n");
        }
        return file;
    }

    @Test
    void aValidReportOver200MbMerges_evenInA32MbHeap(@TempDir Path dir) throws Exception {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new Sale(new SaleKeys(prefix)).open(jedis, 150, 600, StrategyKind.LUA);
        }
        Path report = bigReport(dir.resolve("big.json"), prefix);
        assertThat(Files.size(report)).isGreaterThan(200L << 20);
        Path output = dir.resolve("merge.out");

        Process merge = new ProcessBuilder(CliProcess.command(List.of("-Xmx32m"), "merge", "--redis",
                TestRedis.url(), report.toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(merge.waitFor(300, TimeUnit.SECONDS)).as("merge ended").isTrue();

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(merge.exitValue()).as(printed).isZero();
        assertThat(printed).contains("merge of 1 reports").contains("Users       1,000,000: 0 won, 1,000,000 lost")
                .doesNotContain("OutOfMemoryError").doesNotContain("not JSON");
        // and in this JVM's heap, read in one pass as well
        assertThat(cli.run("merge", "--redis", TestRedis.url(), report.toString())).as(cli.err()).isZero();
    }

    @Test
    void aHistogramTooBigForTheHeapIsRefusedInOneLine_notAnOutOfMemoryError(@TempDir Path dir) throws Exception {
        // five significant digits up to 10^15: some 36 MB of counters once decoded, a few bytes encoded
        Histogram wide = new Histogram(1_000_000_000_000_000L, 5);
        wide.recordValue(1_000);
        ObjectMapper mapper = new ObjectMapper();
        Path report = dir.resolve("wide.json");
        mapper.writeValue(report.toFile(), mapper.createObjectNode().put("strategy", "lua").put("prefix", prefix)
                .put("users", 10).put("attempts", 1).put("latency_histogram", LatencyHistograms.encode(wide)));
        Path output = dir.resolve("merge.out");

        Process merge = new ProcessBuilder(CliProcess.command(List.of("-Xmx32m"), "merge", "--redis",
                TestRedis.url(), report.toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(merge.waitFor(120, TimeUnit.SECONDS)).as("merge ended").isTrue();

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(merge.exitValue()).as(printed).isEqualTo(ExitCodes.USAGE);
        assertThat(printed).contains("REPORT: " + report + ": latency_histogram is too big for this JVM's heap")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void mergeSaysWhichRedisItReads_beforeReadingIt(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path report = report(dir.resolve("r.json"), "redis://127.0.0.1:" + port);

        assertThat(cli.run("merge", report.toString())).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(cli.err().lines().findFirst()).hasValue("Reading the sale from redis://127.0.0.1:" + port
                + " (the reports' redis.url); --redis URL reads another");

        assertThat(cli.run("merge", "--redis", TestRedis.url(), report.toString())).as(cli.err()).isNotEqualTo(2);
        assertThat(cli.err()).startsWith("Reading the sale from " + RedisTarget.maskAll(TestRedis.url()
                .replaceFirst("/0$", "")) + " (--redis)");
    }

    @Test
    void aReportsPlainPasswordIsNeverPrinted_norWritten(@TempDir Path dir) throws Exception {
        String secret = "hunter2-secret";
        int port = freePort();
        Path a = report(dir.resolve("a.json"), "redis://:" + secret + "@127.0.0.1:" + port);
        Path b = report(dir.resolve("b.json"), "redis://shop:" + secret + "@127.0.0.1:" + freePort());
        Path merged = dir.resolve("merged.json");

        // one URL: said, and tried, with its password masked in every line
        assertThat(cli.run("merge", a.toString(), "--report", merged.toString()))
                .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(cli.err()).contains("Reading the sale from redis://:***@127.0.0.1:" + port);
        assertThat(cli.out() + cli.err() + Files.readString(merged)).doesNotContain(secret).contains(":***@");
        // two: named, and neither read
        assertThat(cli.run("merge", a.toString(), b.toString(), "--report", merged.toString()))
                .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(cli.out()).contains("different servers");
        assertThat(cli.out() + cli.err() + Files.readString(merged)).doesNotContain(secret);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** A small run report of this test's sale, naming {@code url} as its server. */
    private Path report(Path file, String url) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        mapper.writeValue(file.toFile(), mapper.createObjectNode().put("strategy", "lua").put("prefix", prefix)
                .put("users", 10).put("attempts", 10).put("users_won", 1).put("run_id", file.toString())
                .put("latency_histogram", LatencyHistograms.encode(h))
                .set("redis", mapper.createObjectNode().put("url", url).put("embedded", false)));
        return file;
    }
}
