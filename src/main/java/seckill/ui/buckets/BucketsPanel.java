package seckill.ui.buckets;

import java.util.List;

import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** Each bucket's level, in a tab beside the winners while the sale on view is split into buckets. */
@Face
public final class BucketsPanel implements Panel {
    /** The smallest cell of the grid, in em: below it the grid scrolls. */
    public static final double MIN_CELL_EM = BucketsView.MIN_CELL_EM;

    private final BucketsViewModel model;
    private BucketsView view;

    public BucketsPanel(BucketsViewModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.SIDE_TAB;
    }

    @Override
    public Tab tab() {
        return new Tab("buckets-tab", "buckets.tab", null, model.activeProperty(), null);
    }

    @Override
    public Region createView(Look look) {
        view = new BucketsView(model, look.i18n());
        look.followEm(view::setEm);
        return view;
    }

    /** A node per bucket as drawn (a bar, or a cell of the grid); for the window tests. */
    public List<Region> cellNodes() {
        return view.cellNodes();
    }
}
