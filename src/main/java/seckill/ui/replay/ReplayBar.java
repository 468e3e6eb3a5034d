package seckill.ui.replay;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import seckill.ui.common.BesideOrUnder;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.WordWrap;
import seckill.ui.common.WrappingRow;

/**
 * The replay's controls: play or pause, the speed, a scrub bar over the recorded time, to the end, and where the
 * replay is ("t = 0.052 s of 0.104 s"). The window's frames drive the replay through its own timer. Built in code:
 * constructor, {@link #createView()}, {@link #initListeners()}.
 */
final class ReplayBar extends VBox {
    static final String ICON = "mdi2m-movie-open-outline";

    private final ReplayModel model;
    private final I18n i18n;
    private final Button play = new Button();
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Slider scrub = new Slider();
    private final Button toEnd = new Button();
    private final Label time = new Label();
    private final Label title = new Label();
    /** The scrub bar is following the replay: its value moving is not the person's doing. */
    private boolean following;

    ReplayBar(ReplayModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        setId("replay-bar");
        getStyleClass().add("lesson-card");
        setSpacing(6);
        title.setGraphic(Icons.of(ICON));
        title.textProperty().bind(i18n.binding("replay.title"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        play.setId("replay-play");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.setMnemonicParsing(false);
        speed.setId("replay-speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        speed.getItems().setAll(ReplayModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                return x == null ? "" : ReplayModel.speedText(x);
            }

            @Override
            public Double fromString(String text) {
                return null;
            }
        });
        scrub.setId("replay-scrub");
        scrub.setMin(0);
        scrub.setMaxWidth(Double.MAX_VALUE);
        toEnd.setId("replay-end");
        toEnd.setGraphic(Icons.of("mdi2s-skip-next"));
        toEnd.textProperty().bind(i18n.binding("replay.toEnd"));
        toEnd.setMinWidth(Region.USE_PREF_SIZE);
        toEnd.setMnemonicParsing(false);
        time.setId("replay-time");
        WordWrap.betweenWords(time).setMinHeight(Region.USE_PREF_SIZE);
        // the controls on one line (a second one at a large zoom), where the replay is at the right, the scrub bar
        // the whole width under them
        WrappingRow buttons = new WrappingRow(10, 6, title, play, speed, toEnd);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new BesideOrUnder(buttons, time, 10), scrub);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /**
     * The box shows the speed it plays at: a recording's own default (its sale in ~17 s) is seldom one of the listed
     * speeds, and a box whose value is not among its items shows nothing, so that speed joins the list in its place.
     */
    private void showSpeed(double x) {
        if (!speed.getItems().contains(x)) {
            List<Double> all = new ArrayList<>(ReplayModel.SPEEDS);
            all.add(x);
            all.sort(null);
            speed.getItems().setAll(all);
        }
        speed.setValue(x);
    }

    private void initListeners() {
        visibleProperty().bind(model.recordingProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        play.textProperty().bind(Bindings.when(model.playingProperty()).then(i18n.binding("replay.pause"))
                .otherwise(i18n.binding("replay.play")));
        model.playingProperty().addListener((obs, was, now) -> play.setGraphic(Icons.of(now ? "mdi2p-pause"
                : Icons.START)));
        play.setGraphic(Icons.of(model.playingProperty().get() ? "mdi2p-pause" : Icons.START));
        play.setOnAction(e -> model.togglePlay());
        toEnd.setOnAction(e -> model.toEnd());
        showSpeed(model.speedProperty().get());
        model.speedProperty().addListener((obs, was, now) -> showSpeed(now.doubleValue()));
        speed.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.setSpeed(now);
            }
        });
        scrub.maxProperty().bind(model.durationMsProperty());
        model.timeMsProperty().addListener((obs, was, now) -> {
            following = true;
            scrub.setValue(now.doubleValue());
            following = false;
        });
        scrub.valueProperty().addListener((obs, was, now) -> {
            if (!following) {
                model.seek(now.doubleValue());
            }
        });
        time.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("replay.time", ReplayModel.seconds(
                model.timeMsProperty().get()), ReplayModel.seconds(model.durationMsProperty().get())),
                model.timeMsProperty(), model.durationMsProperty(), i18n.localeProperty()));
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    model.tick((now - last) / 1e9);
                }
                last = now;
            }
        }.start();
    }
}
