package seckill.service;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The service's runs and comparisons, each played on a thread of its own until it has ended. */
final class Playing {
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** How a failure is handed on (Redis's and the sale's as the dashboard hears them). */
    private final UnaryOperator<RuntimeException> translated;
    /** What each one still playing will come to. */
    private final Set<CompletableFuture<?>> playing = ConcurrentHashMap.newKeySet();

    Playing(UnaryOperator<RuntimeException> translated) {
        this.translated = translated;
    }

    /** Plays it on a thread of its own ({@code seckill-sale-N}), completing {@code done} with what it came to. */
    <T> void start(CompletableFuture<T> done, Supplier<T> work, Runnable after) {
        playing.add(done);
        done.whenComplete((result, error) -> playing.remove(done));
        Thread thread = new Thread(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(translated.apply(e));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                after.run();
            }
        }, "seckill-sale-" + RUNS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until every one playing now has ended (failed ones too), or for {@code limit} at most. */
    void awaitEnd(Duration limit) {
        try {
            CompletableFuture.allOf(playing.stream().map(f -> f.handle((result, error) -> null))
                    .toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // one that takes longer is let go
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
