package seckill.redis;

/**
 * Redis could not be reached, refused us (authentication) or was lost for longer than allowed.
 * The message is one line meant for a person, and never carries a password.
 */
public class RedisUnavailableException extends RuntimeException {
    public RedisUnavailableException(String message) {
        super(message);
    }

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
