package seckill.ui.students;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The join address as a QR code, square, as large as its width allows up to {@link #largestSideProperty()}. The
 * picture is drawn again for the size it is shown at, in the screen's own pixels (a 125 % display included), so
 * each module is a whole number of pixels and never smoothed.
 */
final class QrView extends Region {
    private final ImageView picture = new ImageView();
    private final DoubleProperty largestSide = new SimpleDoubleProperty(this, "largestSide", Double.MAX_VALUE);
    private QrCode code;
    private String text;
    private double drawnScale;
    private int drawnModulePx;

    QrView() {
        getStyleClass().add("students-qr");
        picture.setSmooth(false);
        picture.setPreserveRatio(true);
        getChildren().add(picture);
        largestSide.addListener((obs, was, now) -> requestLayout());
    }

    /** The address to show; null shows nothing. */
    void setText(String content) {
        if (content == null || content.isEmpty()) {
            text = null;
            code = null;
        } else if (!content.equals(text)) {
            text = content;
            code = new QrCode(content);
        }
        drawnModulePx = 0;
        requestLayout();
    }

    /** The most the code's side may take, in layout pixels (its width otherwise). */
    DoubleProperty largestSideProperty() {
        return largestSide;
    }

    /** The picture as drawn now; for the tests. */
    ImageView picture() {
        return picture;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return code == null ? 0 : code.size() * 2.0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return code == null ? 0 : code.size();
    }

    @Override
    protected double computePrefHeight(double width) {
        return code == null ? 0 : side(width < 0 ? computePrefWidth(-1) : width, scale()) / scale();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (code == null) {
            picture.setImage(null);
            return;
        }
        double scale = scale();
        int modulePx = Math.max(1, (int) (side(getWidth(), scale) / code.size()));
        if (modulePx != drawnModulePx || scale != drawnScale) {
            drawnModulePx = modulePx;
            drawnScale = scale;
            picture.setImage(code.image(modulePx));
        }
        double shown = code.size() * modulePx / scale;
        picture.setFitWidth(shown);
        picture.setFitHeight(shown);
        picture.relocate(snapPositionX((getWidth() - shown) / 2), 0);
    }

    /** The side in screen pixels for a width: whole modules, within the largest side. */
    private int side(double width, double scale) {
        double room = Math.min(width, largestSide.get()) * scale;
        int modules = code.size();
        return Math.max(1, (int) (room / modules)) * modules;
    }

    /** Screen pixels per layout pixel where the view is shown. */
    private double scale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : window.getRenderScaleX();
    }
}
