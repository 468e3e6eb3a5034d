package seckill.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import seckill.sale.SaleKeys;
import seckill.service.LabService;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationResult;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;

/**
 * Files out of the dashboard: the winners as CSV, the report as JSON of the last run or of the comparison on screen,
 * the last run's recording, and whatever the
 * view renders (PNGs). Each is written off the FX thread, whole or not at all; the status line says where it went
 * or why not.
 */
@Face
public final class ExportsModel {
    private final LabService service;
    private final BackgroundTasks tasks;
    private final Consumer<LocalText> status;
    private final Supplier<SaleKeys> viewedKeys;
    private final ObservableValue<SimulationResult> lastRun;
    private final Supplier<Boolean> connected;
    private ObservableValue<ComparisonResult> comparison = Bindings.createObjectBinding(() -> null);
    private BooleanBinding reportReady;

    /**
     * @param status     the status line
     * @param viewedKeys the sale on screen
     * @param lastRun    the last local run's result, or null
     * @param connected  whether a server was reached
     */
    public ExportsModel(LabService service, BackgroundTasks tasks, Consumer<LocalText> status,
                        Supplier<SaleKeys> viewedKeys, ObservableValue<SimulationResult> lastRun,
                        Supplier<Boolean> connected) {
        this.service = service;
        this.tasks = tasks;
        this.status = status;
        this.viewedKeys = viewedKeys;
        this.lastRun = lastRun;
        this.connected = connected;
        this.reportReady = Bindings.createBooleanBinding(() -> lastRun.getValue() != null, lastRun);
    }

    /**
     * A comparison's report while it is on screen: Report JSON writes it (as {@code run --compare --report}), not
     * the last single run's.
     *
     * @param onScreen a comparison is on screen
     * @param ended    its result, once it has ended
     */
    public ExportsModel withComparisons(ObservableBooleanValue onScreen, ObservableValue<ComparisonResult> ended) {
        comparison = Bindings.createObjectBinding(() -> onScreen.get() ? ended.getValue() : null, onScreen, ended);
        reportReady = Bindings.createBooleanBinding(() -> comparison.getValue() != null
                || !onScreen.get() && lastRun.getValue() != null, onScreen, ended, lastRun);
        return this;
    }

    /** There is a report to write: a comparison's on screen, else the last run's. */
    public BooleanBinding reportReadyProperty() {
        return reportReady;
    }

    /** The winners of the sale on screen as CSV, streamed from Redis; completes with the rows written. */
    public CompletableFuture<Long> winners(Path file) {
        if (!connected.get()) {
            return refuse("export.notConnected", "not connected to Redis");
        }
        SaleKeys keys = viewedKeys.get();
        return write(() -> service.exportWinners(keys, file), file);
    }

    /** The JSON report of the comparison on screen, else of the last local run. */
    public CompletableFuture<Path> report(Path file) {
        ComparisonResult compared = comparison.getValue();
        if (compared != null) {
            return write(() -> {
                service.exportComparison(compared, file);
                return file;
            }, file);
        }
        return ofLastRun(file, service::exportReport);
    }

    /**
     * The last local run's recording, as {@code run --record} writes it ({@code ui --replay} plays it); with a
     * comparison on screen, every lane of it, as {@code run --compare --record} writes it.
     */
    public CompletableFuture<Path> recording(Path file) {
        ComparisonResult comparison = this.comparison.getValue();
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
        SimulationResult r = lastRun.getValue();
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
