package seckill.redis;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.LongAdder;

import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;

/**
 * Sockets that count the bytes and flushes crossing them: how the cost of a reader (the dashboard's poller) is
 * measured without relying on the server's global counters, which every other client moves too.
 */
public final class CountingSocketFactory implements JedisSocketFactory {
    private final JedisSocketFactory delegate;
    private final JedisClientConfig config;
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();

    /** Counts connections made like the given pool's (same server, credentials, TLS and timeouts). */
    public CountingSocketFactory(RedisConnection like) {
        RedisTarget target = like.target();
        this.config = like.clientConfig();
        this.delegate = new DefaultJedisSocketFactory(new HostAndPort(target.host(), target.port()), config);
    }

    /** One counted connection, authenticated and on the right database like the pooled ones. */
    public Jedis connect() {
        return new Jedis(this, config);
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /**
     * Times the client turned from sending to reading: round trips, whatever the number of flushes (Jedis flushes
     * MULTI on its own, but waits for its reply only at EXEC).
     */
    public long roundTrips() {
        return roundTrips.sum();
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket(delegate.createSocket());
    }

    /** Delegates what Jedis uses of a socket, counting on the way through. */
    private final class CountingSocket extends Socket {
        private final Socket socket;
        private boolean sentSinceRead;

        CountingSocket(Socket socket) {
            this.socket = socket;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    turnAround();
                    int b = super.read();
                    if (b >= 0) {
                        bytesIn.increment();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    turnAround();
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytesIn.add(n);
                    }
                    return n;
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            OutputStream out = socket.getOutputStream();
            return new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    bytesOut.increment();
                    sentSinceRead = true;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    bytesOut.add(len);
                    sentSinceRead = true;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }

        /** A connection is used by one thread at a time, so a plain field is enough. */
        private void turnAround() {
            if (sentSinceRead) {
                sentSinceRead = false;
                roundTrips.increment();
            }
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws SocketException {
            return socket.getSoTimeout();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public boolean isBound() {
            return socket.isBound();
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public boolean isInputShutdown() {
            return socket.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return socket.isOutputShutdown();
        }

        @Override
        public InetAddress getInetAddress() {
            return socket.getInetAddress();
        }

        @Override
        public int getPort() {
            return socket.getPort();
        }

        @Override
        public synchronized void close() throws IOException {
            socket.close();
        }
    }
}
