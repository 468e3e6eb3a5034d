package seckill.sale;

import redis.clients.jedis.Jedis;

/**
 * One way of selling an item. Implementations are thread-safe and keep no per-user state; each call gets a
 * connection of its own thread's.
 */
public interface PurchaseStrategy {
    StrategyKind kind();

    /** Called once before the users arrive, e.g. to load a script. */
    default void prepare(Jedis jedis) {
    }

    /** One attempt by one user; connection problems are thrown as Jedis exceptions. */
    Outcome buy(Jedis jedis, String userId);
}
