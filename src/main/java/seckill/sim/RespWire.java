package seckill.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.exceptions.JedisConnectionException;
import seckill.redis.Batch;
import seckill.redis.RawCalls;
import seckill.redis.RespReader;

/**
 * A {@link Lane}'s bytes on the wire: the round trip it writes, in RESP, and the replies it reads back. Its buffers
 * last as long as the lane, so a round trip allocates nothing (unless a reply outgrows the buffer).
 */
final class RespWire {
    private static final int BUFFER_BYTES = 16 * 1024;

    // direct: the channel reads and writes them without a copy
    private ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final List<Object> replies = new ArrayList<>();
    private int greetingReplies;
    private int expected;

    /**
     * Writes one round trip, ready to send: the greeting's commands first when one is given (a new connection),
     * then the batch's.
     *
     * @param greeting what a new connection is told first, or null
     */
    void encode(Batch greeting, Batch batch) {
        ByteBuffer buffer = out;
        buffer.clear();
        greetingReplies = 0;
        if (greeting != null) {
            buffer = greeting.encodeTo(buffer);
            greetingReplies = greeting.size();
        }
        buffer = batch.encodeTo(buffer);
        buffer.flip();
        out = buffer;
        expected = greetingReplies + batch.size();
        replies.clear();
    }

    /** Writes what the channel takes now; true when some is left for when it can take more. */
    boolean flush(SocketChannel channel) throws IOException {
        channel.write(out);
        return out.hasRemaining();
    }

    /** Reads what has come on the channel, without parsing it yet. */
    void fill(SocketChannel channel) throws IOException {
        if (channel.read(in) < 0) {
            throw new JedisConnectionException("Unexpected end of stream.");
        }
    }

    /** Forgets what has come and not been parsed. */
    void discardInput() {
        in.clear();
    }

    /** Parses the replies that have come whole; true once the round trip has all of them. */
    boolean parse() {
        ByteBuffer buffer = in;
        buffer.flip();
        while (replies.size() < expected) {
            Object reply = RespReader.read(buffer);
            if (reply == RespReader.INCOMPLETE) {
                break;
            }
            replies.add(reply);
        }
        buffer.compact();
        if (replies.size() < expected) {
            if (!buffer.hasRemaining()) {
                in = ByteBuffer.allocateDirect(buffer.capacity() * 2).put(buffer.flip());
            }
            return false;
        }
        return true;
    }

    /** The replies to the batch: the greeting's, when it was sent, are checked and left out. */
    List<Object> replies() {
        if (greetingReplies == 0) {
            return replies;
        }
        RawCalls.check(replies.subList(0, greetingReplies));
        return replies.subList(greetingReplies, replies.size());
    }
}
