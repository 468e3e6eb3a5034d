package seckill.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written frame by frame, looping forever, through the JDK's own GIF writer: every frame in one
 * {@link GifPalette}, and only the rectangle that changed since the frame before, its unchanged pixels transparent
 * (a dashboard changes a few figures and a chart's end at a time). A frame that changes nothing lengthens the one
 * before. Delays are in hundredths of a second, as GIF keeps them.
 */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageOutputStream out;
    private final ImageWriter writer;
    private final int width;
    private final int height;
    private final GifPalette palette;
    private final ImageTypeSpecifier type;
    /** The last frame added, whole, to find what the next one changes. */
    private int[] shown;
    /** The frame waiting to be written: its delay may still grow. */
    private BufferedImage pending;
    private int pendingX;
    private int pendingY;
    private int pendingDelay;
    private int written;

    /** Begins the file: {@code width} x {@code height}, every frame in that palette. */
    public AnimatedGif(OutputStream target, int width, int height, GifPalette palette) throws IOException {
        this.width = width;
        this.height = height;
        this.palette = palette;
        this.type = new ImageTypeSpecifier(palette.model(), palette.model().createCompatibleSampleModel(1, 1));
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.out = ImageIO.createImageOutputStream(target);
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /** Frames written so far (a frame that changed nothing is not one). */
    public int frames() {
        return written + (pending == null ? 0 : 1);
    }

    /** Adds a frame of ARGB pixels, row by row, shown for {@code delayCs} hundredths of a second. */
    public void add(int[] argb, int delayCs) throws IOException {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("a frame of " + argb.length + " pixels, not " + width + "x" + height);
        }
        if (shown == null) {
            pendingOf(argb, 0, 0, width, height, false);
        } else {
            int[] box = changed(argb);
            if (box == null) {
                pendingDelay += delayCs;
                return;
            }
            flush();
            pendingOf(argb, box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1, true);
        }
        pendingDelay = delayCs;
        shown = argb.clone();
    }

    /** Writes the last frame, held {@code holdCs} longer than its delay, and ends the file (the stream stays open). */
    public void finish(int holdCs) throws IOException {
        pendingDelay += holdCs;
        flush();
        writer.endWriteSequence();
        out.flush();
        writer.dispose();
    }

    /** The smallest box holding every pixel that differs from the frame shown: {x0, y0, x1, y1}, or null. */
    private int[] changed(int[] argb) {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = -1;
            for (int x = 0; x < width; x++) {
                if (argb[row + x] != shown[row + x]) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = width - 1;
            while (argb[row + last] == shown[row + last]) {
                last--;
            }
            x0 = Math.min(x0, first);
            x1 = Math.max(x1, last);
            y0 = Math.min(y0, y);
            y1 = y;
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    private void pendingOf(int[] argb, int x, int y, int w, int h, boolean onlyChanges) {
        BufferedImage image = type.createBufferedImage(w, h);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int row = 0; row < h; row++) {
            int from = (y + row) * width + x;
            for (int col = 0; col < w; col++) {
                int p = argb[from + col];
                pixels[row * w + col] = onlyChanges && p == shown[from + col] ? (byte) GifPalette.TRANSPARENT
                        : palette.index(p);
            }
        }
        pending = image;
        pendingX = x;
        pendingY = y;
    }

    private void flush() throws IOException {
        if (pending == null) {
            return;
        }
        IIOMetadata meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode descriptor = new IIOMetadataNode("ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(pendingX));
        descriptor.setAttribute("imageTopPosition", Integer.toString(pendingY));
        descriptor.setAttribute("imageWidth", Integer.toString(pending.getWidth()));
        descriptor.setAttribute("imageHeight", Integer.toString(pending.getHeight()));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(descriptor);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "TRUE");
        control.setAttribute("delayTime", Integer.toString(Math.min(65_535, pendingDelay)));
        control.setAttribute("transparentColorIndex", Integer.toString(GifPalette.TRANSPARENT));
        root.appendChild(control);
        if (written == 0) {
            IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // loop, forever
            apps.appendChild(loop);
            root.appendChild(apps);
        }
        meta.mergeTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(pending, null, meta), null);
        written++;
        pending = null;
    }
}
