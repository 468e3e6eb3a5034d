package seckill.ui.common;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * One panel alone in a test's stage, styled as the window styles it: the theme, the window's style sheet, its root
 * font size for the zoom and a CJK font while it speaks Chinese.
 */
public final class PanelStage {
    private final I18n i18n;
    private final PresentationModel presentation = new PresentationModel();
    private Themes themes;
    private final StackPane root = new StackPane();
    private Region view;

    public PanelStage(Locale language) {
        this.i18n = new I18n(language);
    }

    /** Shows the panel's view, in the light theme, in the stage at that size; FX thread. */
    public Region show(Stage stage, Panel panel, double width, double height) {
        themes = new Themes(false);
        view = panel.createView(new Panel.Look(i18n, presentation));
        root.getChildren().setAll(view);
        useFont();
        i18n.localeProperty().addListener((obs, was, now) -> useFont());
        presentation.fontSizeProperty().addListener((obs, was, now) -> useFont());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.stylesheet());
        stage.setScene(scene);
        // the stage TestFX hands out is shared: a window test before this one may have left its least size on it
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return view;
    }

    private void useFont() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", presentation.getFontSize())
                + (i18n.isChinese() ? Fonts.cjkStyle() : ""));
    }

    public I18n i18n() {
        return i18n;
    }

    public Themes themes() {
        return themes;
    }

    public PresentationModel presentation() {
        return presentation;
    }
}
