package seckill.sim;

import java.util.List;

import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import seckill.redis.Batch;
import seckill.redis.RedisConnection;
import seckill.sale.Attempt;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;

/**
 * One user stepped by hand through the {@link Attempt} conversation, on a connection of its own, told to its
 * turn as an engine would.
 */
final class Stepped implements AutoCloseable {
    final Jedis jedis;
    final Turn turn;
    final Batch batch = new Batch();
    final Attempt attempt;

    Stepped(RedisConnection redis, PurchaseStrategy strategy, Turn turn) {
        this.jedis = redis.borrow();
        this.turn = turn;
        this.attempt = strategy.begin(turn.userId, batch);
    }

    /** One round trip: returns the outcome, or null when another follows. */
    Outcome roundTrip() {
        Connection connection = jedis.getConnection();
        turn.sending(batch);
        batch.sendTo(connection);
        List<Object> replies = connection.getMany(batch.size());
        turn.answered(replies);
        batch.clear();
        Outcome outcome = attempt.next(replies, batch);
        if (outcome != null) {
            turn.decided(attempt, outcome);
        }
        return outcome;
    }

    @Override
    public void close() {
        jedis.close();
    }
}
