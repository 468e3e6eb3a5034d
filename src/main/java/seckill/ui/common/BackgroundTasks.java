package seckill.ui.common;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import seckill.service.LabException;

/**
 * The one way a job leaves the FX thread and comes back: the job runs on the worker, and its value or its failure
 * (any {@link Throwable}, errors included) is {@linkplain Handoff#post posted} to the thread that drains the
 * hand-off, where the callback runs. A callback that throws is reported to the failure callback too. So no failure
 * can end in a worker's stack trace with the window left waiting.
 */
public final class BackgroundTasks {
    private final Executor worker;
    private final Handoff handoff;

    public BackgroundTasks(Executor worker, Handoff handoff) {
        this.worker = worker;
        this.handoff = handoff;
    }

    /**
     * Runs the job on the worker. The returned future completes on the draining thread, after the callback ran,
     * with the job's value or its failure.
     */
    public <T> CompletableFuture<T> run(Callable<T> job, Consumer<? super T> done, Consumer<Throwable> failed) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                T value;
                try {
                    value = job.call();
                } catch (Throwable e) {
                    handoff.post(() -> fail(outcome, e, failed));
                    return;
                }
                handoff.post(() -> deliver(outcome, value, done, failed));
            });
        } catch (Throwable e) {
            // the worker refused the job (shut down): the failure still comes back through the hand-off
            handoff.post(() -> fail(outcome, e, failed));
        }
        return outcome;
    }

    /** The same for work that completes elsewhere (a running sale): its outcome comes back through the hand-off. */
    public <T> CompletableFuture<T> follow(CompletionStage<T> stage, Consumer<? super T> done,
            Consumer<Throwable> failed) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        stage.whenComplete((value, error) -> handoff.post(() -> {
            if (error != null) {
                fail(outcome, unwrapped(error), failed);
            } else {
                deliver(outcome, value, done, failed);
            }
        }));
        return outcome;
    }

    private static <T> void deliver(CompletableFuture<T> outcome, T value, Consumer<? super T> done,
                                    Consumer<Throwable> failed) {
        try {
            done.accept(value);
        } catch (Throwable e) {
            fail(outcome, e, failed);
            return;
        }
        outcome.complete(value);
    }

    private static void fail(CompletableFuture<?> outcome, Throwable e, Consumer<Throwable> failed) {
        try {
            failed.accept(e);
        } finally {
            outcome.completeExceptionally(e);
        }
    }

    /**
     * What a failure says in a message: a {@link LabException}'s problem (the window words it in its language),
     * else the exception's kind and message in one line.
     */
    public static Object describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof LabException lab) {
            return lab.problem();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("\\s+", " ").strip();
        return cause.getClass().getSimpleName() + message;
    }

    private static Throwable unwrapped(Throwable e) {
        return (e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null
                ? e.getCause() : e;
    }
}
