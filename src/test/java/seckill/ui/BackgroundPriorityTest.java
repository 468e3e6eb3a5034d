package seckill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;
import seckill.sim.EngineKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

class BackgroundPriorityTest {
    @Test
    void renicesOnlyTheThreadsOfTheGivenName() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread worker = new Thread(hold, "prio-test-worker");
        Thread other = new Thread(hold, "prio-test-other");
        worker.start();
        other.start();
        started.await();
        try {
            String workerTid = BackgroundPriority.threadsNamed("prio-test-worker").get(0);
            String otherTid = BackgroundPriority.threadsNamed("prio-test-other").get(0);
            int reniced = BackgroundPriority.lower("prio-test-worker");
            Assumptions.assumeTrue(reniced > 0, "no renice on this machine");
            assertThat(reniced).isEqualTo(1);
            assertThat(nice(workerTid)).isEqualTo(19);
            assertThat(nice(otherTid)).isEqualTo(0);
        } finally {
            release.countDown();
        }
    }

    @Test
    void findsTheEventLoopByTheNameOfThePoolsThreads() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        String prefix = TestRedis.prefix("prio-loop");
        SimulationConfig c = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA)
                .load(10, 1_000, 16, 0).spreadMs(3_600_000).engine(EngineKind.LOOP).build();
        Simulation sim = new Simulation(c, TestRedis.connection());
        CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(sim::run);
        try {
            Awaitility.await().until(() -> sim.metrics().attempts() > 0);
            // the dashboard lowers these: one thread holds all sixteen buyers
            assertThat(BackgroundPriority.threadsNamed(BackgroundPriority.WORKER_PREFIX)).hasSize(1);
        } finally {
            sim.stop();
            running.join();
            TestRedis.reset(prefix);
        }
    }

    /** Field 19 of /proc/self/task/TID/stat, counted after the command name in parentheses. */
    private static int nice(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
