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

    /** Throws the first error reply among {@code replies}, as a single call would; returns them otherwise. */
    public static List<Object> check(List<Object> replies) {
        for (Object reply : replies) {
            if (reply instanceof JedisDataException error) {
                throw error;
            }
        }
        return replies;
    }

    /** A bulk string reply as a number; a missing key counts as 0, as INCR would start it. */
    public static long number(Object reply) {
        if (reply == null) {
            return 0;
        }
        if (reply instanceof Long n) {
            return n;
        }
        return Long.parseLong(new String((byte[]) reply, StandardCharsets.US_ASCII));
    }

    /** A bulk string reply as text, or null. */
    public static String text(Object reply) {
        return reply == null ? null : new String((byte[]) reply, StandardCharsets.UTF_8);
    }

    /** An array of bulk strings as text. */
    public static List<String> texts(Object reply) {
        List<?> raw = (List<?>) reply;
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
