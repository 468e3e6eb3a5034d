package seckill.ui.students;

import javafx.beans.binding.Bindings;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import seckill.ui.common.Face;
import seckill.ui.common.Panel;

/** The class joining from their phones, in a tab beside the winners: the switch, the QR code, the class list. */
@Face
public final class StudentsPanel implements Panel {
    private final StudentsModel model;
    private StudentsView view;

    public StudentsPanel(StudentsModel model) {
        this.model = model;
    }

    @Override
    public Place place() {
        return Place.SIDE_TAB;
    }

    @Override
    public Tab tab() {
        return new Tab("students-tab", "students.tab", null, Bindings.createBooleanBinding(() -> true),
                model.shownProperty());
    }

    @Override
    public Region createView(Look look) {
        view = new StudentsView(model, look.i18n());
        look.followEm(view::setEm);
        return view;
    }

    /** The QR code as drawn; for the window tests. */
    public ImageView qrPicture() {
        return view.qr().picture();
    }
}
