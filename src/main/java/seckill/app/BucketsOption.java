package seckill.app;

import picocli.CommandLine.Option;
import seckill.sale.SaleBuckets;
import seckill.sale.SaleKeys;
import seckill.util.Problem;

/** {@code --buckets N} for the commands that read or delete a sale split into buckets. */
public class BucketsOption {
    @Option(names = "--buckets", descriptionKey = "sale.buckets", paramLabel = "N",
            converter = FieldConverters.Buckets.class)
    long buckets = 1;

    /**
     * The sale's buckets.
     *
     * @throws IllegalArgumentException when the prefix has no hash tag to number the buckets in
     */
    SaleBuckets of(SaleKeys sale) {
        Problem untagged = SaleKeys.bucketsProblem(sale.prefix(), (int) buckets);
        if (untagged != null) {
            throw new IllegalArgumentException(untagged.english());
        }
        return new SaleBuckets(sale, (int) buckets);
    }
}
