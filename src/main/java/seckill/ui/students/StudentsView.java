package seckill.ui.students;

import atlantafx.base.controls.ToggleSwitch;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.HorizontalDirection;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.PresentationModel;
import seckill.ui.common.WordWrap;

/**
 * The Students panel: the "Let the class join" switch and, while the class can join, the QR code a phone scans (as
 * wide as the panel, at least {@value #QR_LEAST_EM} em when the panel is that wide), the address and the join code
 * in large type for those who type them, how many joined and won, and the class list. It scrolls when it does not
 * fit; the code and the address stay under the QR code in the panel's height when there is room.
 */
final class StudentsView extends ScrollPane {
    /** The QR code's least side when the panel is wide enough, in em (300 px at 100 %). */
    static final double QR_LEAST_EM = 18.75;
    /** Room kept under the QR code for the address, the code and the counts, in em. */
    private static final double UNDER_QR_EM = 9;

    private final StudentsModel model;
    private final I18n i18n;
    private final DoubleProperty em = new SimpleDoubleProperty(PresentationModel.BASE_FONT_PX);
    private final ToggleSwitch join = new ToggleSwitch();
    private final Label message = new Label();
    private final Label off = new Label();
    private final QrView qr = new QrView();
    private final FittedLine url = new FittedLine(1.5, 0.75);
    private final FittedLine code = new FittedLine(3, 1.25);
    private final Label joined = new Label();
    private final Label won = new Label();
    private final PlayersList players;
    private final VBox live = new VBox();
    /** The switch is being set to what runs, not moved by the teacher. */
    private boolean showing;

    StudentsView(StudentsModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.players = new PlayersList(model, i18n);
        createView();
        initListeners();
    }

    private void createView() {
        setId("students");
        getStyleClass().add("students");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        join.setId("students-join");
        join.getStyleClass().add("students-join");
        join.setLabelPosition(HorizontalDirection.RIGHT);
        join.textProperty().bind(i18n.binding("students.join"));
        // the theme's switch moves from its track alone: its words, and Space, move it too
        join.setFocusTraversable(true);
        join.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.isStillSincePress() && !onTrack(e.getPickResult().getIntersectedNode())) {
                join.fire();
            }
        });
        join.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                join.fire();
                e.consume();
            }
        });
        message.setId("students-message");
        message.getStyleClass().add("students-message");
        message.setGraphic(Icons.of(Icons.ALERT));
        WordWrap.betweenWords(message);
        off.setId("students-off");
        off.getStyleClass().add("students-off");
        off.textProperty().bind(i18n.binding("students.off"));
        WordWrap.betweenWords(off);

        qr.setId("students-qr");
        url.setId("students-url");
        url.getStyleClass().add("students-url");
        url.setAlignment(Pos.CENTER);
        Label codeCaption = caption("students.code");
        code.setId("students-code");
        code.getStyleClass().add("students-code");
        HBox codeLine = new HBox(12, codeCaption, code);
        codeLine.setAlignment(Pos.BASELINE_CENTER);
        HBox.setHgrow(code, Priority.ALWAYS);
        code.setMaxWidth(Double.MAX_VALUE);
        joined.setId("students-joined");
        won.setId("students-won");
        HBox counts = new HBox(24, figure(joined, "students.joined"), figure(won, "students.won"));
        counts.setAlignment(Pos.CENTER);
        live.setId("students-live");
        live.setSpacing(8);
        live.setAlignment(Pos.TOP_CENTER);
        live.getChildren().addAll(qr, url, codeLine, counts, players);
        VBox content = new VBox(12, join, message, off, live);
        content.getStyleClass().add("students-content");
        content.setPadding(new Insets(12));
        setContent(content);
    }

    /** Whether the node is the switch's track or its thumb (which move it themselves). */
    private boolean onTrack(Node node) {
        for (Node n = node; n != null && n != join; n = n.getParent()) {
            if (n.getStyleClass().contains("thumb") || n.getStyleClass().contains("thumb-area")) {
                return true;
            }
        }
        return false;
    }

    private Label caption(String key) {
        Label caption = new Label();
        caption.getStyleClass().add("students-caption");
        caption.textProperty().bind(i18n.binding(key));
        caption.setMinWidth(Label.USE_PREF_SIZE);
        return caption;
    }

    private VBox figure(Label value, String captionKey) {
        value.getStyleClass().add("students-figure");
        VBox figure = new VBox(0, value, caption(captionKey));
        figure.setAlignment(Pos.CENTER);
        return figure;
    }

    private void initListeners() {
        join.setSelected(model.runningProperty().get());
        // the switch shows whether the class can join: the teacher's move asks, and it moves once that is so
        join.selectedProperty().addListener((obs, was, on) -> {
            if (!showing && on != model.runningProperty().get()) {
                show(model.runningProperty().get());
                model.ask(on);
            }
        });
        model.runningProperty().addListener((obs, was, on) -> show(on));
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.messageProperty().get() != null
                && !model.messageProperty().get().isBlank(), model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        off.visibleProperty().bind(model.runningProperty().not());
        off.managedProperty().bind(off.visibleProperty());
        live.visibleProperty().bind(model.runningProperty());
        live.managedProperty().bind(live.visibleProperty());
        url.textProperty().bind(model.urlProperty());
        code.textProperty().bind(model.codeProperty());
        model.urlProperty().addListener((obs, was, now) -> qr.setText(now));
        qr.setText(model.urlProperty().get());
        joined.textProperty().bind(Bindings.createStringBinding(() -> Formats.count(model.joinedProperty().get()),
                model.joinedProperty()));
        won.textProperty().bind(Bindings.createStringBinding(() -> Formats.count(model.wonProperty().get()),
                model.wonProperty()));
        // as wide as the panel, but leaving the address and the code in sight under it when the panel is tall enough
        qr.largestSideProperty().bind(Bindings.createDoubleBinding(() -> Math.max(QR_LEAST_EM * em.get(),
                getViewportBounds().getHeight() - UNDER_QR_EM * em.get()), viewportBoundsProperty(), em));
    }

    private void show(boolean running) {
        showing = true;
        try {
            join.setSelected(running);
        } finally {
            showing = false;
        }
    }

    /** Sizes for a root font of {@code px} pixels (the window's zoom). */
    void setEm(double px) {
        em.set(px);
        url.setEm(px);
        code.setEm(px);
        players.setEm(px);
        setMinWidth(Math.round(12 * px));
    }

    QrView qr() {
        return qr;
    }

    PlayersList players() {
        return players;
    }
}
