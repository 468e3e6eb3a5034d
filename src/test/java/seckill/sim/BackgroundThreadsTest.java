package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import seckill.redis.TestRedis;
import seckill.sale.StrategyKind;

class BackgroundThreadsTest {
    @Test
    void theFactorysThreadsEndUpAtNice19_otherThreadsKeepTheirs() throws Exception {
        Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux /proc only");
        int own = nice(BackgroundThreads.ownTid());
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> tids = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ThreadFactory background = new BackgroundThreads("prio-test-");
        ThreadFactory plain = new NamedThreads("prio-plain-");
        for (ThreadFactory factory : List.of(background, background, background, plain)) {
            CompletableFuture<String> tid = new CompletableFuture<>();
            Thread t = factory.newThread(() -> {
                tid.complete(BackgroundThreads.ownTid());
                Waits.await(release);
            });
            tids.add(tid);
            threads.add(t);
            t.start();
        }
        try {
            assertThat(threads.get(0).getName()).isEqualTo("prio-test-1");
            assertThat(threads.get(0).isDaemon()).isTrue();
            assertThat(threads.get(0).getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            for (int i = 0; i < 3; i++) {
                String tid = tids.get(i).join();
                Awaitility.await().until(() -> nice(tid) == 19);
            }
            assertThat(nice(tids.get(3).join())).isEqualTo(own);
        } finally {
            release.countDown();
        }
    }

    @Test
    void theSimulationPlaysOnTheThreadsOfTheFactoryItIsGiven() throws Exception {
        for (EngineKind engine : EngineKind.values()) {
            String prefix = TestRedis.prefix("prio-" + engine.cliName());
            SimulationConfig c = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA)
                    .load(500, 200, 4, 0).engine(engine).build();
            List<Thread> made = Collections.synchronizedList(new ArrayList<>());
            BackgroundThreads background = new BackgroundThreads("prio-sim-");
            ThreadFactory recording = r -> {
                Thread t = background.newThread(r);
                made.add(t);
                return t;
            };
            try {
                SimulationResult r = new Simulation(c, TestRedis.connection(), recording).run();
                assertThat(r.metrics().usersDone()).isEqualTo(200);
                // the pool's threads, or the loop's one thread: every buyer thread came from the factory
                assertThat(made).hasSize(engine == EngineKind.LOOP ? 1 : 4)
                        .allSatisfy(t -> assertThat(t.getName()).startsWith("prio-sim-"));
            } finally {
                TestRedis.reset(prefix);
            }
        }
    }

    @Test
    void withoutAFactoryTheBuyersAreDaemonsNamedAsBefore() {
        Thread pooled = NamedThreads.buyers(EngineKind.THREADS).newThread(() -> { });
        Thread loop = NamedThreads.buyers(EngineKind.LOOP).newThread(() -> { });
        assertThat(pooled.getName()).isEqualTo("seckill-user-1");
        assertThat(loop.getName()).isEqualTo("seckill-user-loop");
        assertThat(pooled.isDaemon()).isTrue();
        assertThat(loop.isDaemon()).isTrue();
    }

    /** Field 19 of /proc/self/task/TID/stat, counted after the command name in parentheses. */
    @Test
    void theJitCompilerThreadsGiveWayToo() throws Exception {
        List<String> compilers = new java.util.ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (BackgroundThreads.COMPILERS.contains(Files.readString(task.resolve("comm")).strip())) {
                    compilers.add(task.getFileName().toString());
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(compilers.isEmpty(), "no compiler thread in this JVM");
        new BackgroundThreads("prio-jit-");
        for (String tid : compilers) {
            Awaitility.await().until(() -> nice(tid) == 19);
        }
    }

    private static int nice(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
