package seckill.ui.lessons;

import javafx.scene.layout.Region;
import seckill.ui.code.CodeViewModel;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** The chosen lesson's card, above the sale's tiles. */
@Face
public final class LessonPanel implements Panel {
    private final LessonViewModel model;
    private final CodeViewModel code;

    public LessonPanel(LessonViewModel model, CodeViewModel code) {
        this.model = model;
        this.code = code;
    }

    @Override
    public Place place() {
        return Place.ABOVE_SALE;
    }

    @Override
    public Region createView(Look look) {
        return new LessonCard(model, code, look.i18n());
    }
}
