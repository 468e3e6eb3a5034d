package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import seckill.service.LabException;
import seckill.util.Problem;

class BackgroundTasksTest {
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final Handoff handoff = new Handoff();
    private final BackgroundTasks tasks = new BackgroundTasks(worker::add, handoff);
    private final List<Object> done = new ArrayList<>();
    private final List<Throwable> failed = new ArrayList<>();

    private void runAll() {
        for (Runnable job; (job = worker.poll()) != null; ) {
            job.run();
        }
        handoff.drain(s -> { });
    }

    @Test
    void theValueComesBackThroughTheHandoffNotOnTheWorker() {
        CompletableFuture<String> outcome = tasks.run(() -> "value", done::add, failed::add);
        for (Runnable job; (job = worker.poll()) != null; ) {
            job.run();
        }
        assertThat(done).as("nothing before the drain").isEmpty();
        assertThat(outcome).isNotDone();
        handoff.drain(s -> { });
        assertThat(done).containsExactly("value");
        assertThat(outcome).isCompletedWithValue("value");
    }

    @Test
    void anErrorInTheJobIsReportedToo() {
        StackOverflowError boom = new StackOverflowError();
        CompletableFuture<String> outcome = tasks.run(() -> {
            throw boom;
        }, done::add, failed::add);
        runAll();
        assertThat(failed).containsExactly(boom);
        assertThat(outcome).isCompletedExceptionally();
        assertThat(done).isEmpty();
    }

    @Test
    void aCallbackThatThrowsIsReportedAsAFailure() {
        IllegalStateException bug = new IllegalStateException("bug");
        tasks.run(() -> "value", v -> {
            throw bug;
        }, failed::add);
        runAll();
        assertThat(failed).containsExactly(bug);
    }

    @Test
    void aWorkerThatRefusesTheJobIsAFailureToo() {
        BackgroundTasks closed = new BackgroundTasks(job -> {
            throw new RejectedExecutionException("shut down");
        }, handoff);
        closed.run(() -> "value", done::add, failed::add);
        handoff.drain(s -> { });
        assertThat(failed).singleElement().isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void followsAStageThatCompletesElsewhereAndUnwrapsItsFailure() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        tasks.follow(stage.thenApply(s -> s + "!"), done::add, failed::add);
        LabException why = LabException.refused(Problem.of(Problem.Kind.LOOP_NO_TLS));
        stage.completeExceptionally(why);
        handoff.drain(s -> { });
        assertThat(failed).containsExactly(why);
    }

    @Test
    void describesAFailureInOneLine() {
        Problem p = Problem.of(Problem.Kind.LOOP_NO_TLS);
        assertThat(BackgroundTasks.describe(LabException.refused(p))).isEqualTo(p);
        assertThat(BackgroundTasks.describe(new UncheckedIOException(new AccessDeniedException("/x/w.csv"))))
                .isEqualTo("AccessDeniedException: /x/w.csv");
        assertThat(BackgroundTasks.describe(new IOException("disk\n  full"))).isEqualTo("IOException: disk full");
        assertThat(BackgroundTasks.describe(new StackOverflowError())).isEqualTo("StackOverflowError");
    }
}
