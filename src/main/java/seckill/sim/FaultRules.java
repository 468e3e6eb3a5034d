package seckill.sim;

import java.util.concurrent.TimeUnit;

import seckill.metrics.SaleMetrics;
import seckill.redis.Backoff;
import seckill.redis.RedisErrors;
import seckill.redis.RedisTarget;
import seckill.util.Problem.Kind;
import seckill.util.Problem;
import seckill.util.ProcessLimits;

/**
 * What a failed call means: after a connection fault the user tries again on a fresh connection, with a growing
 * backoff, until Redis has been away longer than {@code --redis-timeout}; that, a call waiting longer, or an error
 * that is not the connection's ends the run, and the user whose attempt failed so is unknown (it may have won).
 * Safe for any number of buyers at once, except for a {@link Turn}.
 */
final class FaultRules {
    private final RedisTarget target;
    private final int redisTimeoutS;
    private final long pool;
    private final long callLimitNanos;
    private final SaleMetrics metrics;
    private final RunEnd end;

    /** @param pool {@code --pool}, named when the open files limit is reached */
    FaultRules(RedisTarget target, int redisTimeoutS, long pool, SaleMetrics metrics, RunEnd end) {
        this.target = target;
        this.pool = pool;
        this.redisTimeoutS = redisTimeoutS;
        this.callLimitNanos = TimeUnit.SECONDS.toNanos(redisTimeoutS);
        this.metrics = metrics;
        this.end = end;
    }

    /**
     * Books an attempt that failed: returns how many ms the user waits before trying again on a fresh connection,
     * or -1 when the run ends instead.
     */
    long delay(Turn turn, RuntimeException e) {
        metrics.error();
        Problem ending = ending(turn, e);
        if (ending != null) {
            end.fail(ending);
            // the attempt may have written its item before it failed (a script fails past its writes, which Redis
            // keeps; a reply or a replica's confirmation is lost): the user may have won, so is not counted as lost
            metrics.userUnknown();
            return -1;
        }
        turn.afterFault = true;
        return Backoff.delayMillis(turn.faultStreak++);
    }

    /** Why the run ends with this failure: an error that is not the connection's, or one that lasted too long. */
    private Problem ending(Turn turn, RuntimeException e) {
        if (ProcessLimits.isOutOfFiles(e)) {
            // no retry mends it while the buyers hold their connections: the limit, not Redis, is named
            return Problem.of(Kind.OPEN_FILES_REACHED, ProcessLimits.maxOpenFiles(), pool);
        }
        if (!RedisErrors.isConnectionProblem(e)) {
            return RedisErrors.describe(target, e);
        }
        long now = System.nanoTime();
        if (turn.faultSince == 0) {
            turn.faultSince = now;
        }
        return now - turn.faultSince > callLimitNanos ? RedisErrors.lostFor(target, e, redisTimeoutS) : null;
    }

    /** How long one call may wait for its reply: {@code --redis-timeout}. */
    long callLimitNanos() {
        return callLimitNanos;
    }

    /** A call waited longer than {@code --redis-timeout}: the run ends with an error. */
    void callTimedOut() {
        end.fail(Problem.of(Kind.REDIS_TIMED_OUT, target.masked(), redisTimeoutS));
    }
}
