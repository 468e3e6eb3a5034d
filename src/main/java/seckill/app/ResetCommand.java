package seckill.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.redis.RedisConnection;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;

/** Deletes exactly the sale's keys. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Delete the sale's keys (and nothing else); with --compare, each listed strategy's.")
public final class ResetCommand implements Callable<Integer> {
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
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
            for (SaleKeys keys : compare.sales(redis.prefix())) {
                // deleting twice after a lost reply deletes nothing more: safe to retry
                SaleBuckets sale = buckets.of(keys, connection);
                long deleted = connection.callKeyed(sale::reset);
                spec.commandLine().getOut().println("Deleted " + deleted + " key(s) of the sale under prefix '"
                        + keys.prefix() + "' at " + connection.target().masked());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
