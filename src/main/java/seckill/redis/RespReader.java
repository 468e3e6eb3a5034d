package seckill.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Reads RESP2 replies from a buffer that may hold only part of one, as a non-blocking channel delivers them.
 * Replies come out as Jedis's raw ones do, so the purchases read both the same way: integers as {@link Long},
 * bulk and status strings as {@code byte[]}, arrays as {@link List}, nil as null, and an error reply as a
 * {@link JedisDataException} object (a {@link JedisNoScriptException} for NOSCRIPT, a
 * {@link JedisAccessControlException} for a refused login).
 */
public final class RespReader {
    /** Returned by {@link #read} when the buffer does not yet hold a whole reply. */
    public static final Object INCOMPLETE = new Object();

    private static final byte[] OK = {'O', 'K'};
    private static final byte[] QUEUED = {'Q', 'U', 'E', 'U', 'E', 'D'};

    private RespReader() {
    }

    /**
     * Reads one whole reply from {@code in} (in read mode) and moves past it; when only part of one is there,
     * returns {@link #INCOMPLETE} and leaves the position where it was.
     */
    public static Object read(ByteBuffer in) {
        int start = in.position();
        Object reply = parse(in);
        if (reply == INCOMPLETE) {
            in.position(start);
        }
        return reply;
    }

    private static Object parse(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return INCOMPLETE;
        }
        byte kind = in.get();
        int lineStart = in.position();
        int lineEnd = lineEnd(in);
        if (lineEnd < 0) {
            return INCOMPLETE;
        }
        switch (kind) {
            case '+':
                return status(in, lineStart, lineEnd);
            case '-':
                return error(new String(slice(in, lineStart, lineEnd), StandardCharsets.UTF_8));
            case ':':
                return number(in, lineStart, lineEnd);
            case '$': {
                long length = number(in, lineStart, lineEnd);
                if (length < 0) {
                    return null;
                }
                if (in.remaining() < length + 2) {
                    return INCOMPLETE;
                }
                byte[] value = new byte[(int) length];
                in.get(value);
                in.position(in.position() + 2);
                return value;
            }
            case '*': {
                long count = number(in, lineStart, lineEnd);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>((int) Math.min(count, 1024));
                for (long i = 0; i < count; i++) {
                    Object item = parse(in);
                    if (item == INCOMPLETE) {
                        return INCOMPLETE;
                    }
                    items.add(item);
                }
                return items;
            }
            default:
                throw new JedisConnectionException("Unknown reply: " + (char) kind);
        }
    }

    /** Finds the line's CR LF, leaves the position after it and returns the CR's index; -1 when not there yet. */
    private static int lineEnd(ByteBuffer in) {
        for (int i = in.position(); i + 1 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                in.position(i + 2);
                return i;
            }
        }
        return -1;
    }

    /** The status replies of every transaction come up often: they are shared, as nobody changes them. */
    private static Object status(ByteBuffer in, int from, int to) {
        if (to - from == 2 && in.get(from) == 'O' && in.get(from + 1) == 'K') {
            return OK;
        }
        if (to - from == 6 && in.get(from) == 'Q' && in.get(from + 5) == 'D') {
            return QUEUED;
        }
        return slice(in, from, to);
    }

    private static byte[] slice(ByteBuffer in, int from, int to) {
        byte[] out = new byte[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.get(from + i);
        }
        return out;
    }

    private static long number(ByteBuffer in, int from, int to) {
        long value = 0;
        boolean negative = false;
        for (int i = from; i < to; i++) {
            byte c = in.get(i);
            if (c == '-') {
                negative = true;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else {
                throw new JedisConnectionException("Bad number in reply");
            }
        }
        return negative ? -value : value;
    }

    private static JedisDataException error(String message) {
        if (message.startsWith("NOSCRIPT")) {
            return new JedisNoScriptException(message);
        }
        if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH") || message.startsWith("NOPERM")) {
            return new JedisAccessControlException(message);
        }
        return new JedisDataException(message);
    }
}
