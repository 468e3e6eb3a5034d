package seckill.ui.students;

import java.util.Arrays;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A QR code as a picture: black modules on white, each module a whole number of pixels (no blur between them, which
 * a phone across a classroom would struggle with), inside the quiet zone of white the standard asks for. White
 * whatever the window's theme: a scanner expects dark on light.
 */
final class QrCode {
    /** The white border, in modules (the standard's least). */
    static final int QUIET_ZONE = 4;
    private static final int DARK = 0xFF000000;
    private static final int LIGHT = 0xFFFFFFFF;

    private final BitMatrix modules;

    /** The code of {@code text} (UTF-8, a medium error correction: survives a glare on the projector). */
    QrCode(String text) {
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds " + text.length() + " characters", e);
        }
    }

    /** Modules across, the quiet zone on both sides included. */
    int size() {
        return modules.getWidth();
    }

    /** The picture with each module {@code modulePx} pixels square: {@code size() * modulePx} pixels across. */
    WritableImage image(int modulePx) {
        int n = size();
        int side = n * modulePx;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, LIGHT);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (modules.get(x, y)) {
                    for (int dy = 0; dy < modulePx; dy++) {
                        int at = (y * modulePx + dy) * side + x * modulePx;
                        Arrays.fill(pixels, at, at + modulePx, DARK);
                    }
                }
            }
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), pixels, 0, side);
        return image;
    }
}
