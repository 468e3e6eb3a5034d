package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import seckill.app.ExitCodes;
import seckill.app.SeckillCli;
import seckill.redis.PrivateRedis;
import seckill.redis.RedisConnection;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/** {@code --wait-replicas} against what the server has attached. */
@Tag("faults")
class WaitReplicasTest {
    private static int run(PrivateRedis server, StringWriter out, StringWriter err, String... more) {
        String[] args = {"run", "--redis", server.url(), "--prefix", "replicas:", "--strategy", "lua", "--stock", "10",
            "--users", "100", "--pool", "4", "--redis-timeout", "2"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return SeckillCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    @Test
    void waitReplicasWithNoReplicaAttachedIsRefusedBeforeSelling_exit2_oneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrivateRedis server = PrivateRedis.start()) {
            int code = run(server, out, err, "--wait-replicas", "1");

            assertThat(code).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("\tat ")
                    .startsWith("error: --wait-replicas 1 needs 1 replica(s) attached to Redis at redis://127.0.0.1:"
                            + server.port())
                    .contains("which has 0").contains("nothing was sold");
            assertThat(out.toString()).doesNotContain("lost");
            try (Jedis jedis = server.admin()) {
                assertThat(jedis.exists("replicas:kill_total")).as("no sale was opened").isFalse();
                assertThat(jedis.exists("replicas:kill_user")).isFalse();
            }
        }
    }

    @Test
    void waitReplicasWithAReplicaAttachedSellsTheStock_andEveryWinIsCountedWon() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrivateRedis server = PrivateRedis.start();
             PrivateRedis replica = PrivateRedis.start()) {
            attach(replica, server);
            int code = run(server, out, err, "--wait-replicas", "1");

            assertThat(err.toString()).isEmpty();
            assertThat(code).isEqualTo(ExitCodes.OK);
            try (Jedis jedis = server.admin()) {
                assertThat(jedis.llen("replicas:kill_user")).isEqualTo(10);
                assertThat(jedis.get("replicas:kill_num")).isEqualTo("10");
            }
            assertThat(out.toString()).contains("100: 10 won, 90 lost");
        }
    }

    /**
     * The replica goes away mid-sale: each win after that is written on the master but never confirmed, so its
     * buyer gives up after --redis-timeout. Such a user may have won: unknown, never lost.
     */
    @Test
    void winsThatLoseTheirReplicaMidSaleAreUnknown_neverLost() {
        try (PrivateRedis server = PrivateRedis.start();
             PrivateRedis replica = PrivateRedis.start()) {
            attach(replica, server);
            SimulationConfig config = FaultFixtures.sale(StrategyKind.LUA, 100_000, 100_000, 4, 60_000).toBuilder()
                    .waitReplicas(1).redisTimeoutS(1).build();
            SimulationResult r;
            try (RedisConnection redis = server.connect(4, Duration.ofSeconds(5))) {
                Simulation simulation = new Simulation(config, redis);
                CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
                await().atMost(Duration.ofSeconds(60)).until(() -> simulation.metrics().sample().usersWon() >= 3);
                replica.killHard();
                // the bound only keeps a hang from blocking the build; it asserts nothing about speed
                r = running.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new AssertionError(e);
            }
            long sold;
            try (Jedis jedis = server.admin()) {
                sold = jedis.llen(config.keys().user());
            }
            assertThat(r.endedBy()).isEqualTo(EndReason.ERROR);
            assertThat(r.error().english()).contains("--wait-replicas");
            assertThat(sold).isGreaterThan(r.metrics().usersWon());
            assertThat(r.metrics().usersWon() + r.metrics().usersUnknown())
                    .as("users won + unknown against sold %d", sold).isGreaterThanOrEqualTo(sold);
        }
    }

    private static void attach(PrivateRedis replica, PrivateRedis master) {
        try (Jedis jedis = replica.admin()) {
            jedis.replicaof("127.0.0.1", master.port());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Jedis jedis = master.admin()) {
                return jedis.info("replication").contains("state=online");
            }
        });
    }
}
