package seckill.ui.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.Panel;

/**
 * Beside the charts: a tab for each side panel, in the order given; the first (the winners) is always there and
 * chosen when no other is. A panel's {@code chosen} and the chosen tab follow each other, so a lesson, the View menu
 * or Ctrl+U bring the code into sight; a tab that appears (a sale in buckets) is brought into sight unless another
 * than the first was chosen, and goes with its panel.
 */
final class SideTabs extends TabPane {
    private final List<Tab> tabs = new ArrayList<>();
    private final List<Panel.Tab> faces = new ArrayList<>();
    private final List<Region> views;

    SideTabs(List<Panel> panels, List<Region> views, I18n i18n) {
        this.views = views;
        setId("side-tabs");
        getStyleClass().add("side-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < panels.size(); i++) {
            Panel.Tab face = panels.get(i).tab();
            Tab tab = new Tab();
            tab.setId(face.id());
            tab.textProperty().bind(i18n.binding(face.titleKey()));
            if (face.icon() != null) {
                tab.setGraphic(Icons.of(face.icon()));
            }
            tab.setContent(views.get(i));
            tabs.add(tab);
            faces.add(face);
        }
        for (int i = 0; i < tabs.size(); i++) {
            int index = i;
            if (faces.get(i).present().get()) {
                getTabs().add(tabs.get(i));
            }
            faces.get(i).present().addListener((obs, was, present) -> showTab(index, present));
        }
        Tab chosen = tabs.get(0);
        for (int i = 0; i < tabs.size(); i++) {
            BooleanProperty wants = faces.get(i).chosen();
            if (wants == null) {
                continue;
            }
            Tab tab = tabs.get(i);
            if (wants.get()) {
                chosen = tab;
            }
            wants.addListener((obs, was, now) -> getSelectionModel().select(now ? tab : tabs.get(0)));
        }
        getSelectionModel().select(chosen);
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            for (int i = 0; i < tabs.size(); i++) {
                if (faces.get(i).chosen() != null) {
                    faces.get(i).chosen().set(now == tabs.get(i));
                }
            }
        });
        followLeastWidth();
    }

    private void showTab(int index, boolean present) {
        Tab tab = tabs.get(index);
        if (present && !getTabs().contains(tab)) {
            int at = 0;
            for (int i = 0; i < index; i++) {
                at += getTabs().contains(tabs.get(i)) ? 1 : 0;
            }
            getTabs().add(at, tab);
            if (getSelectionModel().getSelectedItem() == tabs.get(0)) {
                getSelectionModel().select(tab);
            }
        } else if (!present && getTabs().contains(tab)) {
            if (getSelectionModel().getSelectedItem() == tab) {
                getSelectionModel().select(tabs.get(0));
            }
            getTabs().remove(tab);
        }
    }

    /**
     * As narrow as the widest of the first pane and those the menu can choose allows: the charts beside it then leave
     * the winners' columns whole. Held as the pane's own least width, followed as the views' change with the zoom
     * (the tab pane's computed one keeps the widest it has ever been, so a smaller zoom would never narrow it).
     */
    private void followLeastWidth() {
        List<Observable> widths = new ArrayList<>();
        for (Region view : views) {
            widths.add(view.minWidthProperty());
        }
        minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double widest = 0;
            for (int i = 0; i < views.size(); i++) {
                if (faces.get(i).chosen() != null || i == 0) {
                    widest = Math.max(widest, views.get(i).minWidth(-1));
                }
            }
            return widest + snappedLeftInset() + snappedRightInset();
        }, widths.toArray(Observable[]::new)));
    }
}
