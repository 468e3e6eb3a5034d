package seckill.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

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
import seckill.report.Exports;
import seckill.report.MergedReport;
import seckill.report.PartReader;
import seckill.sale.AuditResult;
import seckill.sale.SaleBuckets;
import seckill.util.Problem;

/** The reports of several processes that joined one sale, combined; the sale itself read back from Redis. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combine the reports of several 'run --join' processes on one sale: users, attempts, wins, "
                + "conflicts and errors summed, latency percentiles from the added histograms (exact), sold and "
                + "the audit read back from Redis (--redis, else the reports' own URL when it has no password; "
                + "named on stderr before it is read; a sale in buckets bucket by bucket). Each report is read once, "
                + "as a stream, so its size does not matter; one given twice (the same bytes, or the same run_id) "
                + "is refused. Exit 0 when the audit holds, 3 when not, 4 when Redis could not be read; 1 instead "
                + "of 0 when --report could not be written.")
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
        List<Part> parts = read();
        List<String> prefixes = parts.stream().map(Part::prefix).distinct().toList();
        if (prefixes.size() > 1) {
            throw refused("the reports are of different sales (prefixes " + prefixes + "); merge the reports of one "
                    + "sale");
        }
        MergedReport merged;
        try {
            merged = MergedReport.of(parts);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        boolean prefixGiven = spec.commandLine().getParseResult().hasMatchedOption("--prefix");
        if (!prefixGiven) {
            redis.prefix = prefixes.get(0);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String unread = whyNotReadable(parts);
        AuditResult audit = null;
        String where = null;
        if (unread == null) {
            // which server is read, before it is: a report names one, and the merge should not go there unsaid
            err.println("Reading the sale from " + redis.where() + (redis.url() != null && !urlGiven()
                    ? "; --redis URL reads another" : ""));
            err.flush();
            try (RedisConnection connection = redis.connect(RedisConnection.READERS, err)) {
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
                unread = e.getMessage();
            }
        }
        merged = merged.withSale(audit, unread, where);
        MergeSummary.print(out, merged);
        int code = audit == null ? ExitCodes.REDIS_UNAVAILABLE : audit.ok() ? ExitCodes.OK : ExitCodes.AUDIT_FAILED;
        if (report != null) {
            MergedReport written = merged;
            if (OutputFiles.write(err, "--report", report, () -> written.write(report))) {
                out.println("Report      " + report.toAbsolutePath());
            } else {
                code = ExitCodes.unwritten(code);
            }
        }
        out.flush();
        return code;
    }

    private boolean urlGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--redis");
    }

    private ParameterException refused(String why) {
        return new ParameterException(spec.commandLine(), "REPORT: " + why);
    }

    /**
     * Every report, each read once (its SHA-256 on the way); exit 2 for one that cannot be read or merged, naming
     * it, and for one report given twice: the same bytes (the same file, or a copy of it), or two reports of the same
     * run ({@code run_id}: a copy edited, the report written again), since its users, wins and attempts would count
     * twice.
     */
    private List<Part> read() {
        List<PartReader.Read> reads = new ArrayList<>();
        for (Path file : files) {
            try {
                reads.add(PartReader.read(file));
            } catch (NoSuchFileException e) {
                throw refused("cannot read " + file + ": no such file");
            } catch (IOException e) {
                throw refused("cannot read " + file + " (" + Exports.why(e) + ")");
            }
        }
        refuseTwice(reads, PartReader.Read::sha256, PartReader.Read::file, "are the same report (the same bytes)");
        reads.stream().map(PartReader.Read::refusal).filter(Objects::nonNull).findFirst().ifPresent(why -> {
            throw refused(why);
        });
        List<Part> parts = reads.stream().map(PartReader.Read::part).toList();
        refuseTwice(parts, Part::runId, Part::file, "are reports of the same run (the same run_id)");
        return parts;
    }

    private <T> void refuseTwice(List<T> reports, Function<T, String> identity, Function<T, String> file,
                                 String same) {
        Map<String, T> seen = new HashMap<>();
        for (T r : reports) {
            String id = identity.apply(r);
            T before = id == null ? null : seen.putIfAbsent(id, r);
            if (before != null) {
                throw refused(file.apply(before) + " and " + file.apply(r) + " " + same + ": give each process's "
                        + "report once, or it counts twice");
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
        try {
            RedisTarget.parseSeeds(url);
        } catch (IllegalArgumentException e) {
            return "the reports' URL " + url + " cannot be used (" + e.getMessage() + "); give --redis URL";
        }
        redis.useUrl(url, "the reports' redis.url");
        return null;
    }
}
