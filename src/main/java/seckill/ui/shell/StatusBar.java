package seckill.ui.shell;

import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.WordWrap;
import seckill.ui.replay.SlowMotion;
import seckill.ui.trace.TraceViewModel;

/**
 * The window's last line: the session's phase, the server (its URL masked) and what last happened; after a traced
 * run, a button that offers its timeline; after a fast one, a button that plays it again slowed down.
 */
final class StatusBar extends HBox {
    private final DashboardViewModel model;
    private final I18n i18n;
    private final Label statusTarget = new Label();
    private final Label statusPhase = new Label();
    private final Label statusMessage = new Label();
    private final Button traceOffer = new Button();
    private final Button slowOffer = new Button();

    StatusBar(DashboardViewModel model, I18n i18n, Runnable showTrace) {
        super(18);
        this.model = model;
        this.i18n = i18n;
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
        statusTarget.setId("status-target");
        statusPhase.setId("status-phase");
        statusMessage.setId("status-message");
        statusPhase.setMinWidth(Region.USE_PREF_SIZE);
        // everything in the bar wraps between words rather than push the window wider than the screen (a zoom)
        WordWrap.betweenWords(statusTarget).setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(statusMessage, Priority.ALWAYS);
        statusMessage.setMaxWidth(Double.MAX_VALUE);
        // a field's problem may be long (a URL's form): the bar grows a line rather than cut it off
        WordWrap.betweenWords(statusMessage);
        statusMessage.setMinHeight(Region.USE_PREF_SIZE);
        traceOffer(model.trace(), showTrace);
        slowOffer(model.slowMotion());
        getChildren().addAll(statusPhase, statusTarget, statusMessage, slowOffer, traceOffer);

        ServerModel server = model.server();
        statusTarget.textProperty().bind(Bindings.createStringBinding(this::targetText, server.redisTargetProperty(),
                model.server().serverVersionProperty(), model.server().embeddedProperty(), i18n.localeProperty()));
        statusPhase.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("phase."
                + model.status().getPhase().name().toLowerCase(Locale.ROOT)), model.status().phaseProperty(),
                i18n.localeProperty()));
        statusMessage.textProperty().bind(i18n.binding(model.status().messageProperty()));
    }

    /** A run with traces has ended: the status bar offers its timeline. */
    private void traceOffer(TraceViewModel trace, Runnable showTrace) {
        traceOffer.setId("trace-offer");
        traceOffer.getStyleClass().addAll(Styles.ACCENT, "trace-offer");
        traceOffer.setGraphic(Icons.of("mdi2t-timeline-text-outline"));
        WordWrap.betweenWords(traceOffer).setMinHeight(Region.USE_PREF_SIZE);
        traceOffer.setMnemonicParsing(false);
        traceOffer.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("trace.offer",
                trace.buyerCount()), trace.availableProperty(), i18n.localeProperty()));
        traceOffer.visibleProperty().bind(trace.availableProperty());
        traceOffer.managedProperty().bind(traceOffer.visibleProperty());
        traceOffer.setOnAction(e -> showTrace.run());
    }

    /** A fast local run has ended: the status bar offers to play it again slowed down. */
    private void slowOffer(SlowMotion slow) {
        slowOffer.setId("slow-offer");
        slowOffer.getStyleClass().addAll(Styles.ACCENT, "trace-offer");
        WordWrap.betweenWords(slowOffer).setMinHeight(Region.USE_PREF_SIZE);
        slowOffer.setMnemonicParsing(false);
        slowOffer.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("slow.offer",
                SlowMotion.seconds(slow.offeredProperty().get())), slow.offeredProperty(), i18n.localeProperty()));
        slowOffer.visibleProperty().bind(slow.offeredProperty().isNotNull());
        slowOffer.managedProperty().bind(slowOffer.visibleProperty());
        slowOffer.setOnAction(e -> slow.playOffered());
    }

    private String targetText() {
        String target = model.server().redisTargetProperty().get();
        if (target == null || target.isEmpty()) {
            return i18n.get("status.notConnected");
        }
        return i18n.get(model.server().embeddedProperty().get() ? "status.targetEmbedded" : "status.target", target,
                model.server().serverVersionProperty().get());
    }
}
