package seckill.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import seckill.report.Exports;
import seckill.ui.common.I18n;
import seckill.ui.common.UserFolders;

/**
 * Pictures and files out of the window: the whole window as PNG, each chart as PNG (JFreeChart's own rendering, at
 * a size of our choosing), the winners as CSV and the run report as JSON. Files are written whole or not at all,
 * off the FX thread; the status line says where they went.
 */
final class Exporter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final ExportsModel exports;
    private final I18n i18n;

    Exporter(ExportsModel exports, I18n i18n) {
        this.exports = exports;
        this.i18n = i18n;
    }

    /** {@code seckill-2026-11-29-183000.png}: sorts by time, never overwrites the last one by accident. */
    static String timestampedName(String what, String extension, LocalDateTime at) {
        return "seckill" + (what.isEmpty() ? "" : "-" + what) + "-" + STAMP.format(at) + "." + extension;
    }

    /** Asks where to save; null when the person cancels. */
    public Path choose(Window owner, String what, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("export.choose"));
        chooser.setInitialFileName(timestampedName(what, extension, LocalDateTime.now()));
        chooser.setInitialDirectory(UserFolders.forExtension(extension).toFile());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                "*." + extension));
        var file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }

    /** The scene as it is on screen now (taken on the FX thread), encoded and written on the worker. */
    public CompletableFuture<Path> windowPng(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        return exports.write(() -> {
            writePng(file, pixels);
            return file;
        }, file);
    }

    public CompletableFuture<Path> chartPng(JFreeChart chart, int width, int height, Path file) {
        // JFreeChart draws with Java2D, independent of the FX thread; the chart is read while it draws, so take
        // the picture here and write it on the worker
        BufferedImage pixels = chart.createBufferedImage(width, height);
        return exports.write(() -> {
            writePng(file, pixels);
            return file;
        }, file);
    }

    private static void writePng(Path file, BufferedImage pixels) throws IOException {
        Exports.writeBytesAtomically(file, out -> {
            if (!ImageIO.write(pixels, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
