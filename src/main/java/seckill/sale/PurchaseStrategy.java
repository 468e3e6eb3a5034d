package seckill.sale;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.redis.Batch;

/**
 * One way of selling an item. Implementations are thread-safe and keep no per-user state outside the
 * {@link Attempt} they begin.
 */
public interface PurchaseStrategy {
    StrategyKind kind();

    /**
     * True when a user found in {@code kill_buyers} surely has an item, because the strategy adds the user there in
     * the same atomic step as the sale (so a retry after a lost reply that finds the user there confirms a win).
     */
    default boolean claimMeansWon() {
        return true;
    }

    /** Called once before the users arrive, e.g. to load a script. */
    default void prepare(Jedis jedis) {
    }

    /** Begins one attempt by one user: writes its first round trip's commands into {@code out}. */
    Attempt begin(String userId, Batch out);

    /**
     * One whole attempt on a blocking connection; connection problems are thrown as Jedis exceptions. After an
     * error reply the connection is left as it was found (no WATCH still standing), so its next user's
     * transaction is not aborted by keys this attempt watched.
     */
    default Outcome buy(Jedis jedis, String userId) {
        return buy(jedis, userId, null);
    }

    /** As {@link #buy(Jedis, String)}, telling the observer (when not null) of every round trip. */
    default Outcome buy(Jedis jedis, String userId, RoundTripObserver observer) {
        Connection connection = jedis.getConnection();
        Batch batch = new Batch();
        Attempt attempt = begin(userId, batch);
        while (true) {
            if (batch.delayNanos() > 0) {
                LockSupport.parkNanos(batch.delayNanos());
            }
            if (observer != null) {
                observer.sending(batch);
            }
            batch.sendTo(connection);
            List<Object> replies = connection.getMany(batch.size());
            if (observer != null) {
                observer.answered(replies);
            }
            batch.clear();
            Outcome outcome;
            try {
                outcome = attempt.next(replies, batch);
            } catch (JedisDataException e) {
                connection.sendCommand(Command.UNWATCH);
                connection.getOne();
                throw e;
            }
            if (outcome != null) {
                if (observer != null) {
                    observer.decided(attempt, outcome);
                }
                return outcome;
            }
        }
    }
}
