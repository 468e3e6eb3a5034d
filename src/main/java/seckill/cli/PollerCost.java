package seckill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import seckill.redis.CountedConnection;
import seckill.redis.RedisConnection;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleReader;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * What the dashboard's poller costs: during a sale with many winners, the same read the dashboard makes every
 * tick (one round trip, only the new winners; every bucket of a sale split into buckets, {@link SaleBuckets#read}),
 * through a connection that counts its bytes.
 */
public final class PollerCost {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * One tick: winners it brought, bytes each way, round trips, how long the read took, and whether it read every
     * figure (in buckets, only now and then; else what changed).
     */
    record Tick(int newWinners, long bytesIn, long bytesOut, long roundTrips, long micros, boolean whole) {
    }

    private PollerCost() {
    }

    /** @param buckets the sale split into this many buckets (1: none), read as the dashboard reads them */
    public static void measure(PrintWriter out, RedisConnection connection, SimulationConfig base, long winners,
                               int buckets) {
        // buckets are numbered in a hash tag; the base prefix may carry its own, which then comes first
        SimulationConfig sale = base.toBuilder().strategy(StrategyKind.LUA).prefix(base.prefix()
                + (buckets > 1 ? "{poller}:" : "poller:")).load(winners, winners, base.pool(), 0).buckets(buckets)
                .build();
        List<Tick> ticks = new ArrayList<>();
        Simulation simulation = new Simulation(sale, connection);
        SaleBuckets split = new SaleBuckets(sale.keys(), buckets);
        try (CountedConnection counter = new CountedConnection(connection)) {
            CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
            long[] next = new long[buckets];
            List<SaleState> states = null;
            long deadline = System.nanoTime();
            boolean caughtUp = false;
            while (!caughtUp) {
                boolean ended = running.isDone();
                long in = counter.bytesIn();
                long outBytes = counter.bytesOut();
                long trips = counter.roundTrips();
                long started = System.nanoTime();
                // in buckets, as the dashboard's poller: whole now and then, what changed in between
                boolean whole = buckets == 1 || ticks.size() % SaleBuckets.WHOLE_EVERY == 0;
                states = whole ? split.read(counter.calls(), next, SaleReader.DEFAULT_BATCH)
                        : split.readSince(counter.calls(), states, next, SaleReader.DEFAULT_BATCH);
                long micros = (System.nanoTime() - started) / 1_000;
                int brought = 0;
                for (int i = 0; i < buckets; i++) {
                    next[i] = states.get(i).nextIndex();
                    brought += states.get(i).newWinners().size();
                }
                // after the sale, ticks go on until the winners are all read, as the dashboard's do
                caughtUp = ended && LongStream.of(next).sum() == SaleBuckets.sum(states).winners();
                ticks.add(new Tick(brought, counter.bytesIn() - in, counter.bytesOut() - outBytes,
                        counter.roundTrips() - trips, micros, whole));
                deadline += TICK_NANOS;
                LockSupport.parkNanos(Math.max(0, deadline - System.nanoTime()));
            }
            SimulationResult result = running.join();
            print(out, ticks, result, LongStream.of(next).sum(), buckets);
        } finally {
            split.reset(connection);
        }
    }

    private static void print(PrintWriter out, List<Tick> ticks, SimulationResult result, long seen, int buckets) {
        long maxTrips = ticks.stream().mapToLong(Tick::roundTrips).max().orElse(0);
        long minTrips = ticks.stream().mapToLong(Tick::roundTrips).min().orElse(0);
        out.printf(Locale.ROOT, "%nThe poller's cost: %,d ticks at 10 Hz during a %,d-winner lua sale%s (%,d winners "
                + "read, %,d in Redis)%n", ticks.size(), result.state() == null ? 0 : result.state().winners(),
                buckets > 1 ? String.format(Locale.ROOT, " in %,d buckets", buckets) : "", seen,
                result.state() == null ? 0 : result.state().winners());
        out.printf(Locale.ROOT, "  round trips per tick   %d to %d (%s)%n", minTrips, maxTrips, buckets == 1
                ? "one MULTI/EXEC: GET GET PTTL LLEN HGET LRANGE LRANGE" : "a MULTI/EXEC per "
                + SaleBuckets.BUCKETS_PER_TRANSACTION + " buckets: GET GET PTTL LLEN HGET LRANGE LRANGE a bucket "
                + "every " + SaleBuckets.WHOLE_EVERY + "th tick, else GET LLEN, and LRANGE LRANGE where winners wait");
        if (buckets == 1) {
            bytes(out, "", ticks);
        } else {
            bytes(out, ", whole", ticks.stream().filter(Tick::whole).toList());
            bytes(out, ", between", ticks.stream().filter(t -> !t.whole()).toList());
        }
        long[] micros = ticks.stream().mapToLong(Tick::micros).sorted().toArray();
        out.printf(Locale.ROOT, "  read's round trip      median %.2f ms, longest %.2f ms (client's clock)%n",
                micros[micros.length / 2] / 1000.0, micros[micros.length - 1] / 1000.0);
        out.println("  tick   new winners   bytes read   bytes sent   round trips   ms");
        int step = Math.max(1, ticks.size() / 12);
        for (int i = 0; i < ticks.size(); i += step) {
            Tick t = ticks.get(i);
            out.printf(Locale.ROOT, "  %4d   %,11d   %,10d   %,10d   %11d   %.2f%s%n", i + 1, t.newWinners(),
                    t.bytesIn(), t.bytesOut(), t.roundTrips(), t.micros() / 1000.0, buckets > 1 && t.whole()
                    ? "   whole" : "");
        }
    }

    /** Bytes sent, and read with and without new winners, over these ticks (of one kind). */
    private static void bytes(PrintWriter out, String kind, List<Tick> ticks) {
        if (ticks.isEmpty()) {
            return;
        }
        long outMin = ticks.stream().mapToLong(Tick::bytesOut).min().orElse(0);
        long outMax = ticks.stream().mapToLong(Tick::bytesOut).max().orElse(0);
        Tick idle = ticks.stream().filter(t -> t.newWinners() == 0).findFirst().orElse(null);
        List<Tick> busy = ticks.stream().filter(t -> t.newWinners() > 0).toList();
        long winnerBytes = busy.stream().mapToLong(Tick::bytesIn).sum()
                - (idle == null ? 0 : idle.bytesIn() * busy.size());
        long busyWinners = busy.stream().mapToLong(Tick::newWinners).sum();
        out.printf(Locale.ROOT, "  bytes sent per tick%s    %,d to %,d%s%n", kind, outMin, outMax, kind.isEmpty()
                ? " (the same request every tick)" : "");
        if (idle != null) {
            out.printf(Locale.ROOT, "  bytes read, no new%s     %,d%n", kind, idle.bytesIn());
        }
        if (!busy.isEmpty()) {
            out.printf(Locale.ROOT, "  bytes read per winner%s  %.1f (id and time), over %,d ticks that brought "
                    + "winners%n", kind, (double) winnerBytes / busyWinners, busy.size());
        }
    }
}
