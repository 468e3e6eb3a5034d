package seckill.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import seckill.sale.SaleKeys;
import seckill.service.LabService;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationResult;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;

/**
 * Files out of the dashboard: the winners as CSV, the last run's report as JSON and its recording, and whatever the
 * view renders (PNGs). Each is written off the FX thread, whole or not at all; the status line says where it went
 * or why not.
 */
@Face
public final class ExportsModel {
    private final LabService service;
    private final BackgroundTasks tasks;
    private final Consumer<LocalText> status;
    private final Supplier<SaleKeys> viewedKeys;
    private final Supplier<SimulationResult> lastRun;
    private final Supplier<Boolean> connected;
    private final Supplier<ComparisonResult> lastComparison;

    /**
     * @param status     the status line
     * @param viewedKeys the sale on screen
     * @param lastRun    the last local run's result, or null
     * @param connected  whether a server was reached
     * @param lastComparison the comparison on screen, once ended and run here; null while none is
     */
    public ExportsModel(LabService service, BackgroundTasks tasks, Consumer<LocalText> status,
                        Supplier<SaleKeys> viewedKeys, Supplier<SimulationResult> lastRun,
                        Supplier<Boolean> connected, Supplier<ComparisonResult> lastComparison) {
        this.service = service;
        this.tasks = tasks;
        this.status = status;
        this.viewedKeys = viewedKeys;
        this.lastRun = lastRun;
        this.connected = connected;
        this.lastComparison = lastComparison;
    }

    /** The winners of the sale on screen as CSV, streamed from Redis; completes with the rows written. */
    public CompletableFuture<Long> winners(Path file) {
        if (!connected.get()) {
            return refuse("export.notConnected", "not connected to Redis");
        }
        SaleKeys keys = viewedKeys.get();
        return write(() -> service.exportWinners(keys, file), file);
    }

    /** The last local run's JSON report. */
    public CompletableFuture<Path> report(Path file) {
        return ofLastRun(file, service::exportReport);
    }

    /**
     * The last local run's recording, as {@code run --record} writes it ({@code ui --replay} plays it); with a
     * comparison on screen, every lane of it, as {@code run --compare --record} writes it.
     */
    public CompletableFuture<Path> recording(Path file) {
        ComparisonResult comparison = lastComparison.get();
        if (comparison != null) {
            return write(() -> {
                service.exportComparisonRecording(comparison, file);
                return file;
            }, file);
        }
        return ofLastRun(file, service::exportRecording);
    }

    /** A file of the last local run. */
    private interface RunFile {
        void write(SimulationResult result, Path file) throws IOException;
    }

    private CompletableFuture<Path> ofLastRun(Path file, RunFile export) {
        SimulationResult r = lastRun.get();
        if (r == null) {
            return refuse("export.noRun", "no run has ended yet");
        }
        return write(() -> {
            export.write(r, file);
            return file;
        }, file);
    }

    /** Writes a file on the worker and says in the status line how it went. */
    <T> CompletableFuture<T> write(Callable<T> job, Path file) {
        return tasks.run(job, done -> status.accept(LocalText.of("export.done", file.toAbsolutePath().toString())),
                e -> status.accept(LocalText.of("export.failed", file.getFileName().toString(),
                        BackgroundTasks.describe(e))));
    }

    private <T> CompletableFuture<T> refuse(String key, String why) {
        status.accept(LocalText.of(key));
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }
}
