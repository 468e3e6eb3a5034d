package seckill.redis;

import java.time.Duration;
import java.util.UUID;

import redis.clients.jedis.Jedis;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;

/**
 * The Redis the tests share: {@code $REDIS_URL}, else 127.0.0.1:6379 when it answers, else one embedded server
 * for the whole test run. Each test takes its own prefix and deletes only its own keys.
 */
public final class TestRedis {
    private static RedisConnection shared;

    private TestRedis() {
    }

    public static synchronized RedisConnection connection() {
        if (shared == null) {
            shared = RedisConnector.fromEnvironment().connect(null, false, 1_024, Duration.ofSeconds(10), line -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The shared server's URL, for the command line's {@code --redis}. */
    public static String url() {
        RedisTarget t = connection().target();
        StringBuilder sb = new StringBuilder(t.tls() ? "rediss://" : "redis://");
        if (t.user() != null || t.password() != null) {
            sb.append(t.user() == null ? "" : t.user()).append(':').append(t.password() == null ? ""
                    : t.password()).append('@');
        }
        return sb.append(t.host()).append(':').append(t.port()).append('/').append(t.database()).toString();
    }

    /** A prefix no other test uses, with a hash tag so the sale's keys share a cluster slot. */
    public static String prefix(String name) {
        return "seckill-test:{" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "}:";
    }

    public static void reset(String prefix) {
        try (Jedis jedis = connection().borrow()) {
            new Sale(new SaleKeys(prefix)).reset(jedis);
        }
    }
}
