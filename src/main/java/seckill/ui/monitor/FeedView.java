package seckill.ui.monitor;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.ui.common.I18n;
import seckill.ui.common.PresentationModel;
import seckill.ui.monitor.CommandFeedModel.Row;
import seckill.ui.monitor.CommandFeedModel.RowKind;

/**
 * What Redis sees: the run's sampled commands as a scrolling monospace list, to hold beside
 * {@code redis-cli MONITOR}. On the window's right while View → What Redis sees is on; it follows the newest line.
 * Built in code: constructor, {@link #createView()}, {@link #initListeners()}.
 */
final class FeedView extends VBox {
    /** How often it takes the feed's new lines while shown. */
    private static final long PULL_NANOS = 100_000_000L;

    private final CommandFeedModel model;
    private final I18n i18n;
    private final PresentationModel presentation;
    private final Label title = new Label();
    private final Label hint = new Label();
    private final ListView<Row> list = new ListView<>();
    private final AnimationTimer puller = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (now - last >= PULL_NANOS) {
                last = now;
                model.pull();
            }
        }
    };

    FeedView(CommandFeedModel model, I18n i18n, PresentationModel presentation) {
        this.model = model;
        this.i18n = i18n;
        this.presentation = presentation;
        createView();
        initListeners();
    }

    private void createView() {
        setId("feed");
        getStyleClass().add("feed");
        setSpacing(6);
        setPadding(new Insets(12, 12, 12, 12));
        title.getStyleClass().add("feed-title");
        hint.getStyleClass().add("feed-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        list.setId("feed-list");
        list.getStyleClass().add("feed-list");
        list.setCellFactory(v -> new RowCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, hint, list);
    }

    private void initListeners() {
        title.textProperty().bind(i18n.binding("feed.title"));
        hint.textProperty().bind(i18n.binding("feed.hint"));
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(i18n.binding("feed.empty"));
        list.setPlaceholder(empty);
        list.setItems(model.rows());
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(visibleProperty());
        model.rows().addListener((ListChangeListener<Row>) change -> {
            if (!model.rows().isEmpty()) {
                list.scrollTo(model.rows().size() - 1);
            }
        });
        visibleProperty().addListener((obs, was, on) -> pulling(on));
        pulling(isVisible());
        // a third of the window at most: the sale needs the rest
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(scene.getWidth() * 0.28,
                        28 * presentation.getFontSize()), scene.widthProperty(), presentation.fontSizeProperty()));
            }
        });
    }

    private void pulling(boolean on) {
        if (on) {
            model.pull();
            puller.start();
        } else {
            puller.stop();
        }
    }

    private final class RowCell extends ListCell<Row> {
        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("feed-reply", "feed-missed");
            if (empty || row == null) {
                setText(null);
                return;
            }
            setWrapText(true);
            // wrapped within the list, never wider: a row of a long prefix reads on two lines, not off the edge
            setPrefWidth(0);
            if (row.kind() == RowKind.MISSED) {
                setText(i18n.get("feed.missed", row.text()));
                getStyleClass().add("feed-missed");
            } else {
                setText(row.text());
                if (row.kind() == RowKind.REPLY) {
                    getStyleClass().add("feed-reply");
                }
            }
        }
    }
}
