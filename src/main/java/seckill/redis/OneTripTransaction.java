package seckill.redis;

import java.util.List;
import java.util.function.Consumer;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;

/**
 * MULTI … EXEC in one round trip. Jedis's own {@code Transaction} reads the QUEUED replies before it sends EXEC,
 * which costs a second round trip per transaction; here MULTI, the commands and EXEC travel in one pipeline and
 * only EXEC's reply is used; {@link RawCalls} reads its elements.
 */
public final class OneTripTransaction {
    private static final String[] NO_ARGS = new String[0];

    private OneTripTransaction() {
    }

    /**
     * @param commands queues the transaction's commands on the pipeline; their own responses only say QUEUED
     * @return EXEC's raw replies (byte[] for bulk strings, Long, List for arrays), or null when a WATCHed key
     *         changed and the transaction was discarded
     */
    @SuppressWarnings("unchecked")
    public static List<Object> exec(Jedis jedis, Consumer<Pipeline> commands) {
        Pipeline pipeline = jedis.pipelined();
        pipeline.sendCommand(Protocol.Command.MULTI, NO_ARGS);
        commands.accept(pipeline);
        Response<Object> exec = pipeline.sendCommand(Protocol.Command.EXEC, NO_ARGS);
        pipeline.sync();
        return (List<Object>) exec.get();
    }
}
