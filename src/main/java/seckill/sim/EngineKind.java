package seckill.sim;

import seckill.redis.RedisConnection;
import seckill.util.CliNames;
import seckill.util.Problem;
import seckill.util.ProblemException;

/**
 * How the buyers are played. Either way each of the {@code pool} buyers in play has a connection of its own
 * and one request in flight, and speaks the same commands in the same round trips: Redis sees the same load.
 * What differs is the client's cost per round trip.
 */
public enum EngineKind {
    /** The tutorial's model: a pool of threads (its ThreadPoolExecutor), each blocking on its own connection. */
    THREADS("threads"),
    /**
     * One event-loop thread holds all the buyers' connections (as redis-benchmark holds its clients), so a reply
     * costs no thread switch. TCP only, no TLS.
     */
    LOOP("loop");

    private final String cliName;

    EngineKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Why this engine cannot play a sale on that connection's server, or null when it can. */
    public Problem problemWith(RedisConnection connection) {
        return SettingsRules.engineProblem(this, connection.target());
    }

    /** Refuses a target this engine cannot speak to, as a bad argument. */
    public void checkCanReach(RedisConnection connection) {
        Problem p = problemWith(connection);
        if (p != null) {
            throw new ProblemException(p);
        }
    }

    public static String allowedNames() {
        return CliNames.list(values(), EngineKind::cliName);
    }

    /** @throws IllegalArgumentException "must be one of threads, loop (got 'x')" */
    public static EngineKind fromName(String name) {
        return CliNames.find(values(), EngineKind::cliName, name);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
