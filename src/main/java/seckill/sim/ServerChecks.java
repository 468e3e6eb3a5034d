package seckill.sim;

import java.util.HashSet;
import java.util.Set;

import seckill.redis.RedisConnection;
import seckill.sale.SaleKeys;
import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.ProblemException;

/**
 * What a sale asks of the server, checked before anything is sold: {@code --wait-replicas N} needs N replicas
 * attached to every master the sale writes to, else each win waits for a confirmation that cannot come and the
 * buyers, told nothing, give up as if Redis were lost.
 */
final class ServerChecks {
    private ServerChecks() {
    }

    /**
     * @throws ProblemException when a master the sale writes to has fewer replicas than {@code --wait-replicas}
     */
    static void replicas(SimulationConfig config, RedisConnection redis) {
        int wanted = config.waitReplicas();
        if (wanted <= 0) {
            return;
        }
        Problem missing = redis.callKeyed(calls -> {
            Set<String> checked = new HashSet<>();
            for (SaleKeys bucket : config.keys().buckets(config.buckets())) {
                String key = bucket.total();
                String where = calls.where(key); // null on one server: every bucket is there
                if (!checked.add(String.valueOf(where))) {
                    continue;
                }
                long replicas = connectedReplicas(calls.at(key, jedis -> jedis.info("replication")));
                if (replicas < wanted) {
                    return Problem.of(Kind.WAIT_REPLICAS_MISSING, wanted,
                            where == null ? redis.target().masked() : where, replicas);
                }
            }
            return null;
        });
        if (missing != null) {
            throw new ProblemException(missing);
        }
    }

    /** {@code connected_slaves} of an {@code INFO replication} reply; 0 when it says none. */
    static long connectedReplicas(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("connected_slaves:")) {
                return Long.parseLong(line.substring("connected_slaves:".length()).trim());
            }
        }
        return 0;
    }
}
