package seckill.redis;

import java.util.List;
import java.util.function.Consumer;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;

/**
 * MULTI … EXEC in one round trip. Jedis's own {@code Transaction} reads the QUEUED replies before it sends EXEC,
 * which costs a second round trip per transaction; here MULTI, the commands and EXEC travel as one {@link Batch}.
 * Every reply is read: a command refused as it was queued (out of memory, a read-only replica, a missing
 * permission) is named as the cause, not hidden behind EXEC's "EXECABORT Transaction discarded".
 */
public final class OneTripTransaction {
    private OneTripTransaction() {
    }

    /**
     * @param commands writes the transaction's commands into the batch
     * @return EXEC's raw replies (byte[] for bulk strings, Long, List for arrays), or null when a WATCHed key
     *         changed and the transaction was discarded
     * @throws redis.clients.jedis.exceptions.JedisDataException the first error, naming its command and key
     */
    @SuppressWarnings("unchecked")
    public static List<Object> exec(Jedis jedis, Consumer<Batch> commands) {
        Batch batch = new Batch().add(Command.MULTI);
        commands.accept(batch);
        batch.add(Command.EXEC);
        int size = batch.size();
        Connection connection = jedis.getConnection();
        batch.sendTo(connection);
        List<Object> replies = connection.getMany(size);
        batch.clear();
        batch.checkAnswers(replies);
        return (List<Object>) replies.get(size - 1);
    }
}
