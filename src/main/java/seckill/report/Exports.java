package seckill.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing export files whole or not at all. */
public final class Exports {
    private Exports() {
    }

    /**
     * Why a file could not be written, as a person reads it: the system's reason ("No space left on device", "File
     * too large"), not the exception's name.
     */
    public static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Something that writes text. */
    @FunctionalInterface
    public interface TextWriter {
        void writeTo(Writer out) throws IOException;
    }

    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, out -> out.write(text));
    }

    /** Writes to a temporary file in the same folder, then moves it over the target. */
    public static void writeAtomically(Path file, TextWriter writer) throws IOException {
        writeBytesAtomically(file, stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            writer.writeTo(out);
            out.flush(); // the stream is closed by writeBytesAtomically
        });
    }

    /** Something that writes bytes (a PNG, say). */
    @FunctionalInterface
    public interface ByteWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The same for binary files: a temporary file in the same folder, then a move over the target. A target that
     * exists and is not a regular file (a device, a pipe) is never replaced.
     */
    public static void writeBytesAtomically(Path file, ByteWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IOException(target + " is not a regular file; it is left as it is");
        }
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // a short temporary name, so that any name the target may have leaves room for it
        Path tmp = Files.createTempFile(dir, ".seckill-", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                writer.writeTo(out);
            }
            shareable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file is created readable by its owner only; an export is a document to share (a report for the
     * class, a screenshot for slides), so it gets the usual rw-r--r-- where the file system has POSIX permissions.
     */
    private static void shareable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and the like: the default permissions are already the user's usual ones
        }
    }
}
