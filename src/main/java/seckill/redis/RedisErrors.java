package seckill.redis;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.ProcessLimits;

/** Turns what Jedis throws into a {@link Problem} a person understands; never includes a password. */
public final class RedisErrors {
    private RedisErrors() {
    }

    /** What went wrong, as a person needs to hear it; never includes a password. */
    public static Problem describe(RedisTarget target, Throwable error) {
        String where = target.masked();
        Throwable root = rootCause(error);
        String noPermission = causes(error).map(Throwable::getMessage)
                .filter(m -> m != null && m.startsWith("NOPERM")).findFirst().orElse(null);
        if (noPermission != null) {
            return Problem.of(Kind.REDIS_NO_PERMISSION, where, oneLine(noPermission, target));
        }
        if (isAuthenticationProblem(error)) {
            if (chainText(error).contains("without any password configured")) {
                return Problem.of(Kind.REDIS_AUTH_NO_PASSWORD_SET, where);
            }
            return Problem.of(Kind.REDIS_AUTH_FAILED, where);
        }
        if (root instanceof UnknownHostException) {
            return Problem.of(Kind.REDIS_UNKNOWN_HOST, where, target.host());
        }
        if (root instanceof ConnectException) {
            return Problem.of(Kind.REDIS_REFUSED, where);
        }
        if (root instanceof SocketTimeoutException) {
            return Problem.of(Kind.REDIS_NO_ANSWER, where);
        }
        if (causes(error).anyMatch(SSLException.class::isInstance)) {
            return Problem.of(Kind.REDIS_TLS, where, oneLine(root.getMessage(), target));
        }
        if (root instanceof NoSuchElementException) {
            return Problem.of(Kind.REDIS_NO_CONNECTION, where, oneLine(root.getMessage(), target));
        }
        if (error instanceof JedisConnectionException) {
            return Problem.of(Kind.REDIS_LOST, where, oneLine(root.getMessage(), target));
        }
        if (error instanceof JedisDataException) {
            return Problem.of(Kind.REDIS_ERROR_REPLY, where, oneLine(error.getMessage(), target));
        }
        return Problem.of(Kind.REDIS_FAILED, where,
                oneLine(root.getClass().getSimpleName() + ": " + root.getMessage(), target));
    }

    /**
     * A server that stayed away longer than allowed, naming the limit so that the user knows which knob to turn.
     */
    public static Problem lostFor(RedisTarget target, Throwable error, long seconds) {
        return Problem.of(Kind.REDIS_GAVE_UP, describe(target, error), seconds);
    }

    /**
     * True when the error is about the connection, so a retry on a fresh connection may succeed. A refused
     * password never is: trying it again only locks the account sooner; nor is the open files limit reached.
     */
    public static boolean isConnectionProblem(Throwable error) {
        if (isAuthenticationProblem(error) || ProcessLimits.isOutOfFiles(error)) {
            // nor does the open files limit go away by trying again
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException) {
                return true;
            }
            if (t instanceof NoSuchElementException) {
                // the pool found no healthy connection to hand out (all broken, or all busy) within its wait
                return true;
            }
            if (t instanceof JedisDataException data) {
                String msg = String.valueOf(data.getMessage());
                // a paused or loading server answers these transient errors
                // and a cluster whose slot moves (MOVED, ASK, TRYAGAIN) or that elects a new master
                // (CLUSTERDOWN): the command was not run, and a retry reaches the slot where it is now
                return msg.startsWith("LOADING") || msg.startsWith("BUSY") || msg.startsWith("TRYAGAIN")
                        || msg.startsWith("MASTERDOWN") || msg.startsWith("MOVED ") || msg.startsWith("ASK ")
                        || msg.startsWith("CLUSTERDOWN");
            }
        }
        return false;
    }

    static boolean isAuthenticationProblem(Throwable error) {
        String text = chainText(error);
        if (text.contains("NOPERM")) {
            return false; // the password was right: the user may not run one command
        }
        return text.contains("WRONGPASS") || text.contains("NOAUTH") || text.contains("invalid password")
                || text.contains("invalid username-password") || text.contains("without any password configured")
                || causes(error).anyMatch(JedisAccessControlException.class::isInstance);
    }

    private static Stream<Throwable> causes(Throwable error) {
        return Stream.iterate(error, t -> t != null, Throwable::getCause).limit(20);
    }

    private static String chainText(Throwable error) {
        StringBuilder sb = new StringBuilder();
        causes(error).forEach(t -> sb.append(t.getMessage()).append(' '));
        return sb.append(rootCause(error).getMessage()).toString();
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
