package seckill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.Jedis;
import seckill.redis.CountingSocketFactory;
import seckill.redis.RedisConnection;
import seckill.sale.Sale;
import seckill.sale.SaleReader;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * What the dashboard's poller costs: during a sale with many winners, the same read the dashboard makes every
 * tick (one {@link SaleReader} round trip, only the new winners), through a connection that counts its bytes.
 */
public final class PollerCost {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** One tick: winners it brought, bytes each way, round trips. */
    record Tick(int newWinners, long bytesIn, long bytesOut, long roundTrips) {
    }

    private PollerCost() {
    }

    public static void measure(PrintWriter out, RedisConnection connection, SimulationConfig base, long winners) {
        SimulationConfig sale = base.toBuilder().strategy(StrategyKind.LUA).prefix(base.prefix() + "poller:")
                .load(winners, winners, base.pool(), 0).build();
        CountingSocketFactory counter = new CountingSocketFactory(connection);
        List<Tick> ticks = new ArrayList<>();
        Simulation simulation = new Simulation(sale, connection);
        try (Jedis jedis = counter.connect()) {
            SaleReader reader = new SaleReader(sale.keys());
            CompletableFuture<SimulationResult> running = CompletableFuture.supplyAsync(simulation::run);
            long next = 0;
            long deadline = System.nanoTime();
            boolean caughtUp = false;
            while (!caughtUp) {
                boolean ended = running.isDone();
                long in = counter.bytesIn();
                long outBytes = counter.bytesOut();
                long trips = counter.roundTrips();
                SaleState state = reader.read(jedis, next, SaleReader.DEFAULT_BATCH);
                next = state.nextIndex();
                // after the sale, ticks go on until the winners are all read, as the dashboard's do
                caughtUp = ended && state.newWinners().size() < SaleReader.DEFAULT_BATCH;
                ticks.add(new Tick(state.newWinners().size(), counter.bytesIn() - in, counter.bytesOut() - outBytes,
                        counter.roundTrips() - trips));
                deadline += TICK_NANOS;
                LockSupport.parkNanos(Math.max(0, deadline - System.nanoTime()));
            }
            SimulationResult result = running.join();
            print(out, ticks, result, next);
        } finally {
            try (Jedis jedis = connection.borrow()) {
                new Sale(sale.keys()).reset(jedis);
            }
        }
    }

    private static void print(PrintWriter out, List<Tick> ticks, SimulationResult result, long seen) {
        long maxTrips = ticks.stream().mapToLong(Tick::roundTrips).max().orElse(0);
        long minTrips = ticks.stream().mapToLong(Tick::roundTrips).min().orElse(0);
        long outMin = ticks.stream().mapToLong(Tick::bytesOut).min().orElse(0);
        long outMax = ticks.stream().mapToLong(Tick::bytesOut).max().orElse(0);
        Tick idle = ticks.stream().filter(t -> t.newWinners() == 0).findFirst().orElse(null);
        List<Tick> busy = ticks.stream().filter(t -> t.newWinners() > 0).toList();
        long winnerBytes = busy.stream().mapToLong(Tick::bytesIn).sum()
                - (idle == null ? 0 : idle.bytesIn() * busy.size());
        long busyWinners = busy.stream().mapToLong(Tick::newWinners).sum();
        out.printf(Locale.ROOT, "%nThe poller's cost: %,d ticks at 10 Hz during a %,d-winner lua sale (%,d winners "
                + "read, %,d in Redis)%n", ticks.size(), result.state() == null ? 0 : result.state().winners(),
                seen, result.state() == null ? 0 : result.state().winners());
        out.printf(Locale.ROOT, "  round trips per tick   %d to %d (one MULTI/EXEC: GET GET PTTL LLEN HGET "
                + "LRANGE LRANGE)%n", minTrips, maxTrips);
        out.printf(Locale.ROOT, "  bytes sent per tick    %d to %d (the same request every tick)%n", outMin, outMax);
        if (idle != null) {
            out.printf(Locale.ROOT, "  bytes read, no new     %,d%n", idle.bytesIn());
        }
        out.printf(Locale.ROOT, "  bytes read per winner  %.1f (id and time), over %,d ticks that brought "
                + "winners%n", busyWinners == 0 ? 0.0 : (double) winnerBytes / busyWinners, busy.size());
        out.println("  tick   new winners   bytes read   bytes sent   round trips");
        int step = Math.max(1, ticks.size() / 12);
        for (int i = 0; i < ticks.size(); i += step) {
            Tick t = ticks.get(i);
            out.printf(Locale.ROOT, "  %4d   %,11d   %,10d   %,10d   %11d%n", i + 1, t.newWinners(), t.bytesIn(),
                    t.bytesOut(), t.roundTrips());
        }
    }
}
