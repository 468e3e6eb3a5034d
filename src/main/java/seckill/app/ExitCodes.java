package seckill.app;

/** The command line's exit codes, stated once: docs/ARCHITECTURE.md lists them for users. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int AUDIT_FAILED = 3;
    public static final int REDIS_UNAVAILABLE = 4;

    private ExitCodes() {
    }
}
