package seckill.util;

/**
 * A value refused as a {@link Problem}: its message is the problem's English line, for the command line, and
 * {@link #problem()} is what the window renders in its own language. Callers decide by the problem, never by the
 * message's text.
 */
public class ProblemException extends IllegalArgumentException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
