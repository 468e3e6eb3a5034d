package seckill.ui.replay;

import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** The replay's bar above the sale's tiles, there while a recording is on screen. */
@Face
public final class ReplayPanel implements Panel {
    private final ReplayModel model;

    public ReplayPanel(ReplayModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.ABOVE_SALE;
    }

    @Override
    public Region createView(Look look) {
        return new ReplayBar(model, look.i18n());
    }
}
