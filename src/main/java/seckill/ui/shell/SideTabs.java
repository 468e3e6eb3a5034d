package seckill.ui.shell;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import seckill.ui.buckets.BucketsView;
import seckill.ui.buckets.BucketsViewModel;
import seckill.ui.code.CodeView;
import seckill.ui.code.CodeViewModel;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.live.WinnersView;

/**
 * Beside the charts: the winners, the code panel in a tab of its own, and, while the sale on view is split into
 * buckets, their levels in a third. The code model's {@code shown} and the chosen tab follow each other, so a lesson,
 * the View menu or Ctrl+U bring the code into sight; a sale in buckets brings its buckets into sight (unless the code
 * is shown), and its tab goes with it.
 */
final class SideTabs extends TabPane {
    private final Tab winnersTab = new Tab();
    private final Tab codeTab = new Tab();
    private final Tab bucketsTab = new Tab();
    private final WinnersView winners;
    private final CodeView code;

    SideTabs(WinnersView winners, CodeView code, CodeViewModel model, BucketsView buckets,
             BucketsViewModel bucketsModel, I18n i18n) {
        this.winners = winners;
        this.code = code;
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
        bucketsTab.setId("buckets-tab");
        bucketsTab.textProperty().bind(i18n.binding("buckets.tab"));
        bucketsTab.setContent(buckets);
        getTabs().setAll(winnersTab, codeTab);
        getSelectionModel().select(model.shownProperty().get() ? codeTab : winnersTab);
        model.shownProperty().addListener((obs, was, shown) -> getSelectionModel().select(shown ? codeTab
                : winnersTab));
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.shownProperty()
                .set(now == codeTab));
        bucketsModel.activeProperty().addListener((obs, was, active) -> showBuckets(active));
        showBuckets(bucketsModel.activeProperty().get());
    }

    private void showBuckets(boolean active) {
        if (active && !getTabs().contains(bucketsTab)) {
            getTabs().add(1, bucketsTab);
            if (getSelectionModel().getSelectedItem() == winnersTab) {
                getSelectionModel().select(bucketsTab);
            }
        } else if (!active && getTabs().contains(bucketsTab)) {
            if (getSelectionModel().getSelectedItem() == bucketsTab) {
                getSelectionModel().select(winnersTab);
            }
            getTabs().remove(bucketsTab);
        }
    }

    /**
     * As narrow as the widest of its panes allows (a tab pane by itself would go down to nothing): the split beside
     * the charts then leaves the winners' columns whole, as it did without tabs.
     */
    @Override
    protected double computeMinWidth(double height) {
        return Math.max(super.computeMinWidth(height), Math.max(winners.minWidth(-1), code.minWidth(-1))
                + snappedLeftInset() + snappedRightInset());
    }
}
