package seckill.util;

/**
 * How a command or a window's session came out, in words; the command line turns it into its exit code (one
 * table, {@code seckill.app.ExitCodes}), so no other place states the numbers.
 */
public enum Verdict {
    /** Done, and the audit holds. */
    OK,
    /** Something failed that is neither the input nor Redis: a bug, or no display for the window. */
    FAILED,
    /** The settings or the sale's keys do not allow it. */
    REFUSED,
    /** The audit found a violation. */
    AUDIT_FAILED,
    /** Redis unreachable, refused or lost. */
    REDIS_UNAVAILABLE
}
