package seckill.redis;

import seckill.util.Problem;

/**
 * Redis could not be reached, refused us (authentication) or was lost for longer than allowed. The problem says
 * which, without the password; the message is its English line.
 */
public class RedisUnavailableException extends RuntimeException {
    private final transient Problem problem;

    public RedisUnavailableException(Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
