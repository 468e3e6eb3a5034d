package seckill.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/**
 * An animated GIF as the JDK's reader sees it: its size, each frame's delay and rectangle, whether it loops forever,
 * and the first and last pictures with every frame laid on the ones before (ARGB).
 *
 * @param boxes each frame's {x, y, width, height}
 */
public record ReadGif(int width, int height, List<Integer> delays, List<List<Integer>> boxes, boolean loops,
                      int[] first, int[] last) {
    public static ReadGif of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readAllBytes());
        }
    }

    public static ReadGif of(byte[] gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            List<List<Integer>> boxes = new ArrayList<>();
            boolean loops = false;
            BufferedImage canvas = null;
            int[] first = null;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                        .item(0);
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                int x = Integer.parseInt(d.getAttribute("imageLeftPosition"));
                int y = Integer.parseInt(d.getAttribute("imageTopPosition"));
                var apps = root.getElementsByTagName("ApplicationExtension");
                for (int a = 0; a < apps.getLength(); a++) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.item(a);
                    byte[] data = (byte[]) app.getUserObject();
                    loops |= "NETSCAPE".equals(app.getAttribute("applicationID")) && data[0] == 1 && data[1] == 0
                            && data[2] == 0;
                }
                BufferedImage image = reader.read(i);
                boxes.add(List.of(x, y, image.getWidth(), image.getHeight()));
                if (canvas == null) {
                    canvas = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
                }
                canvas.getGraphics().drawImage(image, x, y, null);
                if (i == 0) {
                    first = pixels(canvas);
                }
            }
            return new ReadGif(canvas.getWidth(), canvas.getHeight(), delays, boxes, loops, first, pixels(canvas));
        } finally {
            reader.dispose();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
