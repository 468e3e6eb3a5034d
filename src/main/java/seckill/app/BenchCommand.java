package seckill.app;

import seckill.cli.BenchTable;
import seckill.cli.PollerCost;
import seckill.cli.RedisBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.metrics.JvmMemory;
import seckill.redis.RedisConnection;
import seckill.sale.Sale;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * Every strategy on the same sale, one after the other, as a table; then the server's own limit for the Lua
 * purchase from {@code redis-benchmark} at the same concurrency, and the lab's ratio to it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run each strategy on the same sale and print a table; compare with redis-benchmark.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Option(names = "--users", paramLabel = "N", converter = FieldConverters.Users.class, defaultValue = "20000",
            description = "Buyers per strategy (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--stock", paramLabel = "N", converter = FieldConverters.Stock.class, defaultValue = "2000",
            description = "Items per sale (default: ${DEFAULT-VALUE}).")
    long stock;

    @Option(names = "--pool", paramLabel = "N", converter = FieldConverters.Pool.class, defaultValue = "200",
            description = "Threads (default: ${DEFAULT-VALUE}).")
    long pool;

    @Option(names = "--retries", paramLabel = "N", converter = FieldConverters.Retries.class, defaultValue = "3",
            description = "Tries after a conflict (default: ${DEFAULT-VALUE}).")
    long retries;

    @Option(names = "--strategies", paramLabel = "LIST", split = ",", converter = FieldConverters.Strategy.class,
            defaultValue = "watch,lua,decr,naive", description = "Which, in order (default: ${DEFAULT-VALUE}).")
    List<StrategyKind> strategies;

    @Option(names = "--engines", paramLabel = "LIST", split = ",", converter = FieldConverters.EngineName.class,
            defaultValue = "threads,loop", description = "How the buyers are played, each in turn: threads (as the "
            + "tutorial) and loop (one event-loop thread; no TLS) (default: ${DEFAULT-VALUE}).")
    List<EngineKind> engines;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Runs per strategy; the table shows the median by users/s (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--limit-requests", paramLabel = "N", defaultValue = "200000",
            description = "Purchases in the Lua-versus-redis-benchmark comparison, where every buyer wins "
                    + "(default: ${DEFAULT-VALUE}; 0 skips it).")
    long limitRequests;

    @Option(names = "--redis-benchmark", paramLabel = "PATH", defaultValue = "redis-benchmark",
            description = "The redis-benchmark to compare with (default: found on the PATH; 'off' skips it).")
    String redisBenchmark;

    @Option(names = "--poller-winners", paramLabel = "N", defaultValue = "0",
            description = "Also measure the dashboard poller's cost per tick during a sale with N winners "
                    + "(e.g. 100000; default: ${DEFAULT-VALUE}, skipped).")
    long pollerWinners;

    @Option(names = "--poller-buckets", paramLabel = "N", converter = FieldConverters.Buckets.class,
            defaultValue = "1", description = "With --poller-winners: that sale split into N buckets, every one read "
            + "each tick as the dashboard reads them (default: ${DEFAULT-VALUE}).")
    long pollerBuckets;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("--rounds must be from 1 to 20 (got " + rounds + ")");
        }
        if (limitRequests < 0 || limitRequests > 100_000_000) {
            throw new IllegalArgumentException("--limit-requests must be from 0 to 100,000,000 (got "
                    + limitRequests + ")");
        }
        if (pollerWinners < 0 || pollerWinners > ConfigField.STOCK.max()) {
            throw new IllegalArgumentException("--poller-winners must be from 0 to 100,000,000 (got " + pollerWinners
                    + ")");
        }
        int threads = ConfigField.POOL.checkInt(pool);
        try (RedisConnection connection = redis.connect(RedisConnection.READERS,
                spec.commandLine().getErr())) {
            out.println("Seckill Lab bench · " + connection.describe() + " · " + Runtime.getRuntime()
                    .availableProcessors() + " cores, Java " + System.getProperty("java.version"));
            List<EngineKind> usable = usableEngines(connection, out);
            SimulationConfig base = SimulationConfig.builder().prefix(redis.prefix() + "bench:")
                    .load(stock, users, threads, (int) retries).seed(20_261_129L)
                    .redisTimeoutS(redis.redisTimeoutS()).build();
            warmUp(connection, base, usable);
            out.printf(Locale.ROOT, "%nSale: %,d users, %,d items, %d buyers at once, %d retries; median of %d "
                    + "run(s)%n", users, stock, threads, retries, rounds);
            out.println(BenchTable.header());
            boolean allSafeHeld = true;
            for (StrategyKind kind : strategies) {
                for (EngineKind engine : usable) {
                    SimulationResult r = median(connection, base.toBuilder().strategy(kind).engine(engine).build());
                    out.println(BenchTable.row(kind.cliName() + " (" + engine.cliName() + ")", r));
                    out.flush();
                    if (kind.isSafe() && !r.auditHolds()) {
                        allSafeHeld = false;
                    }
                }
            }
            if (limitRequests > 0) {
                compareWithServerLimit(out, connection, base, usable);
            }
            if (pollerWinners > 0) {
                PollerCost.measure(out, connection, base, ConfigField.STOCK.check(pollerWinners),
                        (int) pollerBuckets);
            }
            out.printf(Locale.ROOT, "%nJVM peak heap %.0f MiB%n", JvmMemory.peakHeapMiB());
            out.flush();
            return allSafeHeld ? ExitCodes.OK : ExitCodes.AUDIT_FAILED;
        }
    }

    /** The engines asked for that can reach this server (the loop speaks no TLS); says which were left out. */
    private List<EngineKind> usableEngines(RedisConnection connection, PrintWriter out) {
        List<EngineKind> usable = new ArrayList<>();
        for (EngineKind engine : engines) {
            try {
                engine.checkCanReach(connection);
                if (!usable.contains(engine)) {
                    usable.add(engine);
                }
            } catch (IllegalArgumentException e) {
                out.println("Skipped: " + e.getMessage());
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("--engines: none of " + engines + " can reach "
                    + connection.target().masked());
        }
        return usable;
    }

    /** The JIT compiles the hot paths first, so that the table measures the program rather than its start. */
    private void warmUp(RedisConnection connection, SimulationConfig base, List<EngineKind> usable) {
        for (StrategyKind kind : strategies) {
            for (EngineKind engine : usable) {
                run(connection, base.toBuilder().strategy(kind).engine(engine).load(Math.min(stock, 1_000),
                        Math.min(users, 10_000), base.pool(), base.retries()).build());
            }
        }
    }

    private SimulationResult median(RedisConnection connection, SimulationConfig config) {
        List<SimulationResult> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            results.add(run(connection, config));
        }
        results.sort((a, b) -> Double.compare(a.usersPerSecond(), b.usersPerSecond()));
        return results.get(results.size() / 2);
    }

    private static SimulationResult run(RedisConnection connection, SimulationConfig config) {
        try {
            return new Simulation(config, connection).run();
        } finally {
            new Sale(config.keys()).reset(connection);
        }
    }

    private void compareWithServerLimit(PrintWriter out, RedisConnection connection, SimulationConfig base,
                                        List<EngineKind> usable) throws IOException, InterruptedException {
        // every buyer wins, so every call does the script's full work, in the lab as in redis-benchmark
        SimulationConfig limit = base.toBuilder().strategy(StrategyKind.LUA).load(limitRequests, limitRequests,
                base.pool(), 0).build();
        out.printf(Locale.ROOT, "%nThe server's limit: the Lua purchase, %,d buyers who all win, %d connections%n",
                limitRequests, base.pool());
        out.println(BenchTable.header());
        List<SimulationResult> labs = new ArrayList<>();
        for (EngineKind engine : usable) {
            SimulationResult lab = median(connection, limit.toBuilder().engine(engine).build());
            labs.add(lab);
            out.println(BenchTable.row("lua (" + engine.cliName() + ")", lab));
            out.flush();
        }
        RedisBenchmark.Result server = RedisBenchmark.find(redisBenchmark)
                .map(rb -> rb.purchase(connection, base.prefix() + "rb:", base.pool(), limitRequests))
                .orElse(null);
        if (server == null) {
            out.println("redis-benchmark: not found on the PATH (or 'off'); no server-limit comparison.");
        } else if (server.skippedBecause() != null) {
            out.println("redis-benchmark: skipped, " + server.skippedBecause());
        } else {
            out.printf(Locale.ROOT, "%-17s %,12.0f %,12.0f %10s %8.2f %8s %8s %9s %s%n", "redis-benchmark",
                    server.requestsPerSecond(), server.requestsPerSecond(), "-", server.p50Ms(), "-", "-",
                    "-", "the server's own client, C, one thread");
            for (int i = 0; i < usable.size(); i++) {
                out.printf(Locale.ROOT, "Lab (%s) / redis-benchmark: %.2f (purchases per second, same server, "
                        + "same concurrency)%n", usable.get(i).cliName(),
                        labs.get(i).attemptsPerSecond() / server.requestsPerSecond());
            }
        }
    }


}
