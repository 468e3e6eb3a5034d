package seckill.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

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
    /** The round trip cleared last: what the replies now being read answer, to name a command that failed. */
    private ProtocolCommand[] sentCommands = new ProtocolCommand[8];
    private byte[][][] sentArguments = new byte[8][][];
    private int sentSize;

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

    /** Empties the batch for the next round trip; what it held is kept for {@link #checkAnswers}. */
    public void clear() {
        ProtocolCommand[] c = sentCommands;
        byte[][][] a = sentArguments;
        Arrays.fill(a, 0, sentSize, null);
        sentCommands = commands;
        sentArguments = arguments;
        sentSize = size;
        commands = c;
        arguments = a;
        size = 0;
        delayNanos = 0;
    }

    /**
     * Checks every reply to the round trip sent last, and every element of a transaction's EXEC reply: an error
     * anywhere is thrown, naming the command and its key ({@code WRONGTYPE … (INCR kill_num)}), never taken for
     * a value.
     *
     * @throws JedisDataException the first error found
     */
    public List<Object> checkAnswers(List<Object> replies) {
        int queuedFrom = -1;
        for (int i = 0; i < replies.size(); i++) {
            Object reply = replies.get(i);
            if (reply instanceof JedisDataException error) {
                throw named(error, i);
            }
            if (i < sentSize && sentCommands[i] == Command.MULTI) {
                queuedFrom = i + 1;
            }
            if (i < sentSize && sentCommands[i] == Command.EXEC && reply instanceof List<?> results) {
                for (int j = 0; j < results.size(); j++) {
                    if (results.get(j) instanceof JedisDataException error) {
                        throw named(error, queuedFrom + j);
                    }
                }
            }
        }
        return replies;
    }

    private JedisDataException named(JedisDataException error, int index) {
        if (index < 0 || index >= sentSize) {
            return error;
        }
        String command = new String(sentCommands[index].getRaw(), StandardCharsets.US_ASCII);
        byte[][] args = sentArguments[index];
        boolean script = sentCommands[index] == Command.EVALSHA || sentCommands[index] == Command.EVAL;
        String what = script ? "the purchase script" : args.length > 0 ? new String(args[0], StandardCharsets.UTF_8)
                : "";
        JedisDataException named = new JedisDataException(error.getMessage() + " (" + command
                + (what.isEmpty() ? "" : " " + what) + ")");
        named.initCause(error);
        return named;
    }

    /** The commands of this round trip as {@code redis-cli} shows them, one line each (for a trace). */
    public List<String> describe() {
        String[] lines = new String[size];
        for (int i = 0; i < size; i++) {
            lines[i] = RespText.command(commands[i], arguments[i]);
        }
        return List.of(lines);
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
