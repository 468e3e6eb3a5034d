package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

class RespReaderTest {
    private static final String REPLIES = "+OK\r\n-ERR wrong type\r\n:-42\r\n$5\r\nhe\r\no\r\n$-1\r\n"
            + "*3\r\n$1\r\n7\r\n$-1\r\n*1\r\n:1\r\n*0\r\n*-1\r\n-NOSCRIPT No matching script\r\n"
            + "-WRONGPASS invalid username-password pair\r\n";

    @Test
    @SuppressWarnings("unchecked")
    void readsEveryKindOfReply_evenWhenItArrivesOneByteAtATime() {
        byte[] wire = REPLIES.getBytes(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.allocate(wire.length);
        List<Object> replies = new ArrayList<>();
        int incomplete = 0;
        for (byte b : wire) {
            in.put(b);
            in.flip();
            Object reply = RespReader.read(in);
            if (reply == RespReader.INCOMPLETE) {
                incomplete++;
            } else {
                replies.add(reply);
            }
            in.compact();
        }
        assertThat(in.position()).as("nothing left over").isZero();
        assertThat(incomplete).isEqualTo(wire.length - replies.size());
        assertThat(replies).hasSize(10);
        assertThat((byte[]) replies.get(0)).asString().isEqualTo("OK");
        assertThat(replies.get(1)).isExactlyInstanceOf(JedisDataException.class)
                .hasFieldOrPropertyWithValue("message", "ERR wrong type");
        assertThat(replies.get(2)).isEqualTo(-42L);
        // a bulk string is read by its length, whatever bytes it holds
        assertThat((byte[]) replies.get(3)).asString().isEqualTo("he\r\no");
        assertThat(replies.get(4)).isNull();
        List<?> array = (List<?>) replies.get(5);
        assertThat((byte[]) array.get(0)).asString().isEqualTo("7");
        assertThat(array.get(1)).isNull();
        assertThat((List<Object>) array.get(2)).containsExactly(1L);
        assertThat((List<?>) replies.get(6)).isEmpty();
        assertThat(replies.get(7)).isNull();
        assertThat(replies.get(8)).isInstanceOf(JedisNoScriptException.class);
        assertThat(replies.get(9)).isInstanceOf(JedisAccessControlException.class);
    }

    @Test
    void anIncompleteReplyLeavesTheBufferAsItWas() {
        ByteBuffer in = ByteBuffer.wrap("*2\r\n:1\r\n$3\r\nab".getBytes(StandardCharsets.US_ASCII));
        assertThat(RespReader.read(in)).isSameAs(RespReader.INCOMPLETE);
        assertThat(in.position()).isZero();
    }

    @Test
    void aBatchIsWrittenAsRedisReadsIt() {
        Batch batch = new Batch().add(Command.WATCH, RawCalls.bytes("k1"), RawCalls.bytes("key-two"))
                .add(Command.EXEC);
        ByteBuffer out = batch.encodeTo(ByteBuffer.allocate(4));
        out.flip();
        assertThat(StandardCharsets.UTF_8.decode(out).toString())
                .isEqualTo("*3\r\n$5\r\nWATCH\r\n$2\r\nk1\r\n$7\r\nkey-two\r\n*1\r\n$4\r\nEXEC\r\n");
        assertThat(batch.size()).isEqualTo(2);
        batch.clear();
        assertThat(batch.size()).isZero();
        // twelve arguments: counts of two digits
        byte[][] args = new byte[11][];
        for (int i = 0; i < args.length; i++) {
            args[i] = RawCalls.bytes("a");
        }
        ByteBuffer many = new Batch().add(Command.RPUSH, args).encodeTo(ByteBuffer.allocate(64));
        many.flip();
        assertThat(StandardCharsets.UTF_8.decode(many).toString()).startsWith("*12\r\n$5\r\nRPUSH\r\n$1\r\na\r\n");
    }
}
