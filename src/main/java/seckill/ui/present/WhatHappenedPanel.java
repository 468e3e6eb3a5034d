package seckill.ui.present;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.sim.SimulationResult;
import seckill.ui.common.Face;
import seckill.ui.common.Icons;
import seckill.ui.common.LocalText;
import seckill.ui.common.Panel;
import seckill.ui.common.WordWrap;

/**
 * "What happened", above the sale in presenter mode once a local run has ended: the sale's lesson in one sentence
 * from its own figures, the settings under it. A picture of the window (Ctrl+S) takes it with the sale.
 */
@Face
public final class WhatHappenedPanel implements Panel {
    private final ObservableValue<SimulationResult> result;

    /** @param result the last local run's result, or null */
    public WhatHappenedPanel(ObservableValue<SimulationResult> result) {
        this.result = result;
    }

    @Override
    public Place place() {
        return Place.ABOVE_SALE;
    }

    @Override
    public Region createView(Look look) {
        Label title = new Label();
        title.setId("happened-title");
        title.getStyleClass().add("lesson-title");
        title.setGraphic(Icons.of("mdi2l-lightbulb-on-outline"));
        title.textProperty().bind(look.i18n().binding("happened.title"));
        Label text = WordWrap.betweenWords(new Label());
        text.setId("happened-text");
        text.getStyleClass().add("happened-text");
        text.setMinHeight(Region.USE_PREF_SIZE);
        ObjectBinding<LocalText> happened = Bindings.createObjectBinding(() -> WhatHappened.of(result.getValue()),
                result);
        text.textProperty().bind(look.i18n().binding(happened));
        Label caption = WordWrap.betweenWords(new Label());
        caption.setId("happened-caption");
        caption.getStyleClass().add("hint");
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(look.i18n().binding(Bindings.createObjectBinding(() -> result.getValue() == null
                ? LocalText.of("happened.none") : WhatHappened.caption(result.getValue()), result)));
        VBox card = new VBox(4, title, text, caption);
        card.setId("what-happened");
        card.getStyleClass().add("lesson-card");
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.visibleProperty().bind(look.presentation().presentingProperty().and(happened.isNotNull()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }
}
