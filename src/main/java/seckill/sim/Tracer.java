package seckill.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import redis.clients.jedis.Jedis;
import seckill.sale.Attempt;
import seckill.sale.Outcome;
import seckill.sale.Purchase;
import seckill.sale.SaleKeys;
import seckill.sale.SaleReader;
import seckill.sale.StrategyKind;

/**
 * {@code --trace N}: records the round trips of N buyers sampled from the seed (so every strategy of a comparison
 * traces the same users) among the first arrivals ({@link #candidates}: a fast sale never plays most of its users),
 * and explains at the end why their attempts lost, from the sale's own record
 * ({@link TraceCause}). A run without a trace has no tracer: its buyers are not observed at all.
 *
 * <p>For naive, a same-read explanation needs to know who else read what: while a naive sale is traced, every
 * purchase (not only the sampled buyers') notes the {@code kill_num} it had read, up to {@link #MOST_WRITES_NOTED}.
 */
final class Tracer {
    /** Naive purchases noted at most (about 50 bytes each); a same-read beyond them goes unexplained. */
    static final int MOST_WRITES_NOTED = 1_000_000;

    /** A naive purchase: who, what it had read, the item it took, when its write was answered. */
    private record Write(String userId, long seen, long item, long atNanos) {
    }

    private final SaleKeys keys;
    private final long[] sampled;
    private final BuyerTrace[] traces;
    private final boolean notesWrites;
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger noted = new AtomicInteger();

    /** @param sampled the indexes of the users to trace, ascending */
    Tracer(SaleKeys keys, StrategyKind strategy, long[] sampled) {
        this.keys = keys;
        this.sampled = sampled.clone();
        this.traces = new BuyerTrace[sampled.length];
        this.notesWrites = strategy == StrategyKind.NAIVE;
    }

    /** The run's tracer, or null when it traces nobody. */
    static Tracer of(SimulationConfig config) {
        return config.traceBuyers() == 0 ? null : new Tracer(config.keys(), config.strategy(),
                sample(config.seed(), candidates(config), config.traceBuyers()));
    }

    /**
     * How many of the first arrivals the traced buyers are drawn from: the stock and a pool's worth more (those still
     * buying when it sells out), at least the buyers traced, at most every user. Users arrive in the order of their
     * indexes, and once the stock is gone the rest are not played: drawn from all users, most traced buyers of a fast
     * sale would show nothing.
     */
    static long candidates(SimulationConfig config) {
        return Math.min(config.users(), Math.max(config.traceBuyers(), config.stock() + config.pool()));
    }

    /** {@code n} distinct user indexes below {@code users}, ascending, the same for the same seed (Floyd's). */
    static long[] sample(long seed, long users, int n) {
        if (n >= users) {
            long[] all = new long[(int) users];
            Arrays.setAll(all, i -> i);
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x7ACE_5EED_0000_0001L);
        Set<Long> chosen = new HashSet<>();
        for (long j = users - n; j < users; j++) {
            long t = random.nextLong(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Sets the user up to be observed: traced when sampled, its purchase noted when the sale is naive. */
    void attach(Turn turn) {
        int slot = Arrays.binarySearch(sampled, turn.index);
        if (slot >= 0) {
            turn.trace = new BuyerTrace(turn.userId, turn.index);
            traces[slot] = turn.trace;
        }
        turn.tracer = notesWrites ? this : null;
        turn.observed = turn.trace != null || notesWrites;
    }

    /** A naive attempt decided: a purchase notes what it had read. */
    void decided(Turn turn, Attempt attempt, Outcome outcome) {
        if (outcome == Outcome.WON && attempt.soldAfter() > 0 && noted.incrementAndGet() <= MOST_WRITES_NOTED) {
            writes.add(new Write(turn.userId, attempt.soldSeen(), attempt.soldAfter(), System.nanoTime()));
        }
    }

    /**
     * The traces of the sampled users who were played, in the order of their indexes, each aborted EXEC and each
     * naive purchase explained; reads the purchases it needs from Redis in one round trip.
     *
     * @param startNanos   when the buyers were let in, on {@link System#nanoTime}
     * @param startEpochMs the same moment on the wall clock, for the times in {@code kill_time}
     */
    List<Trace> finish(Jedis jedis, long startNanos, long startEpochMs) {
        List<BuyerTrace.Step> aborted = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (BuyerTrace trace : traces) {
            if (trace == null) {
                continue;
            }
            for (BuyerTrace.Step step : trace.steps) {
                if (step.outcome == Outcome.CONFLICT && step.soldSeen >= 0) {
                    aborted.add(step);
                    positions.add(step.soldSeen);
                }
            }
        }
        List<Purchase> first = new SaleReader(keys).purchasesAt(jedis, positions);
        for (int i = 0; i < aborted.size(); i++) {
            Purchase p = first.get(i);
            BuyerTrace.Step step = aborted.get(i);
            List<TraceWriter> writer = p.exists() ? List.of(new TraceWriter(p.userId(),
                    p.atMs() < 0 ? -1 : p.atMs() - startEpochMs, p.position() + 1)) : List.of();
            step.cause = new TraceCause(TraceCause.Kind.WATCH_BROKEN, step.soldSeen, writer, writer.size());
        }
        explainSameReads(startNanos);
        List<Trace> done = new ArrayList<>();
        for (BuyerTrace trace : traces) {
            if (trace != null) {
                done.add(trace.toTrace(startNanos));
            }
        }
        return done;
    }

    private void explainSameReads(long startNanos) {
        if (!notesWrites) {
            return;
        }
        Map<Long, List<Write>> bySeen = new HashMap<>();
        for (Write w : writes) {
            bySeen.computeIfAbsent(w.seen(), s -> new ArrayList<>()).add(w);
        }
        for (BuyerTrace trace : traces) {
            if (trace == null) {
                continue;
            }
            for (BuyerTrace.Step step : trace.steps) {
                if (step.outcome != Outcome.WON || step.soldSeen < 0) {
                    continue;
                }
                List<TraceWriter> others = bySeen.getOrDefault(step.soldSeen, List.of()).stream()
                        .filter(w -> !w.userId().equals(trace.userId))
                        .sorted(Comparator.comparingLong(Write::item))
                        .map(w -> new TraceWriter(w.userId(), BuyerTrace.ms(w.atNanos(), startNanos), w.item()))
                        .toList();
                if (!others.isEmpty()) {
                    step.cause = new TraceCause(TraceCause.Kind.SAME_READ, step.soldSeen,
                            others.subList(0, Math.min(others.size(), TraceCause.MOST_LISTED)), others.size());
                }
            }
        }
    }
}
