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
import seckill.sale.Sale;
import seckill.sale.SaleAudit;
import seckill.util.Problem;

/** The invariants of the sale in Redis, whoever drove it. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the sale in Redis: nothing oversold, kill_user matches kill_num, nobody won twice."
                + " Exit 0 when they hold, 3 when not.")
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
            List<Problem> wrongTypes = connection.call(jedis -> new Sale(redis.keys()).wrongTypes(jedis));
            out.println(Summary.line("Sale", "prefix '" + redis.prefix() + "' at " + connection.target().masked()));
            if (!wrongTypes.isEmpty()) {
                // keys overwritten by something else: the sale's invariants cannot even be read, so they fail
                for (Problem problem : wrongTypes) {
                    out.println(Summary.line("Audit", "✘ " + problem.english()));
                }
                out.println(Summary.line("", "('reset' or 'run' without --join replaces the sale)"));
                out.flush();
                return ExitCodes.AUDIT_FAILED;
            }
            AuditResult a = connection.call(new SaleAudit(redis.keys())::audit);
            out.println(Summary.line("Sold", a.sold() + " / " + a.total() + ", winners " + a.winners()
                    + " (" + a.uniqueWinners() + " distinct)"));
            if (a.ok()) {
                out.println(Summary.line("Audit", "✔ nothing oversold, nobody won twice"));
            } else {
                for (Problem v : a.violations()) {
                    out.println(Summary.line("Audit", "✘ " + v.english()));
                }
            }
            out.flush();
            return a.ok() ? ExitCodes.OK : ExitCodes.AUDIT_FAILED;
        }
    }
}
