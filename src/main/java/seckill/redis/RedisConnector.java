package seckill.redis;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses the server: an explicit URL, else {@code $REDIS_URL}, else {@code redis://127.0.0.1:6379}, else (only
 * when no URL was given at all) an embedded redis-server on a free loopback port.
 */
public final class RedisConnector {
    private final String environmentUrl;
    private final String defaultUrl;
    private final TlsTrust trust;

    public RedisConnector(String environmentUrl, String defaultUrl) {
        this(environmentUrl, defaultUrl, TlsTrust.jvmDefault());
    }

    private RedisConnector(String environmentUrl, String defaultUrl, TlsTrust trust) {
        this.environmentUrl = environmentUrl == null || environmentUrl.isBlank() ? null : environmentUrl;
        this.defaultUrl = defaultUrl;
        this.trust = trust;
    }

    /** The same connector, trusting {@code trust} for {@code rediss://} URLs. */
    public RedisConnector withTlsTrust(TlsTrust newTrust) {
        return new RedisConnector(environmentUrl, defaultUrl, newTrust);
    }

    /** Where the URL comes from when none is given: {@code $REDIS_URL} when set, else the default. */
    public boolean usesEnvironment() {
        return environmentUrl != null;
    }

    public static RedisConnector fromEnvironment() {
        return new RedisConnector(System.getenv("REDIS_URL"), RedisTarget.DEFAULT_URL);
    }

    /**
     * @param url         the URL the user gave, or null
     * @param embedded    force the embedded server
     * @param connections pool size: the readers' ({@link RedisConnection#READERS}); buyers have their own
     * @param notices     receives the one line saying an embedded server was started
     */
    public RedisConnection connect(String url, boolean embedded, int connections, Duration timeout,
                                   Consumer<String> notices) {
        if (embedded) {
            return startEmbedded(connections, timeout, notices, "Using an embedded redis-server");
        }
        String given = url != null && !url.isBlank() ? url : environmentUrl;
        if (given != null) {
            List<RedisTarget> seeds = RedisTarget.parseSeeds(given);
            for (int i = 0; ; i++) {
                try {
                    return RedisConnection.open(seeds.get(i), connections, timeout, null, trust, seeds);
                } catch (RedisUnavailableException e) {
                    // a cluster's seed that is down: the next one may answer for the whole cluster
                    if (i == seeds.size() - 1 || !isNobodyThere(e)) {
                        throw e;
                    }
                }
            }
        }
        RedisTarget fallback = RedisTarget.parse(defaultUrl);
        try {
            return RedisConnection.open(fallback, connections, timeout, null, trust);
        } catch (RedisUnavailableException e) {
            if (!isNobodyThere(e)) {
                throw e;
            }
            return startEmbedded(connections, timeout, notices,
                    "No Redis answered at " + fallback.masked() + "; using an embedded redis-server");
        }
    }

    /**
     * Refused, or no answer to the connect itself. A server that accepted us but replied slowly (a read timeout)
     * is there: falling back to another server then would silently change what is measured.
     */
    private static boolean isNobodyThere(RedisUnavailableException e) {
        Throwable root = RedisErrors.rootCause(e);
        if (root instanceof java.net.SocketTimeoutException) {
            return String.valueOf(root.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
        }
        return root instanceof java.net.ConnectException || root instanceof java.net.NoRouteToHostException;
    }

    private static RedisConnection startEmbedded(int connections, Duration timeout, Consumer<String> notices,
                                                 String why) {
        EmbeddedRedis server = EmbeddedRedis.start();
        RedisConnection connection = RedisConnection.open(server.target(), connections, timeout, server);
        notices.accept(why + " at " + server.target().masked() + " (Redis " + connection.serverVersion()
                + "); it stops when the program ends.");
        return connection;
    }
}
