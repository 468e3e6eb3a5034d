package seckill.app;

import seckill.cli.Summary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.redis.RedisConnection;
import seckill.sale.SaleKeyException;
import seckill.sale.SaleKeys;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleState;
import seckill.util.Problem;

/** The sale's state now. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the sale's current state: stock, sold, winners, time left.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Mixin
    CompareOptions compare;

    @Mixin
    BucketsOption buckets;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
            List<SaleKeys> sales = compare.sales(redis.prefix());
            List<Map<String, Object>> statuses = new ArrayList<>();
            for (int i = 0; i < sales.size(); i++) {
                SaleKeys keys = sales.get(i);
                SaleBuckets split = buckets.of(keys, connection);
                List<SaleState> levels = connection.callKeyed(calls -> {
                    refuseWrongTypes(split.wrongTypes(calls));
                    return split.read(calls);
                });
                SaleState s = SaleBuckets.sum(levels);
                List<String> masters = split.masters(connection);
                Map<String, Object> status = new LinkedHashMap<>();
                if (compare.given()) {
                    status.put("strategy", compare.strategyAt(i).cliName());
                }
                status.put("prefix", keys.prefix());
                status.put("exists", s.exists());
                status.put("total", s.exists() ? s.total() : null);
                status.put("sold", s.sold());
                status.put("winners", s.winners());
                status.put("remaining_stock", s.stockLeft());
                status.put("oversold", s.oversold());
                status.put("open", s.isOpen());
                status.put("seconds_left", s.ttlMillis() >= 0 ? Math.round(s.ttlMillis() / 1000.0) : null);
                if (split.size() > 1) {
                    status.put("buckets", split.size());
                    status.put("bucket_levels", levels.stream().map(b -> Map.of("stock", b.total(), "sold",
                            b.sold())).toList());
                    if (!masters.isEmpty()) {
                        status.put("bucket_masters", masters);
                    }
                }
                status.put("redis", connection.target().masked());
                statuses.add(status);
                if (!json) {
                    print(out, keys, s, connection, compare.given());
                    if (split.size() > 1 && s.exists()) {
                        out.println(Summary.line("Buckets", split.size() + ": " + String.join(", ", levels.stream()
                                .map(b -> Summary.f(b.sold()) + "/" + Summary.f(b.total())).toList())));
                        Summary.printMasters(out, masters);
                    }
                }
            }
            if (json) {
                // one sale as one object, as ever; a comparison as a list of them
                Object printed = compare.given() ? statuses : statuses.get(0);
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(printed));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void print(PrintWriter out, SaleKeys keys, SaleState s, RedisConnection connection,
                              boolean namePrefix) {
        if (!s.exists()) {
            out.println("No sale under prefix '" + keys.prefix() + "' at " + connection.target().masked());
            return;
        }
        out.println(Summary.line("Sale", (s.isOpen() ? "open" : "closed") + (s.ttlMillis() >= 0
                ? ", " + Math.round(s.ttlMillis() / 1000.0) + " s left" : "")
                + (namePrefix ? " (prefix '" + keys.prefix() + "')" : "")));
        out.println(Summary.line("Sold", s.sold() + " / " + s.total() + "   (left " + s.stockLeft()
                + ", oversold " + s.oversold() + ")"));
        out.println(Summary.line("Winners", Summary.f(s.winners())));
    }

    /** Keys of the wrong type cannot be read as a sale; the message names them and how to replace them. */
    private static void refuseWrongTypes(List<Problem> wrong) {
        if (!wrong.isEmpty()) {
            throw new SaleKeyException(Problem.of(Problem.Kind.READ_WRONG_TYPES, wrong));
        }
    }
}
