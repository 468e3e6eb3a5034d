package seckill.ui.shell;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import seckill.service.LabService;
import seckill.ui.common.Handoff;

/**
 * A view model with no toolkit: the test's thread drains the hand-off, as the frames would. Two kinds: {@link #fast}
 * keeps the worker's jobs in a queue that {@link #settle()} runs on the test's thread, so a test decides when a job
 * runs and nothing races; {@link #real} has real worker threads, for a real service.
 */
final class ModelHarness implements AutoCloseable {
    final Handoff handoff = new Handoff();
    final DashboardViewModel model;
    private final Queue<Runnable> jobs;
    private final ExecutorService threads;

    private ModelHarness(LabService service, Queue<Runnable> jobs, ExecutorService threads) {
        this.jobs = jobs;
        this.threads = threads;
        this.model = new DashboardViewModel(service, jobs != null ? jobs::add : threads, handoff);
    }

    static ModelHarness fast(LabService service) {
        return new ModelHarness(service, new ArrayDeque<>(), null);
    }

    static ModelHarness real(LabService service) {
        return new ModelHarness(service, null, Executors.newCachedThreadPool());
    }

    /** Jobs handed to the worker and not yet run (fast harness). */
    int waitingJobs() {
        return jobs.size();
    }

    /** Runs the waiting jobs and drains what they hand back, until nothing is left (fast harness). */
    void settle() {
        while (!jobs.isEmpty() || !handoff.isIdle()) {
            runJobs();
            handoff.drain(model::apply);
        }
    }

    /** Runs the waiting jobs, leaving what they hand back undrained (fast harness). */
    void runJobs() {
        for (Runnable job; (job = jobs.poll()) != null; ) {
            job.run();
        }
    }

    /** Drains what the workers handed over until the condition holds (real harness). */
    void until(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            handoff.drain(model::apply);
            return condition.getAsBoolean();
        });
    }

    @Override
    public void close() {
        model.close();
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
