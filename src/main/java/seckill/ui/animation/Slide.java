package seckill.ui.animation;

import java.util.Locale;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.report.Recording;
import seckill.ui.compare.CompareView;
import seckill.ui.compare.CompareViewModel;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.Panel;
import seckill.ui.common.PresentationModel;
import seckill.ui.live.ChartsView;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.SaleFiguresView;
import seckill.ui.live.VerdictModel;
import seckill.ui.live.WinnersPanel;
import seckill.ui.replay.ReplayModel;

/**
 * What one frame of the animation shows, laid out for a slide: a caption (the sale, how slowed, where the replay
 * is), the tiles and verdict, then the two charts beside the winners. The dashboard's own views, on models of their
 * own: the window's sale is never touched. Built in code: constructor, {@link #createView()}.
 */
final class Slide extends VBox {
    private final I18n i18n;
    private final PresentationModel presentation;
    private final LiveSaleModel live = new LiveSaleModel();
    private final VerdictModel verdict = new VerdictModel();
    private final CompareViewModel compare = new CompareViewModel();
    private final ReplayModel replay = new ReplayModel(live, verdict, compare);
    private final ChartsView charts;
    private final CompareView columns;
    /** One sale's figures, charts and winners; a comparison's columns take their place. */
    private final VBox sale = new VBox(10);
    private final Label caption = new Label();
    private final Label time = new Label();

    /**
     * @param zoom the window's zoom, in percent: the slide's text is that size
     * @param dark the window's theme
     */
    Slide(I18n i18n, int zoom, boolean dark) {
        this.i18n = i18n;
        this.presentation = new PresentationModel();
        presentation.setZoom(zoom);
        this.charts = new ChartsView(live, i18n);
        charts.applyTheme(dark);
        charts.setScale(presentation.scale());
        this.columns = new CompareView(compare, i18n);
        columns.applyTheme(dark);
        columns.setScale(presentation.scale());
        createView();
    }

    private void createView() {
        getStyleClass().add("dashboard");
        setSpacing(10);
        setPadding(new Insets(12, 16, 12, 16));
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", presentation.getFontSize())
                + (i18n.isChinese() ? Fonts.cjkStyle() : ""));
        caption.setId("slide-caption");
        caption.setGraphic(Icons.of("mdi2m-movie-open-outline"));
        caption.getStyleClass().add("title-4");
        caption.setMinWidth(0);
        time.setId("slide-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("replay.time",
                ReplayModel.seconds(replay.timeMsProperty().get()), ReplayModel.seconds(replay.durationMsProperty()
                        .get())), replay.timeMsProperty(), replay.durationMsProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, caption, gap, time);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("lesson-card");
        Region winners = new WinnersPanel(live.winners()).createView(new Panel.Look(i18n, presentation));
        winners.setPrefWidth(0);
        HBox.setHgrow(charts, Priority.ALWAYS);
        // the charts take about two thirds of the width, the winners the rest
        charts.prefWidthProperty().bind(widthProperty().multiply(0.64));
        winners.prefWidthProperty().bind(widthProperty().multiply(0.3));
        HBox below = new HBox(12, charts, winners);
        VBox.setVgrow(below, Priority.ALWAYS);
        sale.getChildren().addAll(new SaleFiguresView(live, verdict, i18n, presentation), below);
        VBox.setVgrow(sale, Priority.ALWAYS);
        VBox.setVgrow(columns, Priority.ALWAYS);
        getChildren().addAll(top, sale);
    }

    /**
     * Shows the recording from its start, still: frames move it on with {@link #at}.
     *
     * @param speed recorded seconds per second, or NaN for the one that suits its length
     */
    void show(Recording recording, double speed) {
        replay.show(recording);
        replay.pause();
        if (!Double.isNaN(speed)) {
            replay.setSpeed(speed);
        }
        if (recording.isComparison()) {
            getChildren().set(1, columns);
        }
        Map<String, Object> settings = recording.header().settings();
        caption.setText(i18n.get("animation.caption", String.valueOf(settings.get("strategy")), settings.get("users"),
                settings.get("stock"), ReplayModel.speedText(replay.speedProperty().get())));
    }

    /** Recorded seconds per second. */
    double speed() {
        return replay.speedProperty().get();
    }

    /** The recorded sale's length, in ms. */
    double durationMs() {
        return replay.durationMsProperty().get();
    }

    /** The replay at that recorded time (back to the start first when earlier), the charts drawn up to it. */
    void at(double ms) {
        replay.seek(ms);
        charts.syncNow();
        columns.syncNow();
    }

    /** The slide is done with: its charts stop watching for frames. */
    void dispose() {
        charts.dispose();
    }
}
