package seckill.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the window is shown to a room: the zoom (every text and the charts grow with it) and whether the form is
 * folded away so the sale gets the whole width. Steps as a browser's zoom does. On a narrow window (a projector at
 * 1024x768 or 1280x720) a sale that starts folds the form by itself: the tiles, charts and winners need the width more
 * than a form that is greyed out while the sale runs; the header's settings button and Ctrl+B bring it back.
 */
public final class PresentationModel {
    public static final int MIN_ZOOM = 50;
    public static final int MAX_ZOOM = 300;
    public static final int DEFAULT_ZOOM = 100;
    /** The root font size at 100 %, in pixels. */
    public static final double BASE_FONT_PX = 16;
    private static final int[] STEPS = {50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300};
    /** Narrower than this many ems (1,300 px at 100 %: a 1280x720 projector too), a sale that starts folds the form. */
    static final double AUTO_FOLD_BELOW_EM = 81.25;

    private final ReadOnlyIntegerWrapper zoom = new ReadOnlyIntegerWrapper(this, "zoom", DEFAULT_ZOOM);
    private final BooleanProperty formFolded = new SimpleBooleanProperty(this, "formFolded");
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting");
    private final DoubleBinding fontSize = Bindings.createDoubleBinding(() -> BASE_FONT_PX * zoom.get() / 100.0,
            zoom);

    /** Whether {@code percent} is a zoom the window takes. */
    public static boolean allowed(int percent) {
        return percent >= MIN_ZOOM && percent <= MAX_ZOOM;
    }

    public ReadOnlyIntegerProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public int getZoom() {
        return zoom.get();
    }

    /** Sets the zoom in percent; one outside {@value #MIN_ZOOM}–{@value #MAX_ZOOM} is brought to the nearest end. */
    public void setZoom(int percent) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, percent)));
    }

    /** The next step up (125 → 150), or the step above a zoom given between steps. */
    public void zoomIn() {
        for (int step : STEPS) {
            if (step > zoom.get()) {
                zoom.set(step);
                return;
            }
        }
    }

    public void zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom.get()) {
                zoom.set(STEPS[i]);
                return;
            }
        }
    }

    public void resetZoom() {
        zoom.set(DEFAULT_ZOOM);
    }

    /** The window's root font size in pixels; every size in the style sheet is relative to it. */
    public DoubleBinding fontSizeProperty() {
        return fontSize;
    }

    public double getFontSize() {
        return fontSize.get();
    }

    /** How much larger than at 100 % (1.5 at 150 %). */
    public double scale() {
        return zoom.get() / 100.0;
    }

    public BooleanProperty formFoldedProperty() {
        return formFolded;
    }

    public boolean isFormFolded() {
        return formFolded.get();
    }

    public void toggleForm() {
        formFolded.set(!formFolded.get());
    }

    /** A sale starts on screen in a window {@code widthPx} wide: fold the form if the window is narrow. */
    public void saleStarts(double widthPx) {
        if (widthPx > 0 && widthPx < AUTO_FOLD_BELOW_EM * getFontSize()) {
            formFolded.set(true);
        }
    }

    /**
     * Presenter mode (F6, {@code --present}): the sale alone on screen for the class, large and still, with what
     * happened in plain words after each sale; the form, menus and bars away.
     */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    public void togglePresenting() {
        presenting.set(!presenting.get());
    }
}
