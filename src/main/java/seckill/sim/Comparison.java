package seckill.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import seckill.redis.RedisConnection;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;
import seckill.util.ProblemException;

/**
 * Strategies side by side ({@code --compare naive,watch,lua}): the same users (the same seed, so the same ids, the
 * same arrival times and the same traced buyers) race on every listed strategy, each on a sale of its own under the
 * prefix plus the strategy's name and a colon ({@code demo:watch:kill_num}). At once by default, their first users
 * let in together; or one at a time, in the order listed, each with the machine to itself (fairer for speed).
 */
public final class Comparison {
    /** How the strategies run. */
    public enum Mode {
        /** All at once on one Redis, their first users let in together. */
        AT_ONCE,
        /** One after another, in the order listed. */
        ONE_AT_A_TIME;

        public String reportName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Mode mode;
    private final List<Simulation> simulations = new ArrayList<>();
    private final List<CompletableFuture<SimulationResult>> results = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param base       the sale's settings; its strategy is replaced by each of {@code strategies}, its prefix
     *                   extended by each one's name, and its seed (drawn when none was given) shared by all
     * @param buyers     makes each run's buyer threads, or null for the simulation's own
     * @throws IllegalArgumentException for an empty list or one naming a strategy twice; for the loop engine over TLS
     */
    public Comparison(SimulationConfig base, List<StrategyKind> strategies, Mode mode, RedisConnection redis,
                      Supplier<ThreadFactory> buyers) {
        this.mode = mode;
        for (SimulationConfig config : configs(base, strategies)) {
            simulations.add(buyers == null ? new Simulation(config, redis)
                    : new Simulation(config, redis, buyers.get()));
            results.add(new CompletableFuture<>());
        }
    }

    /**
     * The keys of one strategy's sale in a comparison under {@code prefix}: {@code demo:} gives {@code demo:watch:}.
     */
    public static SaleKeys saleKeys(String prefix, StrategyKind strategy) {
        return new SaleKeys(prefix + strategy.cliName() + ":");
    }

    /** Each strategy's settings: the base's, with its own strategy and keys, and one seed for all. */
    public static List<SimulationConfig> configs(SimulationConfig base, List<StrategyKind> strategies) {
        check(strategies);
        List<SimulationConfig> configs = new ArrayList<>();
        for (StrategyKind kind : strategies) {
            configs.add(base.toBuilder().strategy(kind).prefix(saleKeys(base.prefix(), kind).prefix()).build());
        }
        return configs;
    }

    /** @throws ProblemException for an empty list, or one naming a strategy twice ({@link SettingsRules}) */
    public static void check(List<StrategyKind> strategies) {
        Problem wrong = SettingsRules.lineupProblem(strategies);
        if (wrong != null) {
            throw new ProblemException(Problem.of(Problem.Kind.SETTING, "--compare", wrong));
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The runs, in the order listed: their configs, live metrics and fairness. */
    public List<Simulation> simulations() {
        return List.copyOf(simulations);
    }

    /** Each run's result, completed as it finishes (exceptionally when its sale could not be opened). */
    public List<CompletionStage<SimulationResult>> results() {
        return results.stream().map(CompletableFuture::minimalCompletionStage).toList();
    }

    /** Asks every run to end, and the ones not begun yet to end as soon as they begin. */
    public void stop() {
        stopped = true;
        simulations.forEach(Simulation::stop);
    }

    /**
     * Plays every strategy; blocks until all are done.
     *
     * @throws RuntimeException the first failure of a run that could not open its sale, once all have ended
     */
    public ComparisonResult run() {
        if (mode == Mode.AT_ONCE) {
            // every run's buyers are connected at once
            SimulationConfig first = simulations.get(0).config();
            LimitChecks.check(first.engine(), simulations.size(), first.workers(), first.pool());
        }
        simulations.forEach(Simulation::check);
        if (mode == Mode.ONE_AT_A_TIME) {
            for (int i = 0; i < simulations.size(); i++) {
                play(i, null);
            }
        } else {
            Phaser together = new Phaser(simulations.size());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < simulations.size(); i++) {
                int lane = i;
                Thread thread = new Thread(() -> play(lane, together), "seckill-compare-"
                        + simulations.get(i).config().strategy().cliName());
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            threads.forEach(t -> Waits.uninterruptibly(t::join));
        }
        List<SimulationResult> done = new ArrayList<>();
        for (CompletableFuture<SimulationResult> result : results) {
            done.add(result.join());
        }
        return new ComparisonResult(mode, done);
    }

    private void play(int lane, Phaser together) {
        Simulation simulation = simulations.get(lane);
        boolean[] arrived = new boolean[1];
        if (together != null) {
            simulation.gate(() -> {
                arrived[0] = true;
                together.arriveAndAwaitAdvance();
            });
        }
        if (stopped) {
            simulation.stop();
        }
        try {
            results.get(lane).complete(simulation.run());
        } catch (RuntimeException | Error e) {
            results.get(lane).completeExceptionally(e);
        } finally {
            if (together != null && !arrived[0]) {
                // it never reached the gate: the others go without it
                together.arriveAndDeregister();
            }
        }
    }
}
