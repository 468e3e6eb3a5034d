package seckill.ui.cluster;

import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** A Redis Cluster's nodes at the window's right edge; it takes no room on one server. */
@Face
public final class ClusterPanel implements Panel {
    private final ClusterModel model;

    public ClusterPanel(ClusterModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.RIGHT_EDGE;
    }

    @Override
    public Region createView(Look look) {
        return new ClusterNodesView(model, look.i18n());
    }
}
