package seckill.cli;

import java.io.PrintWriter;
import java.time.Duration;

import picocli.CommandLine.Option;
import seckill.redis.RedisConnection;
import seckill.redis.RedisConnector;
import seckill.redis.RedisTarget;
import seckill.sale.SaleKeys;
import seckill.sim.ConfigField;

/** Options every command shares: which Redis, which sale. */
public class RedisOptions {
    @Option(names = "--redis", paramLabel = "URL",
            description = "redis://[user:password@]host:port[/db] or rediss:// for TLS. "
                    + "Default: $REDIS_URL, else " + RedisTarget.DEFAULT_URL + ", else an embedded server.")
    String url;

    @Option(names = "--embedded", description = "Use an embedded redis-server on a free loopback port.")
    boolean embedded;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "",
            description = "Key prefix of the sale (default: none, the tutorial's keys).")
    String prefix = "";

    @Option(names = "--redis-timeout", paramLabel = "S", converter = FieldConverters.RedisTimeout.class,
            description = "Seconds Redis may stay away before giving up, 1 to 300 (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    long redisTimeoutS = ConfigField.REDIS_TIMEOUT.defaultValue();

    /** The connector the command uses; tests replace it to point the default elsewhere. */
    static RedisConnector connector = RedisConnector.fromEnvironment();

    public RedisConnection connect(int connections, PrintWriter notices) {
        if (url != null && !url.isBlank()) {
            RedisTarget.parse(url); // bad URLs are bad arguments, before anything starts
        }
        return connector.connect(url, embedded, connections, Duration.ofSeconds(redisTimeoutS), line -> {
            notices.println(line);
            notices.flush();
        });
    }

    public String url() {
        return url;
    }

    public boolean embedded() {
        return embedded;
    }

    public String prefix() {
        return prefix;
    }

    public int redisTimeoutS() {
        return (int) redisTimeoutS;
    }

    public SaleKeys keys() {
        return new SaleKeys(prefix);
    }
}
