package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.app.ExitCodes;
import seckill.app.SeckillCli;
import seckill.redis.PrivateRedis;

@Tag("faults")
class RedisLostCliTest {
    @Test
    void aServerThatDiesMidSaleEndsTheRunWithExit4_oneLine_andAWholeReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrivateRedis server = PrivateRedis.start()) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> SeckillCli.commandLine(
                    new PrintWriter(out, true), new PrintWriter(err, true)).execute("run", "--redis", server.url(),
                    "--prefix", "lost:", "--strategy", "lua", "--stock", "100000", "--users", "100000", "--pool", "16",
                    "--spread-ms", "60000", "--redis-timeout", "1", "--report", report.toString()));
            await().ignoreExceptions().until(() -> {
                try (Jedis jedis = server.admin()) {
                    return jedis.exists("lost:kill_user");
                }
            });
            server.killHard();
            // the bound only keeps a hang from blocking the build; it asserts nothing about speed
            int code = run.get(60, TimeUnit.SECONDS);

            assertThat(code).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("\tat ")
                    .startsWith("error: Redis at redis://127.0.0.1:" + server.port())
                    .contains("gave up after 1 s; see --redis-timeout");
            assertThat(out.toString()).contains("Ended by    error").contains("Report")
                    .contains("Sold        unknown of 100000: Redis could not be read at the end");
            JsonNode json = new ObjectMapper().readTree(Files.readString(report));
            assertThat(json.get("ended_by").asText()).isEqualTo("error");
            assertThat(json.get("error").asText()).contains("gave up after 1 s");
            assertThat(json.get("audit").get("ok").asBoolean()).isFalse();
            assertThat(json.get("audit").get("violations").get(0).asText()).startsWith("not audited");
            try (var files = Files.list(dir)) {
                assertThat(files).as("no partial file is left beside the report").containsExactly(report);
            }
            assertThat(Thread.getAllStackTraces().keySet()).as("every user thread released")
                    .noneMatch(t -> t.getName().startsWith("seckill-user-") && t.isAlive());
        }
    }
}
