package seckill.ui.live;

import java.util.List;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.PresentationModel;

/**
 * The winners, first buyer first. A virtualized table with fixed row height (only the visible rows exist as cells,
 * so 100 000 winners scroll as smoothly as 10). It follows the newest row until the person scrolls away, and again
 * once they scroll back to the end or tick "follow"; while it follows it holds only the newest rows (see
 * {@link WinnersViewModel#shownProperty()}).
 */
final class WinnersView extends VBox {
    /** A winner whose item was not in stock (rank beyond the stock): the row reads red, the rank carries a mark. */
    private static final PseudoClass BEYOND_STOCK = PseudoClass.getPseudoClass("beyond-stock");
    /** A student who joined from their phone: the row stands out in the accent. */
    private static final PseudoClass STUDENT = PseudoClass.getPseudoClass("student");
    /** Rows the table shows at least. */
    static final int LEAST_ROWS = 5;

    private final WinnersViewModel model;
    private final I18n i18n;
    private final TableView<WinnerRow> table = new TableView<>();
    private final Label count = new Label("0");
    private final Label beyond = new Label();
    private final CheckBox follow = new CheckBox();
    private final TableColumn<WinnerRow, Long> rank = new TableColumn<>();
    private final TableColumn<WinnerRow, WinnerRow> user = new TableColumn<>();
    private final TableColumn<WinnerRow, String> since = new TableColumn<>();
    private boolean scrollToNewest;

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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.itemsProperty().bind(model.shownProperty());
        rank.textProperty().bind(i18n.binding("winners.rank"));
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        rank.setCellFactory(column -> new RankCell());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WinnerRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(BEYOND_STOCK, !empty && row != null && row.beyondStock());
                pseudoClassStateChanged(STUDENT, !empty && row != null && row.student());
            }
        });
        rank.setStyle("-fx-alignment: CENTER-RIGHT;");
        rank.setSortable(false);
        user.textProperty().bind(i18n.binding("winners.user"));
        user.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        user.setCellFactory(column -> new UserCell());
        user.setSortable(false);
        since.textProperty().bind(i18n.binding("winners.since"));
        since.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.sinceOpen(c.getValue().msSinceOpen())));
        since.setStyle("-fx-alignment: CENTER-RIGHT;");
        since.setSortable(false);
        table.getColumns().setAll(List.of(rank, user, since));
        Label empty = new Label();
        empty.textProperty().bind(i18n.binding("winners.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        beyond.setId("winners-beyond");
        beyond.getStyleClass().add("winners-beyond");
        beyond.setGraphic(Icons.of(Icons.ALERT));
        beyond.setWrapText(true);
        getChildren().addAll(header, beyond, table);
        setEm(PresentationModel.BASE_FONT_PX);
    }

    /**
     * Column widths and row height for a root font of {@code px} pixels (the window's zoom): wide enough for a rank
     * of 100,000, a user id and "+12.345 s" under their headings, so no column is cut off.
     */
    public void setEm(double px) {
        table.setFixedCellSize(Math.round(2 * px));
        rank.setMinWidth(Math.round(4.75 * px));
        rank.setPrefWidth(Math.round(5 * px));
        user.setMinWidth(Math.round(9.75 * px));
        user.setPrefWidth(Math.round(11 * px));
        since.setMinWidth(Math.round(10 * px));
        since.setPrefWidth(Math.round(10 * px));
        // narrower than its columns only at a large zoom on a small screen: the table then scrolls sideways, not
        // the page
        setMinWidth(Math.round(14 * px));
        // the heading and at least five winners, whatever room the charts beside it leave
        table.setMinHeight(Math.round(2 * px) * (LEAST_ROWS + 1) + 4);
    }

    private void initListeners() {
        follow.selectedProperty().bindBidirectional(model.followNewestProperty());
        count.textProperty().bind(Bindings.createStringBinding(() -> Formats.count(model.rows().size()),
                model.rows()));
        beyond.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("winners.countBeyond",
                Formats.count(model.beyondStockProperty().get())), model.beyondStockProperty(), i18n.localeProperty()));
        beyond.visibleProperty().bind(model.beyondStockProperty().greaterThan(0));
        beyond.managedProperty().bind(beyond.visibleProperty());
        model.rows().addListener((ListChangeListener<WinnerRow>) change -> {
            if (model.followNewestProperty().get() && !table.getItems().isEmpty()) {
                // the table takes the new row count in at its next layout; scrolling before that would stop short
                // of the rows just added, so the scroll waits for the layout (see layoutChildren)
                scrollToNewest = true;
                requestLayout();
            }
        });
        // the table changes lists as it starts or stops following (the newest rows, or all): the row at its top
        // stays at the top, and following starts at the newest row
        model.shownProperty().addListener((obs, was, now) -> {
            VirtualFlow<?> flow = flow();
            var first = flow == null ? null : flow.getFirstVisibleCell();
            int at = first == null ? -1 : model.indexIn(now, was, first.getIndex());
            if (at >= 0 && !model.followNewestProperty().get()) {
                table.scrollTo(at);
            }
        });
        model.followNewestProperty().addListener((obs, was, on) -> {
            if (on && !table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
        // the person moved the table: follow only if they are at the end now
        table.addEventHandler(ScrollEvent.SCROLL, e -> updateFollow());
        table.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> updateFollow());
        table.addEventHandler(KeyEvent.KEY_RELEASED, e -> updateFollow());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (scrollToNewest) {
            scrollToNewest = false;
            // the table's own layout (due right after this one anyway) takes the new row count in first. Then the
            // flow scrolls just enough to show the last row whole: TableView.scrollTo puts a row at the top, and at
            // the end of a long list its estimate of where the end is can leave the last row out of sight
            table.layout();
            VirtualFlow<?> flow = flow();
            if (flow != null) {
                int last = table.getItems().size() - 1;
                flow.scrollTo(last);
                table.layout();
                // the flow's idea of where the list ends is an estimate; nudge until the last row is in sight
                for (int i = 0; i < 3 && !lastRowShown(flow, last); i++) {
                    flow.scrollPixels(table.getFixedCellSize());
                    table.layout();
                }
            } else {
                table.scrollTo(table.getItems().size() - 1);
            }
        }
    }

    private static boolean lastRowShown(VirtualFlow<?> flow, int last) {
        var cell = flow.getLastVisibleCell();
        return cell == null || cell.getIndex() >= last;
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    private void updateFollow() {
        VirtualFlow<?> flow = flow();
        if (flow == null || table.getItems().isEmpty()) {
            return;
        }
        var last = flow.getLastVisibleCell();
        model.followNewestProperty().set(last != null && last.getIndex() >= table.getItems().size() - 1);
    }

    public TableView<WinnerRow> table() {
        return table;
    }

    /** The rank, with a warning mark when the winner's item was beyond the stock. */
    private final class RankCell extends TableCell<WinnerRow, Long> {
        private final Tooltip tip = new Tooltip();

        RankCell() {
            tip.textProperty().bind(i18n.binding("winners.beyondStock"));
        }

        @Override
        protected void updateItem(Long value, boolean empty) {
            super.updateItem(value, empty);
            WinnerRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean beyond = row != null && row.beyondStock();
            setText(empty || value == null ? null : Formats.count(value));
            setGraphic(beyond ? Icons.of(Icons.ALERT) : null);
            setTooltip(beyond ? tip : null);
        }
    }
}
