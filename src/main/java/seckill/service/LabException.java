package seckill.service;

import seckill.util.Problem;

/**
 * A command of the lab that failed for a reason the person can act on. The problem says what, in no language yet
 * and without the password; the message is its English line.
 */
public final class LabException extends RuntimeException {
    /** Why: it decides the words around the problem and the window's exit code. */
    public enum Reason {
        /** Redis could not be reached, refused us, or was lost: exit code 4, as {@code run}. */
        UNREACHABLE,
        /** The settings or the sale's keys do not allow the command: nothing was changed. */
        REFUSED
    }

    private final Reason reason;
    private final transient Problem problem;

    public LabException(Reason reason, Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.reason = reason;
        this.problem = problem;
    }

    public static LabException refused(Problem problem) {
        return new LabException(Reason.REFUSED, problem, null);
    }

    public static LabException unreachable(Problem problem, Throwable cause) {
        return new LabException(Reason.UNREACHABLE, problem, cause);
    }

    public Reason reason() {
        return reason;
    }

    public Problem problem() {
        return problem;
    }
}
