package seckill.redis;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Turns what Jedis throws into one line a person understands; never includes a password. */
public final class RedisErrors {
    private RedisErrors() {
    }

    public static String describe(RedisTarget target, Throwable error) {
        String where = "Redis at " + target.masked();
        Throwable root = rootCause(error);
        String text = String.valueOf(error.getMessage()) + " " + String.valueOf(root.getMessage());
        if (error instanceof JedisAccessControlException || text.contains("WRONGPASS") || text.contains("NOAUTH")
                || text.contains("invalid password") || text.contains("invalid username-password")) {
            return where + " refused authentication: wrong user or password, or none given";
        }
        if (root instanceof UnknownHostException) {
            return where + " is unreachable: unknown host '" + target.host() + "'";
        }
        if (root instanceof ConnectException) {
            return where + " is unreachable: connection refused (is redis-server running on that port?)";
        }
        if (root instanceof SocketTimeoutException) {
            return where + " did not answer in time";
        }
        if (root instanceof SSLException) {
            return where + " failed the TLS handshake: " + oneLine(root.getMessage(), target);
        }
        if (error instanceof JedisConnectionException) {
            return where + " was lost: " + oneLine(root.getMessage(), target);
        }
        if (error instanceof JedisDataException) {
            return where + " answered with an error: " + oneLine(error.getMessage(), target);
        }
        return where + " failed: " + oneLine(root.getClass().getSimpleName() + ": " + root.getMessage(), target);
    }

    /** True when the error is about the connection, so a retry on a fresh connection may succeed. */
    public static boolean isConnectionProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException) {
                return !(t instanceof JedisAccessControlException);
            }
            if (t instanceof JedisDataException data) {
                String msg = String.valueOf(data.getMessage());
                // a paused or loading server answers these transient errors
                return msg.startsWith("LOADING") || msg.startsWith("BUSY") || msg.startsWith("TRYAGAIN")
                        || msg.startsWith("MASTERDOWN");
            }
        }
        return false;
    }

    /**
     * The deepest cause; Jedis reports a failed connect as a suppressed exception of its own, so those count as
     * causes too.
     */
    static Throwable rootCause(Throwable error) {
        Throwable t = error;
        for (int depth = 0; depth < 20; depth++) {
            Throwable next = t.getCause();
            if ((next == null || next == t) && t.getSuppressed().length > 0) {
                next = t.getSuppressed()[0];
            }
            if (next == null || next == t) {
                return t;
            }
            t = next;
        }
        return t;
    }

    private static String oneLine(String message, RedisTarget target) {
        String s = message == null ? "no detail" : message.replaceAll("\\s+", " ").trim();
        if (target.password() != null) {
            s = s.replace(target.password(), "***");
        }
        return s;
    }

    static String versionOf(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "unknown";
    }
}
