package seckill.ui.students;

import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/** Reads a QR code back out of a picture, as a phone's scanner would (it finds the code in the picture itself). */
public final class QrReading {
    private QrReading() {
    }

    /** The text the picture's QR code holds; fails when no code is found or it does not read. */
    public static String text(Image picture) {
        int w = (int) picture.getWidth();
        int h = (int) picture.getHeight();
        int[] argb = new int[w * h];
        picture.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the " + w + "x" + h + " picture", e);
        } catch (ReaderException e) {
            throw new AssertionError("the QR code in the picture does not read", e);
        }
    }
}
