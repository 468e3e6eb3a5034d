package seckill.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import picocli.CommandLine.Option;
import seckill.redis.RedisConnection;
import seckill.redis.RedisConnector;
import seckill.redis.RedisTarget;
import seckill.redis.RedisUnavailableException;
import seckill.redis.TlsTrust;
import seckill.sale.SaleKeys;
import seckill.sim.ConfigField;
import seckill.util.Problem;

/** Options every command shares: which Redis, which sale. */
public class RedisOptions {
    @Option(names = "--redis", paramLabel = "URL", converter = FieldConverters.RedisUrl.class,
            description = "redis://[user:password@]host:port[/db] or rediss:// for TLS. "
                    + "Default: $REDIS_URL, else " + RedisTarget.DEFAULT_URL + ", else an embedded server.")
    String url;

    @Option(names = "--embedded", description = "Use an embedded redis-server on a free loopback port.")
    boolean embedded;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "",
            description = "Key prefix of the sale (default: none, the tutorial's keys; on Redis Cluster "
                    + SaleKeys.CLUSTER_PREFIX + ", and a prefix there needs a hash tag).")
    String prefix = "";

    @Option(names = "--redis-timeout", descriptionKey = "sale.redis-timeout", paramLabel = "S",
            converter = FieldConverters.RedisTimeout.class)
    long redisTimeoutS = ConfigField.REDIS_TIMEOUT.defaultValue();

    @Option(names = "--tls-ca", paramLabel = "FILE", converter = FieldConverters.TlsCa.class,
            description = "For rediss:// URLs: trust the CA certificate(s) in this PEM file (e.g. a private CA). "
                    + "Default: the JVM's truststore (-Djavax.net.ssl.trustStore=…). The server's name is "
                    + "always checked against its certificate.")
    Path tlsCa;

    /** Where {@link #url} came from when not from {@code --redis}, for the messages; null when it did. */
    private String urlSource;

    /** The connector the command uses; tests replace it to point the default elsewhere. */
    static RedisConnector connector = RedisConnector.fromEnvironment();

    /**
     * Connects, or fails with one line that says where the URL came from ({@code --redis}, {@code $REDIS_URL} or
     * the default), so that the user knows what to correct.
     */
    public RedisConnection connect(int connections, PrintWriter notices) {
        RedisConnector chosen = connector();
        RedisConnection connection;
        try {
            connection = chosen.connect(url, embedded, connections, Duration.ofSeconds(redisTimeoutS), line -> {
                notices.println(line);
                notices.flush();
            });
        } catch (RedisUnavailableException e) {
            throw new RedisUnavailableException(Problem.of(Problem.Kind.REDIS_FROM, source(), e.problem()), e);
        } catch (IllegalArgumentException e) {
            // only $REDIS_URL can be malformed here: --redis was checked when parsed
            throw new IllegalArgumentException(source() + ": " + e.getMessage(), e);
        }
        if (tlsCa != null && !connection.target().tls()) {
            connection.close();
            throw new IllegalArgumentException("--tls-ca applies to rediss:// URLs only, but Redis is at "
                    + connection.target().masked());
        }
        if (connection.isCluster()) {
            try {
                // from here on the sale's keys are the cluster's: one hash tag, one slot, one master
                prefix = SaleKeys.onCluster(prefix);
            } catch (IllegalArgumentException e) {
                connection.close();
                throw e;
            }
            connection.aim(keys().total());
        }
        return connection;
    }

    private String source() {
        if (embedded) {
            return "--embedded";
        }
        if (url != null) {
            return urlSource != null ? urlSource : "--redis";
        }
        return connector.usesEnvironment() ? "$REDIS_URL (no --redis given)" : "--redis (not given; default "
                + RedisTarget.DEFAULT_URL + ")";
    }

    public String url() {
        return url;
    }

    /** Connects to {@code url}, found elsewhere than on the command line ({@code source} says where). */
    void useUrl(String found, String source) {
        url = found;
        urlSource = source;
    }

    /** Where {@link #connect} goes, its password masked, and why there: for a line said before it connects. */
    String where() {
        if (embedded) {
            return "an embedded redis-server (--embedded)";
        }
        if (url == null) {
            return source();
        }
        return RedisTarget.parseSeeds(url).stream().map(RedisTarget::masked).collect(Collectors.joining(","))
                + " (" + source() + ")";
    }

    public boolean embedded() {
        return embedded;
    }

    /** The sale's prefix; after {@link #connect} to a Redis Cluster, the cluster's ({@link SaleKeys#onCluster}). */
    public String prefix() {
        return prefix;
    }

    public int redisTimeoutS() {
        return (int) redisTimeoutS;
    }

    public SaleKeys keys() {
        return new SaleKeys(prefix);
    }

    /** The connector {@link #connect} uses, trusting {@code --tls-ca} when given; the dashboard connects with it. */
    public RedisConnector connector() {
        return tlsCa == null ? connector : connector.withTlsTrust(TlsTrust.fromPem(tlsCa));
    }
}
