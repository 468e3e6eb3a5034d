package seckill.ui.lessons;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.ui.code.CodeViewModel;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.WordWrap;

/**
 * The chosen lesson's card above the tiles: which lesson, what happens and what to look at; a button shows the
 * code, another puts the card away. Built in code: constructor, {@link #createView()}, {@link #initListeners()}.
 */
final class LessonCard extends HBox {
    static final String ICON = "mdi2s-school-outline";

    private final LessonViewModel model;
    private final CodeViewModel code;
    private final I18n i18n;
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button showCode = new Button();
    private final Button close = new Button();

    LessonCard(LessonViewModel model, CodeViewModel code, I18n i18n) {
        this.model = model;
        this.code = code;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        setId("lesson-card");
        getStyleClass().add("lesson-card");
        setSpacing(12);
        setAlignment(Pos.TOP_LEFT);
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        WordWrap.betweenWords(title);
        title.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("lesson-text");
        text.getStyleClass().add("lesson-text");
        WordWrap.betweenWords(text);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(4, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        showCode.setId("lesson-code");
        showCode.setGraphic(Icons.of(Icons.CODE));
        showCode.textProperty().bind(i18n.binding("lesson.showCode"));
        showCode.setMinWidth(Region.USE_PREF_SIZE);
        showCode.setMnemonicParsing(false);
        close.setId("lesson-close");
        close.setGraphic(Icons.of("mdi2c-close"));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.binding("lesson.close"));
        close.setTooltip(tip);
        getChildren().addAll(Icons.of(ICON), words, showCode, close);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    private void initListeners() {
        visibleProperty().bind(model.lessonProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        title.textProperty().bind(Bindings.createStringBinding(() -> model.lessonProperty().get() == null ? ""
                : i18n.format(LessonViewModel.title(model.lessonProperty().get())), model.lessonProperty(),
                i18n.localeProperty()));
        text.textProperty().bind(Bindings.createStringBinding(() -> model.lessonProperty().get() == null ? ""
                : i18n.format(LessonViewModel.text(model.lessonProperty().get())), model.lessonProperty(),
                i18n.localeProperty()));
        // English text quoting 库存遗留 needs the CJK font for those characters
        text.textProperty().addListener((obs, was, now) -> text.setStyle(Fonts.styleFor(now)));
        text.setStyle(Fonts.styleFor(text.getText()));
        showCode.setOnAction(e -> code.show());
        close.setOnAction(e -> model.dismiss());
    }
}
