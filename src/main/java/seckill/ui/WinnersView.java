package seckill.ui;

import java.util.List;
import java.util.Locale;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The winners, first buyer first. A virtualized table with fixed row height (only the visible rows exist as cells,
 * so 100 000 winners scroll as smoothly as 10). It follows the newest row until the person scrolls away, and again
 * once they scroll back to the end or tick "follow".
 */
final class WinnersView extends VBox {
    private final WinnersViewModel model;
    private final I18n i18n;
    private final TableView<WinnerRow> table = new TableView<>();
    private final Label count = new Label("0");
    private final CheckBox follow = new CheckBox();

    WinnersView(WinnersViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("winners");
        setSpacing(8);
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(i18n.binding("winners.title"));
        count.setId("winners-count");
        count.getStyleClass().add("winners-count");
        follow.setId("follow");
        follow.setGraphic(Icons.of(Icons.FOLLOW));
        follow.textProperty().bind(i18n.binding("winners.follow"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, count, gap, follow);
        header.setAlignment(Pos.CENTER_LEFT);

        table.setId("winners-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(32);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.rows());
        TableColumn<WinnerRow, Long> rank = new TableColumn<>();
        rank.textProperty().bind(i18n.binding("winners.rank"));
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        rank.setStyle("-fx-alignment: CENTER-RIGHT;");
        rank.setSortable(false);
        rank.setPrefWidth(80);
        TableColumn<WinnerRow, String> user = new TableColumn<>();
        user.textProperty().bind(i18n.binding("winners.user"));
        user.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().userId()));
        user.setSortable(false);
        user.setPrefWidth(180);
        TableColumn<WinnerRow, String> since = new TableColumn<>();
        since.textProperty().bind(i18n.binding("winners.since"));
        since.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(sinceText(c.getValue().msSinceOpen())));
        since.setStyle("-fx-alignment: CENTER-RIGHT;");
        since.setSortable(false);
        since.setPrefWidth(150);
        since.setMinWidth(130);
        table.getColumns().setAll(List.of(rank, user, since));
        Label empty = new Label();
        empty.textProperty().bind(i18n.binding("winners.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, table);
    }

    static String sinceText(long ms) {
        return ms < 0 ? "—" : String.format(Locale.ROOT, "+%.3f s", ms / 1000.0);
    }

    private void initListeners() {
        follow.selectedProperty().bindBidirectional(model.followNewestProperty());
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d",
                model.rows().size()), model.rows()));
        // registered once the skin exists, so that it runs after the skin has heard of the new rows
        table.skinProperty().addListener((obs, was, skin) -> {
            if (skin != null && was == null) {
                model.rows().addListener((ListChangeListener<WinnerRow>) change -> {
                    if (model.followNewestProperty().get() && !model.rows().isEmpty()) {
                        // the skin takes the new row count in at its next layout: do that layout now (the pulse
                        // would do it anyway), or the scroll stops short of the rows just added
                        table.layout();
                        table.scrollTo(model.rows().size() - 1);
                    }
                });
            }
        });
        model.followNewestProperty().addListener((obs, was, on) -> {
            if (on && !model.rows().isEmpty()) {
                table.scrollTo(model.rows().size() - 1);
            }
        });
        // the person moved the table: follow only if they are at the end now
        table.addEventHandler(ScrollEvent.SCROLL, e -> updateFollow());
        table.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> updateFollow());
        table.addEventHandler(KeyEvent.KEY_RELEASED, e -> updateFollow());
    }

    private void updateFollow() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || model.rows().isEmpty()) {
            return;
        }
        var last = flow.getLastVisibleCell();
        model.followNewestProperty().set(last != null && last.getIndex() >= model.rows().size() - 1);
    }

    TableView<WinnerRow> table() {
        return table;
    }
}
