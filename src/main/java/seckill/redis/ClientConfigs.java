package seckill.redis;

import java.time.Duration;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;

/** How this client's connections to a target are made: credentials, TLS, database, name and timeouts. */
final class ClientConfigs {
    private ClientConfigs() {
    }

    /** For pooled connections: reads wait at most a socket timeout of 250 ms to 2 s. */
    static JedisClientConfig pooled(RedisTarget target, Duration timeout, TlsTrust trust) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        // a socket timeout shorter than the overall limit lets a paused or half-dead server be noticed and
        // retried on a fresh connection while there is still time left
        return of(target, timeout, trust, Math.max(250, Math.min(millis, 2_000)));
    }

    /** For a buyer's own connection ({@link BuyerConnection}): reads wait as long as it takes. */
    static JedisClientConfig buyer(RedisTarget target, Duration timeout, TlsTrust trust) {
        return of(target, timeout, trust, 0);
    }

    /** @param socketMillis how long a read may wait; 0: as long as it takes */
    private static JedisClientConfig of(RedisTarget target, Duration timeout, TlsTrust trust, int socketMillis) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.max(250, Math.min(millis, 2_000)))
                .socketTimeoutMillis(socketMillis)
                .blockingSocketTimeoutMillis(socketMillis)
                .database(target.database())
                .clientName("seckill-lab")
                // CLIENT SETINFO is refused before Redis 7.2, and each refusal costs an exception per connection
                // (200 at a sale's start); the client name already tells operators who we are
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .ssl(target.tls());
        if (target.tls()) {
            builder.sslParameters(trust.parameters());
            if (trust.socketFactory() != null) {
                builder.sslSocketFactory(trust.socketFactory());
            }
        }
        if (target.user() != null) {
            builder.user(target.user());
        }
        if (target.password() != null) {
            builder.password(target.password());
        }
        return builder.build();
    }
}
