package seckill.redis;

import java.nio.ByteBuffer;
import java.util.Arrays;

import redis.clients.jedis.Connection;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The commands of one round trip, written by a purchase and sent by whichever engine plays it: over a blocking
 * Jedis connection ({@link #sendTo}) or as RESP into a channel's buffer ({@link #encodeTo}). One per connection,
 * cleared and refilled for every round trip, so a purchase allocates no command objects.
 */
public final class Batch {
    private static final byte[] CRLF = {'\r', '\n'};

    private ProtocolCommand[] commands = new ProtocolCommand[8];
    private byte[][][] arguments = new byte[8][][];
    private int size;
    private long delayNanos;

    /** Adds one command to this round trip. */
    public Batch add(ProtocolCommand command, byte[]... args) {
        if (size == commands.length) {
            commands = Arrays.copyOf(commands, size * 2);
            arguments = Arrays.copyOf(arguments, size * 2);
        }
        commands[size] = command;
        arguments[size] = args;
        size++;
        return this;
    }

    /** Asks the engine to wait this long before sending (the naive strategy's deliberate window). */
    public Batch after(long nanos) {
        delayNanos = nanos;
        return this;
    }

    public int size() {
        return size;
    }

    public long delayNanos() {
        return delayNanos;
    }

    public void clear() {
        Arrays.fill(arguments, 0, size, null);
        size = 0;
        delayNanos = 0;
    }

    /** Writes the commands to a Jedis connection's output buffer; its next read flushes them. */
    public void sendTo(Connection connection) {
        for (int i = 0; i < size; i++) {
            connection.sendCommand(commands[i], arguments[i]);
        }
    }

    /** The RESP bytes of all the commands, appended to {@code out}, grown as needed; returns the buffer used. */
    public ByteBuffer encodeTo(ByteBuffer out) {
        ByteBuffer b = out;
        for (int i = 0; i < size; i++) {
            byte[][] args = arguments[i];
            b = ensure(b, 16);
            header(b, '*', args.length + 1);
            b = bulk(b, commands[i].getRaw());
            for (byte[] arg : args) {
                b = bulk(b, arg);
            }
        }
        return b;
    }

    private static ByteBuffer bulk(ByteBuffer out, byte[] value) {
        ByteBuffer b = ensure(out, value.length + 32);
        header(b, '$', value.length);
        b.put(value).put(CRLF);
        return b;
    }

    /** {@code *3\r\n} or {@code $12\r\n}: the digits are written directly, as this runs for every argument. */
    private static void header(ByteBuffer b, char kind, int n) {
        b.put((byte) kind);
        int divisor = 1;
        while (divisor <= n / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            b.put((byte) ('0' + n / divisor % 10));
        }
        b.put(CRLF);
    }

    private static ByteBuffer ensure(ByteBuffer b, int room) {
        if (b.remaining() >= room) {
            return b;
        }
        int size = Math.max(b.capacity() * 2, b.position() + room);
        ByteBuffer bigger = b.isDirect() ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        b.flip();
        return bigger.put(b);
    }
}
