package seckill.redis;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server process of a test's own, on a free loopback port in a temporary folder: the only kind of server
 * faults are injected into (the shared one at 6379 is never touched). It can be killed with SIGKILL and started
 * again on the same port and folder, so an append-only file survives.
 *
 * <p>The binary is {@code $SECKILL_REDIS_SERVER}, else {@code /usr/bin/redis-server}, else the one inside the
 * embedded-redis jar (6.2.6, no TLS; {@code SECKILL_REDIS_SERVER=embedded} forces it). {@link #close()} stops the
 * process and deletes the folder; a shutdown hook does the same for anything a failed test left behind.
 */
public final class PrivateRedis implements AutoCloseable {
    private static final Path SYSTEM_BINARY = Path.of("/usr/bin/redis-server");
    private static final Set<PrivateRedis> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile Path jarBinary;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(PrivateRedis::close),
                "private-redis-stop"));
    }

    private final Path binary;
    private final Path dir;
    private final int port;
    private final List<String> settings;
    private final String password;
    private final boolean tls;
    private Process process;

    private PrivateRedis(Path binary, Path dir, int port, List<String> settings, boolean tls) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.settings = List.copyOf(settings);
        this.password = valueOf(settings, "--requirepass");
        this.tls = tls;
    }

    /** A server with no persistence and the given extra settings, e.g. {@code "--requirepass", "pw"}. */
    public static PrivateRedis start(String... settings) {
        return start(binary(), false, List.of(settings));
    }

    /**
     * A server that speaks TLS only, with the system's binary (the embedded one has no TLS); the caller has checked
     * {@link #hasSystemBinary()}. Clients need no certificate of their own.
     *
     * @throws IllegalStateException when it does not start, e.g. because the binary was built without TLS
     */
    public static PrivateRedis startTls(Path certificate, Path key) {
        return start(systemBinary(), true, List.of("--tls-cert-file", certificate.toString(), "--tls-key-file",
                key.toString(), "--tls-auth-clients", "no"));
    }

    private static PrivateRedis start(Path binary, boolean tls, List<String> settings) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("seckill-private-redis-");
                PrivateRedis redis = new PrivateRedis(binary, dir, EmbeddedRedis.freeLoopbackPort(), settings, tls);
                redis.launch(true);
                return redis;
            } catch (IllegalStateException e) {
                // most likely the port was taken between choosing and binding: another port, another folder
                last = e;
                EmbeddedRedis.deleteTree(dir);
            } catch (IOException e) {
                EmbeddedRedis.deleteTree(dir);
                throw new UncheckedIOException(e);
            }
        }
        throw last;
    }

    public static boolean hasSystemBinary() {
        return systemBinary() != null;
    }

    private static Path systemBinary() {
        String fromEnvironment = System.getenv("SECKILL_REDIS_SERVER");
        if ("embedded".equals(fromEnvironment)) {
            // as on a machine without redis-server: the jar's binary, and the TLS test skipped
            return null;
        }
        if (fromEnvironment != null && Files.isExecutable(Path.of(fromEnvironment))) {
            return Path.of(fromEnvironment);
        }
        return Files.isExecutable(SYSTEM_BINARY) ? SYSTEM_BINARY : null;
    }

    private static Path binary() {
        Path system = systemBinary();
        return system != null ? system : jarBinary();
    }

    private static synchronized Path jarBinary() {
        if (jarBinary == null) {
            try {
                File file = ExecutableProvider.newJarResourceProvider().get();
                file.setExecutable(true);
                jarBinary = file.toPath();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot extract the embedded redis-server", e);
            }
        }
        return jarBinary;
    }

    /** Starts the process; waits until it answers PING, or (not {@code answering}) only accepts connections. */
    private void launch(boolean answering) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        // a TLS server listens on its TLS port only, so that nothing reaches it in plain text
        command.addAll(tls ? List.of("--port", "0", "--tls-port", Integer.toString(port))
                : List.of("--port", Integer.toString(port)));
        command.addAll(List.of("--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no",
                "--logfile", "", "--daemonize", "no", "--protected-mode", "yes"));
        command.addAll(settings);
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
        RUNNING.add(this);
        try {
            // waiting for a process to listen: not a test's synchronisation, the server's start-up
            await("redis-server on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("redis-server exited at start: " + log());
                        }
                        return answering ? answers() : listens();
                    });
        } catch (ConditionTimeoutException | IllegalStateException e) {
            stopProcess();
            RUNNING.remove(this);
            throw new IllegalStateException("redis-server did not start on port " + port + ": " + log(), e);
        }
    }

    private boolean answers() {
        if (tls) {
            // the test's own connections speak plain text, so readiness is read in the log
            return log().contains("Ready to accept connections");
        }
        try (Jedis jedis = admin()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** A TCP connection is accepted; nothing is sent, so a loading server is not asked anything. */
    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** {@code redis://[:password@]127.0.0.1:port}, or {@code rediss://localhost:port} for TLS. */
    public String url() {
        if (tls) {
            return "rediss://localhost:" + port;
        }
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public RedisTarget target() {
        return RedisTarget.parse(url());
    }

    /** A new connection of the test's own (authenticated when the server wants a password), for injecting faults. */
    public Jedis admin() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().clientName("test-admin")
                .socketTimeoutMillis(10_000);
        if (password != null) {
            config.password(password);
        }
        return new Jedis(new HostAndPort("127.0.0.1", port), config.build());
    }

    /** A connection pool to this server, as the program opens one. */
    public RedisConnection connect(int connections, Duration timeout) {
        return RedisConnection.open(target(), connections, timeout, null);
    }

    /** SIGKILL: no shutdown, no last save; what the append-only file holds is all that survives. */
    public void killHard() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** SIGSTOP (true) or SIGCONT (false): a server that neither reads nor answers, and then does again. */
    public void freeze(boolean frozen) {
        try {
            Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + (frozen ? "-STOP" : "-CONT") + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same port and folder (so with the same append-only file). */
    public void restart() {
        stopProcess();
        launch(true);
    }

    /**
     * As {@link #restart}, returning as soon as the server accepts connections, before it has loaded its data:
     * meanwhile it answers every command with {@code -LOADING}.
     */
    public void restartStillLoading() {
        stopProcess();
        launch(false);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The server's own log, for failure messages. */
    public String log() {
        try {
            Path file = dir.resolve("redis.log");
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        stopProcess();
        EmbeddedRedis.deleteTree(dir);
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        waitForExit();
    }

    private void waitForExit() {
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String valueOf(List<String> settings, String name) {
        int i = settings.indexOf(name);
        return i >= 0 && i + 1 < settings.size() ? settings.get(i + 1) : null;
    }
}
