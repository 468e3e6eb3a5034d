package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFoldersTest {
    @TempDir
    Path home;

    private Path config() {
        return home.resolve(".config");
    }

    @Test
    void picturesGoToThePicturesFolder_filesToTheDocumentsFolder() throws IOException {
        Path pictures = Files.createDirectory(home.resolve("Pictures"));
        Path documents = Files.createDirectory(home.resolve("Documents"));
        assertThat(UserFolders.forExtension("png", home, config())).isEqualTo(pictures);
        assertThat(UserFolders.forExtension("GIF", home, config())).isEqualTo(pictures);
        assertThat(UserFolders.forExtension("csv", home, config())).isEqualTo(documents);
        assertThat(UserFolders.forExtension("json", home, config())).isEqualTo(documents);
        assertThat(UserFolders.forExtension("jsonl.gz", home, config())).isEqualTo(documents);
    }

    @Test
    void theHomeWhenThereIsNoSuchFolder() {
        assertThat(UserFolders.forExtension("png", home, config())).isEqualTo(home);
        assertThat(UserFolders.forExtension("json", home, config())).isEqualTo(home);
    }

    @Test
    void theDesktopsOwnNamesFromXdgUserDirs() throws IOException {
        Path pictures = Files.createDirectory(home.resolve("图片"));
        Files.createDirectory(home.resolve("Documents")); // not the one the desktop names
        Path documents = Files.createDirectories(home.resolve("work/文档"));
        Files.createDirectories(config());
        Files.writeString(config().resolve("user-dirs.dirs"), """
                # This file is written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/桌面"
                XDG_PICTURES_DIR="$HOME/图片"
                XDG_DOCUMENTS_DIR="%s"
                """.formatted(documents));
        assertThat(UserFolders.forExtension("png", home, config())).isEqualTo(pictures);
        assertThat(UserFolders.forExtension("csv", home, config())).isEqualTo(documents);
    }

    @Test
    void aFolderTheDesktopNamesButThatIsGoneIsTheHome() throws IOException {
        Files.createDirectories(config());
        Files.writeString(config().resolve("user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/Gone\"\n");
        assertThat(UserFolders.forExtension("png", home, config())).isEqualTo(home);
        assertThat(UserFolders.forExtension("json", home, config())).as("not named: the home").isEqualTo(home);
    }
}
