package seckill.cli;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import seckill.redis.RedisConnection;
import seckill.redis.RedisTarget;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;

/**
 * The server's own benchmark client running the lab's Lua purchase: the rate Redis itself can serve on this
 * machine at a given concurrency, to hold the lab's figures against.
 */
public final class RedisBenchmark {
    private static final Pattern RATE = Pattern.compile("([0-9.]+) requests per second(?:, p50=([0-9.]+) msec)?");

    /** Requests per second and median latency, or why it did not run. */
    /** @param sold items the requests sold: nearly every one of them, or the rate is not of purchases */
    public record Result(double requestsPerSecond, double p50Ms, String skippedBecause, long sold) {
        Result(double requestsPerSecond, double p50Ms, String skippedBecause) {
            this(requestsPerSecond, p50Ms, skippedBecause, 0);
        }
    }

    /**
     * redis-benchmark's {@code -r}: user ids drawn from this many. It reads the number as a C int, so a larger one
     * (10^12 was given once) wraps and every request names one user, who then only ever hears "already won".
     */
    static final int USER_IDS = 1_000_000_000;

    private final String executable;

    private RedisBenchmark(String executable) {
        this.executable = executable;
    }

    public static Optional<RedisBenchmark> find(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.equals("off")) {
            return Optional.empty();
        }
        if (nameOrPath.contains(File.separator)) {
            return new File(nameOrPath).canExecute() ? Optional.of(new RedisBenchmark(nameOrPath)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir, nameOrPath);
            if (candidate.canExecute()) {
                return Optional.of(new RedisBenchmark(candidate.getAbsolutePath()));
            }
        }
        return Optional.empty();
    }

    /** Runs {@code requests} purchases with random user ids on a sale big enough that every one of them sells. */
    public Result purchase(RedisConnection connection, String prefix, int clients, long requests) {
        RedisTarget target = connection.target();
        if (target.hasPassword() || target.tls()) {
            // a password on redis-benchmark's command line would show in the process list
            return new Result(0, 0, "the server needs a password or TLS");
        }
        SaleKeys keys = new SaleKeys(prefix);
        Sale sale = new Sale(keys);
        try {
            String sha = sale.openForEvalsha(connection, requests * 2, 3_600);
            // on a cluster, the master that holds the sale's slot (the keys' hash tag)
            InetSocketAddress where = connection.ownerAddress();
            List<String> command = new ArrayList<>(List.of(executable, "-h", where.getHostString(), "-p",
                    Integer.toString(where.getPort()), "--dbnum", Integer.toString(target.database()), "-c",
                    Integer.toString(clients), "-n", Long.toString(requests), "-r", Integer.toString(USER_IDS), "-q",
                    "EVALSHA", sha, "6", keys.flag(), keys.total(), keys.num(), keys.user(), keys.buyers(),
                    keys.times(), "u__rand_int__", "0"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            // the quiet mode still prints progress lines; the last rate is the final one
            MatchResult last = null;
            Matcher m = RATE.matcher(output);
            while (m.find()) {
                last = m.toMatchResult();
            }
            if (code != 0 || last == null) {
                return new Result(0, 0, "redis-benchmark failed (exit " + code + ")");
            }
            long sold = sale.sold(connection);
            return new Result(Double.parseDouble(last.group(1)),
                    last.group(2) == null ? 0 : Double.parseDouble(last.group(2)), null, sold);
        } catch (IOException e) {
            return new Result(0, 0, "redis-benchmark could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, 0, "interrupted");
        } finally {
            sale.reset(connection);
        }
    }
}
