package seckill.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file dialog opens: the person's pictures folder for a picture (PNG, GIF), their documents folder for the
 * rest (CSV, JSON, recordings); their home when that folder does not exist; never the folder the lab was launched
 * from. The folders are the desktop's own: on Linux as {@code xdg-user-dirs} names them (a Chinese desktop's
 * {@code ~/图片}), else {@code ~/Pictures} and {@code ~/Documents} (Windows, macOS).
 */
public final class UserFolders {
    private static final List<String> PICTURES = List.of("png", "gif", "jpg", "jpeg");
    private static final Pattern XDG_LINE = Pattern.compile("^\\s*(XDG_[A-Z]+_DIR)\\s*=\\s*\"(.*)\"\\s*$");

    private UserFolders() {
    }

    /** The folder a dialog for a file with this extension ("png", "jsonl.gz") opens in, on this machine. */
    public static Path forExtension(String extension) {
        String xdgConfig = System.getenv("XDG_CONFIG_HOME");
        Path home = Path.of(System.getProperty("user.home"));
        return forExtension(extension, home, xdgConfig == null || xdgConfig.isBlank() ? home.resolve(".config")
                : Path.of(xdgConfig));
    }

    /**
     * @param home      the person's home folder
     * @param xdgConfig where {@code user-dirs.dirs} would be
     */
    static Path forExtension(String extension, Path home, Path xdgConfig) {
        boolean picture = PICTURES.contains(extension.toLowerCase(Locale.ROOT));
        String folder = xdg(xdgConfig.resolve("user-dirs.dirs"), home)
                .map(dirs -> dirs.get(picture ? "XDG_PICTURES_DIR" : "XDG_DOCUMENTS_DIR"))
                .orElse(home.resolve(picture ? "Pictures" : "Documents").toString());
        Path chosen = folder == null ? home : Path.of(folder);
        // xdg-user-dirs names the home itself for a folder the person does without
        return Files.isDirectory(chosen) ? chosen : home;
    }

    /** The folders {@code user-dirs.dirs} names, {@code $HOME} expanded; empty when there is no such file. */
    private static Optional<Map<String, String>> xdg(Path file, Path home) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> dirs = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = XDG_LINE.matcher(line);
                if (m.matches()) {
                    dirs.put(m.group(1), m.group(2).replace("$HOME", home.toString()));
                }
            }
            return Optional.of(dirs);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
