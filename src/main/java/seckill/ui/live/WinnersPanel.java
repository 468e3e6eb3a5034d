package seckill.ui.live;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** The winners' table, the first tab beside the charts and always there. */
@Face
public final class WinnersPanel implements Panel {
    private final WinnersViewModel model;
    private WinnersView view;

    public WinnersPanel(WinnersViewModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.SIDE_TAB;
    }

    @Override
    public Tab tab() {
        return new Tab("winners-tab", "winners.title", null, Bindings.createBooleanBinding(() -> true), null);
    }

    @Override
    public Region createView(Look look) {
        view = new WinnersView(model, look.i18n());
        look.followEm(view::setEm);
        return view;
    }

    /** The table as shown; for the window tests. */
    public TableView<WinnerRow> table() {
        return view.table();
    }
}
