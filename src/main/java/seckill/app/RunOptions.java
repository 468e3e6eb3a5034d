package seckill.app;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.SettingsRules;
import seckill.sim.SimulationConfig;
import seckill.students.StudentsAddress;
import seckill.util.Problem;

/**
 * The options of one sale; shared by {@code run} and {@code ui} (which fills its form with them). Their defaults,
 * ranges and help text come from {@link ConfigField} through {@link SaleOptionHelp}.
 */
public class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--stock", descriptionKey = "sale.stock", paramLabel = "N", converter = FieldConverters.Stock.class)
    long stock;

    @Option(names = "--users", descriptionKey = "sale.users", paramLabel = "N", converter = FieldConverters.Users.class)
    long users;

    @Option(names = "--pool", descriptionKey = "sale.pool", paramLabel = "N", converter = FieldConverters.Pool.class)
    long pool;

    @Option(names = "--duration", descriptionKey = "sale.duration", paramLabel = "S",
            converter = FieldConverters.Duration.class)
    long duration;

    @Option(names = "--strategy", paramLabel = "NAME", converter = FieldConverters.Strategy.class,
            defaultValue = "watch", description = "watch, lua, decr or naive (default: ${DEFAULT-VALUE}).")
    StrategyKind strategy;

    @Option(names = "--retries", descriptionKey = "sale.retries", paramLabel = "N",
            converter = FieldConverters.Retries.class)
    long retries;

    @Option(names = "--spread-ms", descriptionKey = "sale.spread-ms", paramLabel = "MS",
            converter = FieldConverters.SpreadMs.class)
    long spreadMs;

    @Option(names = "--pace", descriptionKey = "sale.pace", paramLabel = "S", converter = FieldConverters.Pace.class)
    long pace;

    @Option(names = "--seed", descriptionKey = "sale.seed", paramLabel = "N", converter = FieldConverters.Seed.class)
    Long seed;

    @Option(names = "--join", description = "Add load to the open sale instead of opening a new one.")
    boolean join;

    @Option(names = "--naive-gap-ms", descriptionKey = "sale.naive-gap-ms", paramLabel = "MS",
            converter = FieldConverters.NaiveGapMs.class)
    long naiveGapMs;

    @Option(names = "--engine", paramLabel = "NAME", converter = FieldConverters.EngineName.class,
            defaultValue = "threads", description = "How the buyers are played: threads (a thread each, blocking, "
            + "as the tutorial) or loop (one event-loop thread holds every buyer's connection, as redis-benchmark "
            + "does; plain TCP only). Redis sees the same commands either way (default: ${DEFAULT-VALUE}).")
    EngineKind engine;

    @Option(names = "--trace", descriptionKey = "sale.trace", paramLabel = "N", converter = FieldConverters.Trace.class)
    long trace;

    @Option(names = "--wait-replicas", descriptionKey = "sale.wait-replicas", paramLabel = "N",
            converter = FieldConverters.WaitReplicas.class)
    long waitReplicas;

    @Option(names = "--buckets", descriptionKey = "sale.buckets", paramLabel = "N",
            converter = FieldConverters.Buckets.class)
    long buckets;

    @Option(names = "--students", paramLabel = "[ADDR:]PORT", converter = FieldConverters.Students.class,
            description = "Let a class buy from its phones beside the simulated buyers: serve the students' page on "
                    + "ADDR:PORT (ADDR by default this machine's address on its default route; PORT 0 picks a free "
                    + "one). The sale then ends when it sells out, its time is up or it is stopped; --users may be 0.")
    StudentsAddress students;

    @Option(names = "--report", paramLabel = "FILE", converter = FieldConverters.ReportFile.class,
            description = "Write the JSON run report to FILE (whole or not at all, also when the run fails).")
    Path report;

    /** The sale these options and the Redis options describe; the seed stays unset when none was given. */
    public SimulationConfig.Builder toBuilder(RedisOptions redis) {
        return SimulationConfig.builder().prefix(redis.prefix()).strategy(strategy).stock(stock).users(users)
                .pool(pool).durationS(duration).retries(retries).spreadMs(spreadMs).seed(seed).join(join)
                .naiveGapMs(naiveGapMs).redisTimeoutS(redis.redisTimeoutS()).engine(engine).paceS(pace)
                .traceBuyers(trace).waitReplicas(waitReplicas).buckets(buckets).students(students != null);
    }

    /** The sale, once {@link #checked}. */
    public SimulationConfig toConfig(RedisOptions redis) {
        return checked(toBuilder(redis)).build();
    }

    /** The settings, refused as a bad argument (exit 2) with every problem {@link SettingsRules} finds in them. */
    SimulationConfig.Builder checked(SimulationConfig.Builder settings) {
        List<Problem> problems = SettingsRules.check(settings);
        if (!problems.isEmpty()) {
            throw new ParameterException(command.commandLine(), Problem.english(problems));
        }
        return settings;
    }

    public Path report() {
        return report;
    }

    /** Where the students' server listens ({@code --students}), or null when the class does not buy. */
    public StudentsAddress students() {
        return students;
    }

    /** True when {@code --seed} was given: the dashboard then keeps it for every run. */
    public boolean seedGiven() {
        return seed != null;
    }
}
