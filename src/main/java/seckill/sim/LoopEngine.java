package seckill.sim;

import java.util.concurrent.ThreadFactory;

import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.Protocol.Keyword;
import seckill.redis.Batch;
import seckill.redis.RawCalls;
import seckill.redis.RedisErrors;
import seckill.redis.RedisConnection;
import seckill.redis.RedisTarget;
import seckill.sale.PurchaseStrategy;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * Plays the buyers on one thread: {@code pool} connections, each with one buyer and at most one round trip in
 * flight, driven by a selector ({@link EventLoop}), as redis-benchmark drives its clients. Redis sees what the
 * threads engine shows it (the same connections, commands and round trips); the client saves the thread switch
 * that a blocking read costs per reply, which on a small machine is most of the client's CPU. Plain TCP only.
 */
final class LoopEngine implements Engine {
    /** How the loop's connections show in CLIENT LIST (the threads' connections are "seckill-lab"). */
    static final String CLIENT_NAME = "seckill-lab-loop";

    private final PurchaseStrategy strategy;
    private final RedisConnection redis;
    private final BuyerRoutes routes;
    private final RedisTarget target;
    private final ThreadFactory threads;

    /**
     * @param routes  where each user's attempts go, or null when all go where the connection is aimed
     * @param threads makes the loop's one thread
     */
    LoopEngine(PurchaseStrategy strategy, RedisConnection redis, BuyerRoutes routes, ThreadFactory threads) {
        this.strategy = strategy;
        this.redis = redis;
        this.routes = routes;
        this.target = redis.target();
        this.threads = threads;
    }

    @Override
    public void play(BuyerRules rules) {
        EventLoop loop = new EventLoop(rules, strategy, redis::ownerAddress, routes, redis::reroute, greeting());
        Thread thread = threads.newThread(() -> {
            try {
                loop.run();
            } catch (RuntimeException e) {
                // a bug, not a fault of Redis's (those are the lanes' own): the run ends with it, in one line
                rules.fail(Problem.of(Kind.LOOP_FAILED, RedisErrors.describe(target, e)));
            } catch (OutOfMemoryError e) {
                // the heap, or the direct memory of the connections' buffers: the run ends naming the limit
                rules.fail(HeapGuard.outOfMemory(rules.config().pool()));
            }
        });
        rules.start();
        thread.start();
        Waits.uninterruptibly(thread::join);
    }

    /** What Jedis says on every new connection, sent ahead of the connection's first commands. */
    private Batch greeting() {
        Batch greeting = new Batch();
        if (target.password() != null) {
            if (target.user() != null) {
                greeting.add(Command.AUTH, RawCalls.bytes(target.user()), RawCalls.bytes(target.password()));
            } else {
                greeting.add(Command.AUTH, RawCalls.bytes(target.password()));
            }
        }
        if (target.database() != 0) {
            greeting.add(Command.SELECT, RawCalls.bytes(target.database()));
        }
        greeting.add(Command.CLIENT, Keyword.SETNAME.getRaw(), RawCalls.bytes(CLIENT_NAME));
        return greeting;
    }
}
