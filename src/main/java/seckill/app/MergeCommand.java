package seckill.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import seckill.cli.MergeSummary;
import seckill.redis.RedisConnection;
import seckill.redis.RedisTarget;
import seckill.redis.RedisUnavailableException;
import seckill.report.MergedReport.Part;
import seckill.report.MergedReport;
import seckill.sale.AuditResult;
import seckill.sale.SaleBuckets;
import seckill.util.Problem;

/** The reports of several processes that joined one sale, combined; the sale itself read back from Redis. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combine the reports of several 'run --join' processes on one sale: users, attempts, wins, "
                + "conflicts and errors summed, latency percentiles from the added histograms (exact), sold and "
                + "the audit read back from Redis (--redis, else the reports' own URL when it has no password; a "
                + "sale in buckets bucket by bucket). "
                + "Exit 0 when the audit holds, 3 when not, 4 when Redis could not be read.")
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "JSON reports written by 'run --report'.")
    List<Path> files;

    @Option(names = "--report", paramLabel = "FILE", converter = FieldConverters.ReportFile.class,
            description = "Write the merged JSON report to FILE.")
    Path report;

    @Mixin
    RedisOptions redis;

    @Mixin
    BucketsOption buckets;

    @Override
    public Integer call() {
        refuseTheSameReportTwice();
        List<Part> parts = new ArrayList<>();
        for (Path file : files) {
            try {
                parts.add(Part.read(file));
            } catch (NoSuchFileException e) {
                throw new ParameterException(spec.commandLine(), "REPORT: cannot read " + file + ": no such file");
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "REPORT: cannot read " + file + " ("
                        + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "REPORT: " + e.getMessage());
            }
        }
        List<String> prefixes = parts.stream().map(Part::prefix).distinct().toList();
        if (prefixes.size() > 1) {
            throw new ParameterException(spec.commandLine(), "REPORT: the reports are of different sales (prefixes "
                    + prefixes + "); merge the reports of one sale");
        }
        boolean prefixGiven = spec.commandLine().getParseResult().hasMatchedOption("--prefix");
        if (!prefixGiven) {
            redis.prefix = prefixes.get(0);
        }
        PrintWriter out = spec.commandLine().getOut();
        String unread = whyNotReadable(parts);
        AuditResult audit = null;
        String where = null;
        if (unread == null) {
            try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
                where = connection.target().masked();
                // a sale in buckets is read bucket by bucket, each where it lives
                SaleBuckets sale = buckets.of(redis.keys(), connection);
                List<Problem> wrong = connection.callKeyed(sale::wrongTypes);
                if (wrong.isEmpty()) {
                    audit = connection.callKeyed(sale::audit);
                } else {
                    unread = "the sale's keys have the wrong types: " + wrong.get(0).english();
                }
            } catch (RedisUnavailableException e) {
                unread = RedisTarget.maskAll(e.getMessage());
            }
        }
        MergedReport merged = MergedReport.of(parts, audit, unread, where);
        MergeSummary.print(out, merged);
        if (report != null) {
            try {
                merged.write(report);
                out.println("Report      " + report.toAbsolutePath());
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--report: cannot write " + report + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        out.flush();
        if (audit == null) {
            return ExitCodes.REDIS_UNAVAILABLE;
        }
        return audit.ok() ? ExitCodes.OK : ExitCodes.AUDIT_FAILED;
    }

    /**
     * One report given twice (the same file, or a copy of it) would count its users, wins and attempts twice: exit 2
     * naming both. Compared by their bytes' SHA-256, read as a stream.
     */
    private void refuseTheSameReportTwice() {
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            String digest;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                    MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(OutputStream.nullOutputStream());
                digest = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            } catch (IOException | NoSuchAlgorithmException e) {
                continue; // reading it again below says what is wrong with it
            }
            Path before = seen.putIfAbsent(digest, file);
            if (before != null) {
                throw new ParameterException(spec.commandLine(), "REPORT: " + before + " and " + file + " are the "
                        + "same report (the same bytes): give each process's report once, or it counts twice");
            }
        }
    }

    /**
     * Why the sale cannot be read back without {@code --redis}, or null when it can: the reports name the server
     * (their URL, its password masked); a password or an embedded server they used cannot be had from them.
     */
    private String whyNotReadable(List<Part> parts) {
        if (redis.url() != null || redis.embedded()) {
            return null;
        }
        List<String> urls = parts.stream().map(Part::redisUrl).distinct().toList();
        if (urls.size() != 1 || urls.get(0) == null) {
            return "the reports name different servers " + urls + "; give --redis URL";
        }
        if (parts.stream().anyMatch(Part::embedded)) {
            return "the runs used an embedded server, gone with their processes";
        }
        String url = urls.get(0);
        if (url.contains(":***@") || url.contains("/***@") || url.contains("//***@")) {
            return "the reports' URL " + url + " has its password masked; give --redis URL";
        }
        redis.url = url;
        return null;
    }
}
