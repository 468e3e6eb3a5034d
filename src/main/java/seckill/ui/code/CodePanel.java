package seckill.ui.code;

import javafx.beans.binding.Bindings;
import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** The strategy as code, in a tab beside the winners: chosen whenever the code model is shown, and the other way. */
@Face
public final class CodePanel implements Panel {
    private final CodeViewModel model;

    public CodePanel(CodeViewModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.SIDE_TAB;
    }

    @Override
    public Tab tab() {
        return new Tab("code-tab", "code.tab", CodeView.ICON, Bindings.createBooleanBinding(() -> true),
                model.shownProperty());
    }

    @Override
    public Region createView(Look look) {
        CodeView view = new CodeView(model, look.i18n());
        // its header wraps and its lines scroll: 20em is room for its widest buttons (commands, Lua, Python); less at a
        // large zoom, where they would push the page sideways
        look.followEm(px -> view.setMinWidth(Math.round(Math.min(LEAST_EM * px, 320 + 4 * px))));
        return view;
    }

    /** The code's least width, in em. */
    static final double LEAST_EM = 20;
}
