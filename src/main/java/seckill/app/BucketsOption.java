package seckill.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import seckill.redis.RedisConnection;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.sale.SaleMeta;
import seckill.util.Problem;
import seckill.util.ProblemException;

/**
 * {@code --buckets N} for the commands that read or delete a sale split into buckets; without it, the number the
 * sale recorded in {@code {T}:kill_meta} when it was opened, checked against the buckets themselves
 * ({@link SaleMeta#checkedSplit}).
 */
public class BucketsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--buckets", descriptionKey = SaleOptionHelp.RECORDED_BUCKETS, paramLabel = "N",
            converter = FieldConverters.Buckets.class)
    long buckets = 1;

    /**
     * The sale's buckets: as many as {@code --buckets} says, else as the sale recorded, else one.
     *
     * @throws ProblemException when the prefix has no hash tag to number the buckets in
     * @throws seckill.sale.SaleKeyException when the record was changed by hand, naming the key and what is wrong
     */
    SaleBuckets of(SaleKeys sale, RedisConnection connection) {
        int n = (int) buckets;
        if (!command.commandLine().getParseResult().hasMatchedOption("--buckets") && sale.hashTag().isPresent()) {
            n = connection.callKeyed(calls -> SaleMeta.checkedSplit(calls, sale));
        }
        Problem untagged = SaleKeys.bucketsProblem(sale.prefix(), n);
        if (untagged != null) {
            throw new ProblemException(untagged);
        }
        return new SaleBuckets(sale, n);
    }
}
