package seckill.ui.cluster;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import seckill.service.ClusterView.ClusterNode;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.LocalText;

/**
 * The "Cluster" panel: which master holds the sale, the nodes with their ops/s (the sale's master marked, a
 * failing node crossed), and the changes as they happen. Hidden, and taking no room, unless on a Redis Cluster.
 */
final class ClusterNodesView extends VBox {
    private final ClusterModel model;
    private final I18n i18n;
    private final Label title = new Label();
    private final Label master = new Label();
    private final VBox nodeRows = new VBox(2);
    private final VBox eventRows = new VBox(2);

    ClusterNodesView(ClusterModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(300);
        getStyleClass().add("cluster-panel");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(i18n.binding("cluster.title"));
        master.textProperty().bind(i18n.binding(model.masterProperty()));
        master.setWrapText(true);
        Label changes = new Label();
        changes.textProperty().bind(i18n.binding("cluster.changes"));
        getChildren().addAll(title, master, nodeRows, changes, eventRows);
        visibleProperty().bind(model.activeProperty());
        managedProperty().bind(model.activeProperty());
    }

    private void initListeners() {
        model.nodes().addListener((ListChangeListener<ClusterNode>) c -> redrawNodes());
        model.events().addListener((ListChangeListener<LocalText>) c -> redrawEvents());
        i18n.localeProperty().addListener((obs, was, now) -> {
            redrawNodes();
            redrawEvents();
        });
    }

    private void redrawNodes() {
        nodeRows.getChildren().setAll(model.nodes().stream().map(this::row).toList());
    }

    private Label row(ClusterNode node) {
        String ops = node.opsPerSec() < 0 ? "–" : Formats.count(node.opsPerSec());
        String key = node.master() ? "cluster.nodeMaster" : "cluster.nodeReplica";
        Label label = new Label((node.holdsSale() ? "★ " : node.failing() ? "✖ " : "  ")
                + i18n.get(key, node.address(), node.slots(), ops));
        label.setStyle(node.failing() ? "-fx-opacity: 0.5;" : node.holdsSale() ? "-fx-font-weight: bold;" : "");
        label.setWrapText(true);
        return label;
    }

    private void redrawEvents() {
        eventRows.getChildren().setAll(model.events().stream().map(e -> {
            Label label = new Label(i18n.format(e));
            label.setWrapText(true);
            return label;
        }).toList());
    }
}
