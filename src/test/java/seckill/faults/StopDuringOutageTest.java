package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import redis.clients.jedis.Jedis;
import seckill.app.CliProcess;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnector;
import seckill.sale.StrategyKind;
import seckill.service.RedisLabService;
import seckill.service.SaleRun;
import seckill.sim.EndReason;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.util.Problem;

/**
 * A stop while Redis does not answer (Ctrl-C, the window's Stop): the run ends at once (with exit 130) and says its
 * sale was not audited, instead of waiting out {@code --redis-timeout} (30 s here) first.
 */
@Tag("faults")
class StopDuringOutageTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"threads", "loop"})
    void aCtrlCWhileRedisIsFrozenEndsTheRunAtOnce_notAudited(String engine, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute(),
                "kill(1) sends the signal and freezes the server");
        Path out = dir.resolve("out.txt");
        try (PrivateRedis server = PrivateRedis.start()) {
            Process run = CliProcess.start(out, "run", "--redis", server.url(), "--prefix", "outage:", "--engine",
                    engine, "--strategy", "lua", "--stock", "100000", "--users", "100000", "--pool", "8",
                    "--spread-ms", "600000", "--redis-timeout", "30");
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    try (Jedis jedis = server.admin()) {
                        return jedis.llen("outage:kill_user") > 0;
                    }
                });
                server.freeze(true);
                new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start().waitFor();
                // a hang detector, not a speed limit: before, the run waited out all of --redis-timeout 30
                await().atMost(Duration.ofSeconds(10)).until(() -> !run.isAlive());
            } finally {
                run.destroyForcibly();
                server.freeze(false);
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(printed).isEqualTo(130);
            assertThat(printed).contains("Audit       ✘ not audited: Redis at " + server.url())
                    .contains("after the stop").contains("run 'audit' once Redis answers")
                    .contains("Sold        unknown of 100000");
            assertThat(List.of(printed.split("\n"))).noneMatch(line -> line.contains("\tat "));
        }
    }

    /** The window's Stop while Redis is frozen: its run ends at once too, the sale not audited, saying why. */
    @Test
    void theWindowsStopWhileRedisIsFrozenEndsItsRunAtOnce_notAudited() throws Exception {
        try (PrivateRedis server = PrivateRedis.start();
             RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment())) {
            service.connect(server.url(), false, Duration.ofSeconds(30));
            SaleRun run = service.startSale(SimulationConfig.builder().prefix("outage-ui:").strategy(StrategyKind.LUA)
                    .load(100_000, 100_000, 8, 0).spreadMs(600_000).redisTimeoutS(30).build());
            CompletableFuture<SimulationResult> result = run.result().toCompletableFuture();
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    try (Jedis jedis = server.admin()) {
                        return jedis.llen("outage-ui:kill_user") > 0;
                    }
                });
                server.freeze(true);
                run.stop();
                // a hang detector, not a speed limit: before, the run waited out all of --redis-timeout 30
                await().atMost(Duration.ofSeconds(10)).until(result::isDone);
            } finally {
                server.freeze(false);
            }
            SimulationResult r = result.join();
            assertThat(r.endedBy()).isEqualTo(EndReason.ERROR);
            assertThat(r.audit()).as("not audited").isNull();
            assertThat(r.error().kind()).isEqualTo(Problem.Kind.REDIS_AFTER_STOP);
            assertThat(r.error().english()).startsWith("Redis at " + server.url() + " did not answer in time");
        }
    }
}
