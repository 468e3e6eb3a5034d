package seckill.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import seckill.report.Exports;

/**
 * Writing the files a command was asked for ({@code --report}, {@code --record}) after its sale: one that cannot be
 * written (a full disk, a quota) is named on stderr in one line, and the command goes on, so that its exit code
 * still tells how the sale came out ({@link ExitCodes#unwritten}).
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Writing a file, which may fail on the file system. */
    interface Writing {
        void write() throws IOException;
    }

    /** Writes it; false, after one line on {@code err} (the option, the path, the reason), when it cannot. */
    static boolean write(PrintWriter err, String option, Path file, Writing writing) {
        try {
            writing.write();
            return true;
        } catch (IOException e) {
            err.println("error: " + option + ": cannot write " + file.toAbsolutePath() + " (" + Exports.why(e)
                    + ")");
            err.flush();
            return false;
        }
    }
}
