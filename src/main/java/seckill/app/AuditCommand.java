package seckill.app;

import seckill.cli.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.redis.RedisConnection;
import seckill.sale.AuditResult;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

/** The invariants of the sale in Redis, whoever drove it. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the sale in Redis: nothing oversold, kill_user matches kill_num, nobody won twice."
                + " Exit 0 when they hold, 3 when not. With --compare, each listed strategy's sale (naive's"
                + " violation is expected).")
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Mixin
    CompareOptions compare;

    @Mixin
    BucketsOption buckets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
            List<SaleKeys> sales = compare.sales(redis.prefix());
            int code = ExitCodes.OK;
            for (int i = 0; i < sales.size(); i++) {
                StrategyKind strategy = compare.strategyAt(i);
                boolean holds = audit(out, connection, buckets.of(sales.get(i), connection), strategy);
                // with --compare, naive's violation is the lesson, expected; a safe strategy's fails the audit
                if (!holds && (strategy == null || strategy.isSafe())) {
                    code = ExitCodes.AUDIT_FAILED;
                }
            }
            out.flush();
            return code;
        }
    }

    /** Audits one sale and prints what it found; true when its invariants hold. */
    private static boolean audit(PrintWriter out, RedisConnection connection, SaleBuckets sale,
                                 StrategyKind strategy) {
        SaleKeys keys = sale.keys().get(0);
        List<Problem> wrongTypes = connection.callKeyed(sale::wrongTypes);
        out.println(Summary.line("Sale", (strategy == null ? "" : strategy.cliName() + ", ") + "prefix '"
                + keys.prefix() + "'" + (sale.size() > 1 ? " and " + (sale.size() - 1) + " more bucket(s)" : "")
                + " at " + connection.target().masked()));
        if (!wrongTypes.isEmpty()) {
            // keys overwritten by something else: the sale's invariants cannot even be read, so they fail
            for (Problem problem : wrongTypes) {
                out.println(Summary.line("Audit", "✘ " + problem.english()));
            }
            out.println(Summary.line("", "('reset' or 'run' without --join replaces the sale)"));
            return false;
        }
        AuditResult a = connection.callKeyed(sale::audit);
        out.println(Summary.line("Sold", a.sold() + " / " + a.total() + ", winners " + a.winners()
                + " (" + a.uniqueWinners() + " distinct)"));
        if (a.ok()) {
            out.println(Summary.line("Audit", "✔ nothing oversold, nobody won twice"));
        } else {
            for (Problem v : a.violations()) {
                out.println(Summary.line("Audit", "✘ " + v.english()));
            }
            if (strategy == StrategyKind.NAIVE) {
                out.println(Summary.line("", "(expected: naive oversells on purpose, the lesson)"));
            }
        }
        return a.ok();
    }
}
