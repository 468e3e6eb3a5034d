package seckill.util;

/**
 * How a command or a window's session came out, in words, and the exit code that says it. The numbers are stated
 * here once: the command line's table ({@code seckill.app.ExitCodes}) reads them, and a recording's {@code end}
 * line writes them, so the window can record a sale without knowing the command line.
 */
public enum Verdict {
    /** Done, and the audit holds. */
    OK(0),
    /** Something failed that is neither the input nor Redis: a bug, or no display for the window. */
    FAILED(1),
    /**
     * The settings or the sale's keys do not allow it; or the settings ask more than this process or the server
     * has (open files, heap, replicas), before the sale or when a limit is reached in it.
     */
    REFUSED(2),
    /** The audit found a violation. */
    AUDIT_FAILED(3),
    /** Redis unreachable, refused or lost. */
    REDIS_UNAVAILABLE(4);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** What a command that comes out so exits with. */
    public int exitCode() {
        return exitCode;
    }
}
