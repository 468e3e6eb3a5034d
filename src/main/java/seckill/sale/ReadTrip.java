package seckill.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.redis.Batch;

/**
 * Reads in one round trip: each group of commands in a MULTI … EXEC of its own, so that the figures of a group agree
 * with each other, and every group in the same pipeline. Where transactions are refused (a user allowed to read
 * only, a server out of memory) the groups go as one plain pipeline instead, from then on.
 */
final class ReadTrip {
    private volatile boolean transactions = true;

    /**
     * @param groups each writes its group's commands into the batch
     * @return each group's replies, in order (byte[] for bulk strings, Long, List for arrays)
     * @throws JedisDataException the first error, naming its command and key
     */
    List<List<Object>> read(Jedis jedis, List<Consumer<Batch>> groups) {
        if (transactions) {
            try {
                return send(jedis, groups, true);
            } catch (JedisDataException refused) {
                if (!refusesTransactions(refused)) {
                    throw refused;
                }
                transactions = false;
            }
        }
        return send(jedis, groups, false);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> send(Jedis jedis, List<Consumer<Batch>> groups, boolean inTransactions) {
        Batch batch = new Batch();
        int[] ends = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            if (inTransactions) {
                batch.add(Command.MULTI);
            }
            groups.get(g).accept(batch);
            if (inTransactions) {
                batch.add(Command.EXEC);
            }
            ends[g] = batch.size();
        }
        Connection connection = jedis.getConnection();
        batch.sendTo(connection);
        List<Object> replies = connection.getMany(batch.size());
        batch.clear();
        batch.checkAnswers(replies);
        List<List<Object>> out = new ArrayList<>(groups.size());
        int start = 0;
        for (int end : ends) {
            // in a transaction the group's replies are EXEC's, the last; else the replies of its own commands
            out.add(inTransactions ? (List<Object>) replies.get(end - 1) : replies.subList(start, end));
            start = end;
        }
        return out;
    }

    private static boolean refusesTransactions(JedisDataException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("NOPERM") || m.startsWith("OOM") || m.startsWith("EXECABORT");
    }
}
