package seckill.ui.lessons;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.ui.code.CodeViewModel;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.ui.form.FormViewModel;

/**
 * The lessons one click away: choosing one puts its settings into the form, opens the code panel on its strategy
 * and shows a card that says what to look at, until it is dismissed.
 */
@Face
public final class LessonViewModel {
    private final FormViewModel form;
    private final CodeViewModel code;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");

    public LessonViewModel(FormViewModel form, CodeViewModel code) {
        this.form = form;
        this.code = code;
    }

    /** Sets the form for the lesson, shows its strategy's code and its card. Only while no sale runs. */
    public void choose(Lesson chosen) {
        chosen.fill(form);
        code.show();
        lesson.set(chosen);
    }

    /** Puts the card away; the settings stay. */
    public void dismiss() {
        lesson.set(null);
    }

    /** The lesson whose card is on screen, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** "Lesson 2 · WATCH without retries: correct, but stock is left" */
    public static LocalText title(Lesson l) {
        return LocalText.of("lesson.title", l.number(), LocalText.of("lesson." + l.number() + ".title"));
    }

    /** What happens, and what to look at. */
    public static LocalText text(Lesson l) {
        return LocalText.of("lesson." + l.number() + ".text");
    }
}
