package seckill.ui;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Beside the charts: the winners, and the code panel in a tab of its own. The code model's {@code shown} and the
 * chosen tab follow each other, so a lesson, the View menu or Ctrl+U bring the code into sight.
 */
final class SideTabs extends TabPane {
    private final Tab winnersTab = new Tab();
    private final Tab codeTab = new Tab();

    SideTabs(WinnersView winners, CodeView code, CodeViewModel model, I18n i18n) {
        setId("side-tabs");
        getStyleClass().add("side-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        winnersTab.setId("winners-tab");
        winnersTab.textProperty().bind(i18n.binding("winners.title"));
        winnersTab.setContent(winners);
        codeTab.setId("code-tab");
        codeTab.textProperty().bind(i18n.binding("code.tab"));
        codeTab.setGraphic(Icons.of(CodeView.ICON));
        codeTab.setContent(code);
        getTabs().setAll(winnersTab, codeTab);
        getSelectionModel().select(model.shownProperty().get() ? codeTab : winnersTab);
        model.shownProperty().addListener((obs, was, shown) -> getSelectionModel().select(shown ? codeTab
                : winnersTab));
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.shownProperty()
                .set(now == codeTab));
    }
}
