package seckill.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.redis.RedisConnection;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeyException;
import seckill.sale.SaleKeys;

/**
 * Deletes exactly the sale's keys: its own, and every bucket its record counts or whose own record names it, also
 * when its record was changed by hand (then named first).
 */
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
                SaleBuckets sale;
                try {
                    sale = buckets.of(keys, connection);
                } catch (SaleKeyException changedByHand) {
                    // a record that cannot be read still leaves every bucket that names the sale to be found
                    spec.commandLine().getOut().println("Note: " + changedByHand.getMessage());
                    sale = new SaleBuckets(keys, 1);
                }
                // deleting twice after a lost reply deletes nothing more: safe to retry
                long deleted = connection.callKeyed(sale::reset);
                spec.commandLine().getOut().println("Deleted " + deleted + " key(s) of the sale under prefix '"
                        + keys.prefix() + "' at " + connection.target().masked());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
