package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;

class RespTextTest {
    @Test
    void repliesReadAsRedisCliShowsThem() {
        assertThat(RespText.reply(null)).isEqualTo("(nil)");
        assertThat(RespText.reply(7L)).isEqualTo("(integer) 7");
        assertThat(RespText.reply(RawCalls.bytes("OK"))).isEqualTo("OK");
        assertThat(RespText.reply(RawCalls.bytes("50"))).isEqualTo("\"50\"");
        assertThat(RespText.reply(Arrays.asList(RawCalls.bytes("1"), null, 3L)))
                .isEqualTo("1) \"1\" 2) (nil) 3) (integer) 3");
        assertThat(RespText.reply(List.of())).isEqualTo("(empty array)");
        assertThat(RespText.reply(new JedisDataException("WRONGTYPE no"))).isEqualTo("(error) WRONGTYPE no");
    }

    @Test
    void commandsReadAsTyped_withOddArgumentsQuoted_andLongOnesCut() {
        Batch batch = new Batch().add(Command.SET, RawCalls.bytes("a b"), RawCalls.bytes("1"))
                .add(Command.EVAL, RawCalls.bytes("x".repeat(500)), RawCalls.bytes("0"));
        List<String> lines = batch.describe();
        assertThat(lines.get(0)).isEqualTo("SET \"a b\" 1");
        assertThat(lines.get(1)).startsWith("EVAL \"xxx").endsWith("…\"(500 bytes) 0").hasSizeLessThan(80);
    }
}
