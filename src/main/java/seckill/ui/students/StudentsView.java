package seckill.ui.students;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.HorizontalDirection;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
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
 * wide as the panel, and whole in its height), the address and the join code in large type for those who type them,
 * how many joined and won, and the class list. It scrolls when it does not fit; the code and the address stay in
 * sight under the QR code when the panel is tall enough for them and a code of {@value #QR_LEAST_EM} em.
 */
final class StudentsView extends ScrollPane {
    /** The QR code's least side when the panel is wide enough, in em (300 px at 100 %). */
    static final double QR_LEAST_EM = 18.75;
    /** The smallest the QR code gets to stay whole in a short panel, in em. */
    static final double QR_SMALLEST_EM = 8;
    /** Room kept under the QR code for the address, the code and the counts, in em. */
    private static final double UNDER_QR_EM = 9;
    /** Room the switch takes above it, in em. */
    private static final double ABOVE_QR_EM = 4;

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
    private final LargeQr large;
    private final Button enlarge = new Button();
    private final VBox live = new VBox();
    /** The switch is being set to what runs, not moved by the teacher. */
    private boolean showing;

    StudentsView(StudentsModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.players = new PlayersList(model, i18n);
        this.large = new LargeQr(model, i18n);
        createView();
        initListeners();
    }

    private void createView() {
        setId("students");
        getStyleClass().add("students");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        createSwitch();
        createEnlarge();
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
        // the button goes under the switch when a large zoom leaves no room beside it
        FlowPane top = new FlowPane(8, 4, join, enlarge);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(12, top, message, off, live);
        content.getStyleClass().add("students-content");
        content.setPadding(new Insets(12));
        setContent(content);
    }

    private void createSwitch() {
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
    }

    /** A button, and a click on the code, show the code over the whole window. */
    private void createEnlarge() {
        qr.setCursor(Cursor.HAND);
        qr.setOnMouseClicked(e -> showLarge());
        enlarge.setId("students-enlarge");
        enlarge.setGraphic(Icons.of(Icons.FULL_SCREEN));
        enlarge.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.binding("students.large"));
        enlarge.setTooltip(tip);
        enlarge.accessibleTextProperty().bind(tip.textProperty());
        enlarge.setOnAction(e -> showLarge());
        enlarge.visibleProperty().bind(model.runningProperty());
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
        // as wide as the panel, and whole in its height: with the address and the code in sight under it when the
        // panel is tall enough for them and a code of the least size, else alone under the switch
        qr.largestSideProperty().bind(Bindings.createDoubleBinding(() -> {
            double high = getViewportBounds().getHeight();
            double px = em.get();
            return high - UNDER_QR_EM * px >= QR_LEAST_EM * px ? high - UNDER_QR_EM * px
                    : Math.max(QR_SMALLEST_EM * px, high - ABOVE_QR_EM * px);
        }, viewportBoundsProperty(), em));
    }

    /** The code over the whole window, for the back of the room. */
    private void showLarge() {
        if (getScene() != null && getScene().getWindow() != null) {
            large.show(getScene().getWindow(), getScene().getRoot().getStyle(), em.get());
        }
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

    LargeQr large() {
        return large;
    }

    QrView qr() {
        return qr;
    }

    PlayersList players() {
        return players;
    }
}
