package seckill.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.Themes;
import seckill.ui.export.ExportActions;

/**
 * The name of the lab and the buttons for pictures, files, theme and language. The buttons show their icons alone
 * (the tooltip names them) once the window is too narrow for their words, and their words again once it is wide
 * enough.
 */
final class HeaderBar extends HBox {
    private double fullWidth;
    private boolean compact;

    HeaderBar(DashboardViewModel model, ExportActions exports, Themes themes, I18n i18n) {
        super(8);
        Label title = new Label();
        title.getStyleClass().add("app-title");
        title.textProperty().bind(i18n.binding("app.title"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button shot = toolButton(i18n, "screenshot", Icons.SCREENSHOT, "action.screenshot", exports::askScreenshot);
        Button csv = toolButton(i18n, "export-csv", Icons.CSV, "action.exportCsv", exports::askWinnersCsv);
        Button json = toolButton(i18n, "export-json", Icons.JSON, "action.exportJson", exports::askReportJson);
        json.disableProperty().bind(model.exports().reportReadyProperty().not());
        Button theme = toolButton(i18n, "theme", Icons.THEME, "action.theme", () -> themes.setDark(!themes.isDark()));
        Button lang = toolButton(i18n, "language", Icons.LANGUAGE, "action.language", i18n::toggle);
        Button settings = toolButton(i18n, "settings", Icons.SETTINGS, "action.settings",
                model.presentation()::toggleForm);
        lang.setStyle(Fonts.cjkStyle()); // it says 中文 while the window speaks English
        getChildren().addAll(settings, title, gap, shot, csv, json, theme, lang);
        setId("header");
        getStyleClass().add("header");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 16, 8, 16));
    }

    private static Button toolButton(I18n i18n, String id, String icon, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(Icons.of(icon));
        b.textProperty().bind(i18n.binding(key));
        b.getStyleClass().add(Styles.FLAT);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.binding(key));
        b.setTooltip(tip);
        return b;
    }

    @Override
    protected void layoutChildren() {
        if (!compact && prefWidth(-1) > getWidth() + 0.5) {
            fullWidth = prefWidth(-1);
            setCompact(true);
        } else if (compact && getWidth() >= fullWidth) {
            setCompact(false);
        }
        super.layoutChildren();
    }

    private void setCompact(boolean on) {
        compact = on;
        for (Node n : getChildren()) {
            if (n instanceof Button b) {
                b.setContentDisplay(on ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
            }
        }
    }
}
