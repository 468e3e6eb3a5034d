package seckill.redis;

import seckill.util.Problem;
import seckill.util.ProblemException;

/**
 * A Redis URL that cannot be used, as a {@link Problem} of one of the {@code url.*} kinds; its message is the
 * problem's English line. Neither ever holds the password, nor the text after a {@code ?}.
 */
public class RedisUrlException extends ProblemException {
    public RedisUrlException(Problem problem) {
        super(problem);
    }
}
