package seckill.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** The one way resources are loaded: a missing resource is a packaging bug, so it fails loudly. */
public final class Resources {
    private Resources() {
    }

    /** @param path absolute classpath path, e.g. {@code /seckill/sale/purchase.lua} */
    public static URL url(String path) {
        URL url = Resources.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing resource " + path + " (is the build complete?)");
        }
        return url;
    }

    public static String text(String path) {
        try (InputStream in = url(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + path, e);
        }
    }
}
