package seckill.ui.cluster;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import seckill.service.ClusterView;
import seckill.service.ClusterView.ClusterNode;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;

/**
 * The "Cluster" panel's state: shown only on a Redis Cluster; which master holds the sale, every node with its
 * ops/s, and what changed as it happened: a slot moving and moved, a master failing and its replica taking over.
 * Fed {@link ClusterView}s on the FX thread; touches no control, so it is tested without a toolkit.
 */
@Face
public final class ClusterModel {
    /** Changes kept on screen, newest first. */
    static final int EVENTS = 8;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LocalText> master =
            new ReadOnlyObjectWrapper<>(LocalText.of("cluster.noMaster"));
    private final ObservableList<ClusterNode> nodes = FXCollections.observableArrayList();
    private final ObservableList<LocalText> events = FXCollections.observableArrayList();
    // one read-only view each: a view made per call would be collected, and the listeners on it with it
    private final ObservableList<ClusterNode> nodesView = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<LocalText> eventsView = FXCollections.unmodifiableObservableList(events);
    private ClusterView last;
    /** The last master seen to hold the sale: a failover leaves a moment with none between two. */
    private String lastMaster;

    /** A new reading of the cluster; FX thread. */
    public void accept(ClusterView view) {
        active.set(true);
        if (last != null) {
            changes(last, view, lastMaster).forEach(e -> events.add(0, e));
            if (events.size() > EVENTS) {
                events.remove(EVENTS, events.size());
            }
        }
        master.set(view.saleMaster() == null ? LocalText.of("cluster.noMaster")
                : LocalText.of("cluster.master", view.saleMaster(), view.saleSlot()));
        nodes.setAll(view.nodes());
        last = view;
        if (view.saleMaster() != null) {
            lastMaster = view.saleMaster();
        }
    }

    /**
     * What happened between two readings, as lines for a person.
     *
     * @param from the master last seen to hold the sale, or null
     */
    static List<LocalText> changes(ClusterView before, ClusterView now, String from) {
        java.util.ArrayList<LocalText> out = new java.util.ArrayList<>();
        for (ClusterNode node : now.nodes()) {
            ClusterNode was = before.node(node.address());
            if (was != null && !was.failing() && node.failing()) {
                out.add(LocalText.of("cluster.failing", node.address()));
            }
            if (was != null && was.failing() && !node.failing()) {
                out.add(LocalText.of("cluster.back", node.address()));
            }
        }
        if (!before.saleMoving() && now.saleMoving()) {
            out.add(LocalText.of("cluster.moving", now.saleSlot(), String.valueOf(now.saleMaster())));
        }
        String to = now.saleMaster();
        if (to != null && from != null && !to.equals(from)) {
            ClusterNode old = now.node(from);
            ClusterNode promoted = before.node(to);
            // a replica that became master, or a master that went down: else the slot was migrated
            boolean failover = old == null || old.failing() || !old.master() || promoted != null && !promoted.master();
            out.add(failover ? LocalText.of("cluster.failover", to, from)
                    : LocalText.of("cluster.moved", now.saleSlot(), from, to));
        }
        return out;
    }

    /** True once a cluster has been read: the panel shows only then. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** "Sale on 127.0.0.1:7001 (slot 1234)", or that no master holds it now. */
    public ReadOnlyObjectProperty<LocalText> masterProperty() {
        return master.getReadOnlyProperty();
    }

    public ObservableList<ClusterNode> nodes() {
        return nodesView;
    }

    /** What changed, newest first. */
    public ObservableList<LocalText> events() {
        return eventsView;
    }
}
