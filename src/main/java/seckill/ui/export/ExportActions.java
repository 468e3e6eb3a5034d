package seckill.ui.export;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.scene.Scene;
import org.jfree.chart.JFreeChart;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;

/**
 * What the menu and the header ask for: a picture of the window, a chart as PNG, the winners as CSV, the report as
 * JSON, the last run's recording. Each asks where (a save dialog named by the time), then writes off the FX thread
 * through the {@link ExportsModel}.
 */
@Face
public final class ExportActions {
    private final ExportsModel exports;
    private final Exporter exporter;
    private final Supplier<Scene> scene;
    private final Runnable drawNow;
    private final Function<String, JFreeChart> charts;

    /**
     * @param scene   the window's scene, once it has one
     * @param drawNow brings every chart up to its model before a picture (they redraw at their own pace)
     * @param charts  a chart by name: "stock" or "rates"
     */
    public ExportActions(ExportsModel exports, I18n i18n, Supplier<Scene> scene, Runnable drawNow,
                         Function<String, JFreeChart> charts) {
        this.exports = exports;
        this.exporter = new Exporter(exports, i18n);
        this.scene = scene;
        this.drawNow = drawNow;
        this.charts = charts;
    }

    public void askScreenshot() {
        ask("", "png", this::screenshot);
    }

    /** The whole window as PNG, as it is on screen now. */
    public CompletableFuture<Path> screenshot(Path file) {
        drawNow.run();
        return exporter.windowPng(scene.get(), file);
    }

    public void askChart(String what) {
        ask(what, "png", file -> exportChart(what, file, 1280, 720));
    }

    /** A chart as PNG through JFreeChart's own drawing: "stock" or "rates". */
    public CompletableFuture<Path> exportChart(String what, Path file, int width, int height) {
        return exporter.chartPng(charts.apply(what), width, height, file);
    }

    public void askWinnersCsv() {
        ask("winners", "csv", exports::winners);
    }

    public void askReportJson() {
        ask("report", "json", exports::report);
    }

    public void askRecording() {
        ask("recording", "jsonl.gz", exports::recording);
    }

    /** Asks where to save a file of that kind (a save dialog named by the time), then hands it on; or nothing. */
    public void askFile(String what, String extension, Consumer<Path> export) {
        ask(what, extension, export);
    }

    private void ask(String what, String extension, Consumer<Path> export) {
        Path file = exporter.choose(scene.get().getWindow(), what, extension);
        if (file != null) {
            export.accept(file);
        }
    }
}
