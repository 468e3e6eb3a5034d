package seckill.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import redis.embedded.RedisServer;

/**
 * The real redis-server binary shipped inside the embedded-redis jar, on a free loopback port.
 * It persists nothing, works in a temporary folder of its own, and removes that folder when it stops.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final String DIR_PREFIX = "seckill-embedded-redis-";

    private final RedisServer server;
    private final int port;
    private final Path dir;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private EmbeddedRedis(RedisServer server, int port, Path dir) {
        this.server = server;
        this.port = port;
        this.dir = dir;
        this.shutdownHook = new Thread(this::stopQuietly, "embedded-redis-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server; a port taken between choosing and binding is retried on another port. */
    public static EmbeddedRedis start() {
        return start(null);
    }

    /** As {@link #start()}, its folder made in {@code tempRoot} (null: the system's temporary folder). */
    static EmbeddedRedis start(Path tempRoot) {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Path dir = null;
            try {
                int port = freeLoopbackPort();
                dir = tempRoot == null ? Files.createTempDirectory(DIR_PREFIX)
                        : Files.createTempDirectory(tempRoot, DIR_PREFIX);
                RedisServer server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("dir " + configString(dir.toAbsolutePath().toString()))
                        .setting("protected-mode yes")
                        .setting("maxclients 4064")
                        .soutListener(line -> { })
                        .serrListener(line -> { })
                        .build();
                server.start();
                return new EmbeddedRedis(server, port, dir);
            } catch (IOException e) {
                last = e;
                deleteTree(dir);
            }
        }
        throw new UncheckedIOException("Could not start the embedded redis-server", last);
    }

    /**
     * A value as redis.conf reads it whatever it holds: in double quotes, with backslashes and quotes escaped. A
     * temporary folder may have a space in its path (a Windows user's name), which would otherwise split it.
     */
    static String configString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public RedisTarget target() {
        return RedisTarget.loopback(port);
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is running: nothing to remove
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.stop();
        } catch (IOException | RuntimeException ignored) {
            // the process may already be gone; the folder still has to go
        }
        deleteTree(dir);
    }

    /** Deletes a temporary folder and all in it, as far as it can. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }
}
