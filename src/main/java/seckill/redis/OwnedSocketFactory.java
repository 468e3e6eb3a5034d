package seckill.redis;

import java.io.IOException;
import java.net.Socket;

import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Makes the sockets of one connection as Jedis would (plain or TLS, with the client config's timeouts and SSL
 * settings: {@link DefaultJedisSocketFactory} does the work) and keeps the one it made last, so that another
 * thread can {@link #cut()} it. The socket is handed to Jedis as it is, unwrapped: reads cost what they always do.
 */
final class OwnedSocketFactory implements JedisSocketFactory {
    private final JedisSocketFactory delegate;
    private volatile Socket socket;
    private volatile boolean cut;

    OwnedSocketFactory(HostAndPort address, JedisClientConfig config) {
        this.delegate = new DefaultJedisSocketFactory(address, config);
    }

    @Override
    public Socket createSocket() {
        if (cut) {
            throw new JedisConnectionException("connection cut");
        }
        Socket s = delegate.createSocket();
        socket = s;
        if (cut) {
            // cut while it was connecting: it stays cut
            closeQuietly(s);
            throw new JedisConnectionException("connection cut");
        }
        return s;
    }

    /**
     * Closes the socket at once, from any thread, without flushing (a flush can block on a server that stopped
     * reading); a thread blocked reading from it wakes with an exception. Later sockets are refused.
     */
    void cut() {
        cut = true;
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closed already, or broken: gone either way
        }
    }
}
