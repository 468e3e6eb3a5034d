package seckill.ui.monitor;

import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** What Redis sees (View → What Redis sees, Ctrl+M), at the window's right edge while shown. */
@Face
public final class MonitorPanel implements Panel {
    private final CommandFeedModel model;

    public MonitorPanel(CommandFeedModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.RIGHT_EDGE;
    }

    @Override
    public Region createView(Look look) {
        return new FeedView(model, look.i18n(), look.presentation());
    }
}
