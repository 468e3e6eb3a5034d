package seckill.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import seckill.redis.RedisConnector;

/** A view model with real workers and no toolkit: the test's thread drains the hand-off, as the frames would. */
final class ModelHarness implements AutoCloseable {
    final ExecutorService worker = Executors.newCachedThreadPool();
    final Handoff handoff = new Handoff();
    final DashboardViewModel model = new DashboardViewModel(RedisConnector.fromEnvironment(), worker, handoff);

    /** Drains what the workers handed over until the condition holds. */
    void until(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            handoff.drain(model::apply);
            return condition.getAsBoolean();
        });
    }

    @Override
    public void close() {
        model.close();
        worker.shutdownNow();
    }
}
