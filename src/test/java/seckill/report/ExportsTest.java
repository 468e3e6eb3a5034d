package seckill.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileReadableByOthers_andLeavesNoPartBehind() throws IOException {
        Path file = dir.resolve("sub/report.json");
        Exports.writeAtomically(file, "{\"ok\": true}\n");
        assertThat(Files.readString(file)).isEqualTo("{\"ok\": true}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileAsItWas() throws IOException {
        Path file = dir.resolve("winners.csv");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> Exports.writeAtomically(file, out -> {
            out.write("half of the new");
            throw new IOException("Redis lost mid-export");
        })).hasMessageContaining("Redis lost");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
