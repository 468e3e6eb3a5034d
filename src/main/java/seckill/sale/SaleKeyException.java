package seckill.sale;

import seckill.util.Problem;

/** The sale's keys are not usable as they are: missing, or of the wrong type. The problem names the key. */
public class SaleKeyException extends RuntimeException {
    private final transient Problem problem;

    public SaleKeyException(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
