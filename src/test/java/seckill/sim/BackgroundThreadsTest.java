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
    void theFactorysThreadsAreBornAtNice19AndIdle_otherThreadsKeepTheirs() throws Exception {
        Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux /proc only");
        String ownTid = BackgroundThreads.ownTid();
        int own = nice(ownTid);
        int ownPolicy = policy(ownTid);
        CountDownLatch release = new CountDownLatch(1);
        // what each thread reads of itself at its first instruction: its nice value and its scheduling policy
        List<CompletableFuture<int[]>> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ThreadFactory background = new BackgroundThreads("prio-test-");
        ThreadFactory plain = new NamedThreads("prio-plain-");
        for (ThreadFactory factory : List.of(background, background, background, plain)) {
            CompletableFuture<int[]> first = new CompletableFuture<>();
            Thread t = factory.newThread(() -> {
                try {
                    String tid = BackgroundThreads.ownTid();
                    first.complete(new int[] {nice(tid), policy(tid)});
                } catch (Exception e) {
                    first.completeExceptionally(e);
                }
                Waits.await(release);
            });
            seen.add(first);
            threads.add(t);
            t.start();
            assertThat(t.isAlive()).isTrue(); // started when start() returns, as any thread
        }
        try {
            assertThat(threads.get(0).getName()).isEqualTo("prio-test-1");
            assertThat(threads.get(2).getName()).isEqualTo("prio-test-3");
            assertThat(threads.get(0).isDaemon()).isTrue();
            assertThat(threads.get(0).getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            boolean chrt = onPath("chrt");
            for (int i = 0; i < 3; i++) {
                int[] first = seen.get(i).join();
                assertThat(first[0]).as("nice of background thread %d at its start", i).isEqualTo(19);
                if (chrt) {
                    assertThat(first[1]).as("policy of background thread %d at its start", i).isEqualTo(SCHED_IDLE);
                }
            }
            assertThat(seen.get(3).join()).containsExactly(own, ownPolicy);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aThreadStartedTwiceFailsAsAnyThreadDoes() {
        Thread t = new BackgroundThreads("prio-twice-").newThread(() -> { });
        t.start();
        org.assertj.core.api.Assertions.assertThatThrownBy(t::start)
                .isInstanceOf(IllegalThreadStateException.class);
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

    @Test
    void theJitCompilerThreadsGiveWayToo() throws Exception {
        List<String> compilers = new java.util.ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // a thread that ended since the listing (another test's)
                }
                if (BackgroundThreads.COMPILERS.contains(name)) {
                    compilers.add(task.getFileName().toString());
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(compilers.isEmpty(), "no compiler thread in this JVM");
        new BackgroundThreads("prio-jit-");
        for (String tid : compilers) {
            Awaitility.await().until(() -> {
                try {
                    return nice(tid) == 19;
                } catch (java.nio.file.NoSuchFileException e) {
                    return true; // the JVM stopped a compiler thread it no longer needed
                }
            });
        }
    }

    /** Linux's {@code SCHED_IDLE}, as {@code /proc} shows a thread's policy. */
    private static final int SCHED_IDLE = 5;

    private static int nice(String tid) throws Exception {
        return statField(tid, 19);
    }

    private static int policy(String tid) throws Exception {
        return statField(tid, 41);
    }

    /** Field N (from 1) of /proc/self/task/TID/stat, counted after the command name in parentheses (field 2). */
    private static int statField(String tid, int n) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[n - 3]);
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
