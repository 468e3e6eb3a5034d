package seckill.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import seckill.redis.RedisConnection;
import seckill.sale.Sale;

/** Deletes exactly the sale's keys. */
@Command(name = "reset", mixinStandardHelpOptions = true, description = "Delete the sale's keys (and nothing else).")
public final class ResetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Override
    public Integer call() {
        try (RedisConnection connection = redis.connect(RedisConnection.READERS, spec.commandLine().getErr())) {
            // deleting twice after a lost reply deletes nothing more: safe to retry
            long deleted = connection.call(jedis -> new Sale(redis.keys()).reset(jedis));
            spec.commandLine().getOut().println("Deleted " + deleted + " key(s) of the sale under prefix '"
                    + redis.prefix() + "' at " + connection.target().masked());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
