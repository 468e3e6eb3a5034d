package seckill.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The purchase's hot path speaks to the connection directly: commands with pre-encoded keys, replies as raw
 * objects. Jedis's pipelines build a command-object factory, a response and a builder per command; the profile
 * of a 50 000-user {@code watch} sale showed that as most of the client's own CPU, on a machine whose second core
 * the Redis server needs.
 */
public final class RawCalls {
    private RawCalls() {
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A number as Redis reads an argument: its decimal digits. */
    public static byte[] bytes(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Throws the first error among a transaction's replies, naming the key its command was about ({@code names},
     * in the order the commands were queued); a null list (a transaction a WATCH aborted) is returned as it is.
     */
    public static List<Object> check(List<Object> replies, String... names) {
        if (replies == null) {
            return null;
        }
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i) instanceof JedisDataException error) {
                JedisDataException named = new JedisDataException(error.getMessage()
                        + (i < names.length ? " (" + names[i] + ")" : ""));
                named.initCause(error);
                throw named;
            }
        }
        return replies;
    }

    /**
     * A bulk string reply as a number; a missing key counts as 0, as INCR would start it.
     *
     * @throws JedisDataException for anything else (a list, text that is no number): a reply is never guessed at
     */
    public static long number(Object reply) {
        if (reply == null) {
            return 0;
        }
        if (reply instanceof Long n) {
            return n;
        }
        if (reply instanceof byte[] digits) {
            String text = new String(digits, StandardCharsets.US_ASCII);
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new JedisDataException("expected a number, got '" + abbreviate(text) + "'");
            }
        }
        throw new JedisDataException("expected a number, got " + describe(reply));
    }

    private static String describe(Object reply) {
        return reply instanceof List<?> list ? "a list of " + list.size() : reply.getClass().getSimpleName();
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** A bulk string reply as text, or null. */
    public static String text(Object reply) {
        if (reply == null || reply instanceof byte[]) {
            return reply == null ? null : new String((byte[]) reply, StandardCharsets.UTF_8);
        }
        throw new JedisDataException("expected text, got " + describe(reply));
    }

    /** An array of bulk strings as text. */
    public static List<String> texts(Object reply) {
        if (!(reply instanceof List<?> raw)) {
            throw new JedisDataException("expected a list, got " + (reply == null ? "nothing" : describe(reply)));
        }
        List<String> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(text(o));
        }
        return out;
    }

    public static boolean isOne(Object reply) {
        return reply instanceof Long n && n == 1L;
    }
}
