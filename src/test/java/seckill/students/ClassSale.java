package seckill.students;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import seckill.redis.TestRedis;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/** A class room on the loopback following one sale on the shared Redis, under the test's own prefix. */
final class ClassSale implements AutoCloseable {
    final ClassRoom room = ClassRoom.open(new StudentsAddress("127.0.0.1", 0));
    final String prefix;
    Simulation simulation;
    CompletableFuture<SimulationResult> result;

    ClassSale(String prefix) {
        this.prefix = prefix;
    }

    /** Starts the sale (students set), the room following it; returns at once. */
    ClassSale start(SimulationConfig.Builder sale) {
        simulation = new Simulation(sale.prefix(prefix).students(true).build(), TestRedis.connection());
        room.follow(simulation.humans());
        result = CompletableFuture.supplyAsync(simulation::run);
        return this;
    }

    SimulationResult result() {
        return result.orTimeout(120, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        try {
            if (simulation != null) {
                simulation.stop();
                result.orTimeout(60, TimeUnit.SECONDS).join();
            }
        } finally {
            room.close();
            TestRedis.reset(prefix);
        }
    }
}
