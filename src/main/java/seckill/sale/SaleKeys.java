package seckill.sale;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import seckill.util.Problem;

/**
 * The Redis keys of one sale under a prefix. The first four are the tutorial's contract; the rest are ours and
 * live under the same prefix so that {@link Sale#reset} can delete exactly the sale's keys. The layout is a
 * contract: docs/ARCHITECTURE.md, "Redis keys of one sale".
 *
 * @param prefix prepended to every key; under Redis Cluster give it a hash tag, e.g. {@code {sale1}:}
 */
public record SaleKeys(String prefix) {
    /** The prefix on a Redis Cluster when none is given: one hash tag, so every key of the sale shares a slot. */
    public static final String CLUSTER_PREFIX = "{seckill}:";

    public SaleKeys {
        prefix = prefix == null ? "" : prefix;
    }

    /**
     * The hash tag every key of the sale carries, as Redis Cluster reads one: the text between the prefix's first
     * {@code '{'} and the next {@code '}'}, when that is not empty. Keys with one tag share one slot.
     */
    public Optional<String> hashTag() {
        int open = prefix.indexOf('{');
        int close = open < 0 ? -1 : prefix.indexOf('}', open + 1);
        return close > open + 1 ? Optional.of(prefix.substring(open + 1, close)) : Optional.empty();
    }

    /**
     * The prefix of a sale on a Redis Cluster: the one given, or {@link #CLUSTER_PREFIX} when none was.
     *
     * @throws IllegalArgumentException when the prefix has no hash tag (its keys would scatter over the slots)
     */
    public static String onCluster(String given) {
        Problem refused = clusterProblem(given);
        if (refused != null) {
            throw new IllegalArgumentException(refused.english());
        }
        return given == null || given.isEmpty() ? CLUSTER_PREFIX : given;
    }

    /** Why a prefix cannot hold a sale on a Redis Cluster (it has no hash tag), or null when it can. */
    public static Problem clusterProblem(String given) {
        if (given == null || given.isEmpty() || new SaleKeys(given).hashTag().isPresent()) {
            return null;
        }
        String name = given.replaceAll("[{}]", "").replaceAll(":+$", "");
        return Problem.of(Problem.Kind.PREFIX_NO_HASH_TAG, given, "{" + (name.isEmpty() ? "sale1" : name) + "}:");
    }

    /**
     * Bucket {@code i} of a sale split into buckets ({@code --buckets}): a complete sale of its own under the same
     * prefix with the hash tag {@code {T}} made {@code {T.i}} ({@code {sale}:} gives {@code {sale.0}:}), so that on
     * a cluster the buckets fall in different slots.
     *
     * @throws IllegalArgumentException when the prefix has no hash tag
     */
    public SaleKeys bucket(int i) {
        if (hashTag().isEmpty()) {
            throw new IllegalArgumentException(bucketsProblem(prefix, 2).english());
        }
        int close = prefix.indexOf('}', prefix.indexOf('{') + 1);
        return new SaleKeys(prefix.substring(0, close) + "." + i + prefix.substring(close));
    }

    /** The sales of {@code n} buckets: this sale itself when {@code n} is 1. */
    public List<SaleKeys> buckets(int n) {
        return n == 1 ? List.of(this) : IntStream.range(0, n).mapToObj(this::bucket).toList();
    }

    /**
     * The bucket that sells to this user: CRC-32 of the id modulo {@code n}, the same in every process, so a user
     * only ever buys in one bucket and cannot win in two.
     */
    public static int bucketOf(String userId, int n) {
        if (n == 1) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(userId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % n);
    }

    /** Bucket {@code i}'s share of the stock: an even split, the remainder to the first buckets. */
    public static long bucketStock(long stock, int n, int i) {
        return stock / n + (i < stock % n ? 1 : 0);
    }

    /** Why a prefix cannot hold a sale in {@code n} buckets (it has no hash tag to number), or null when it can. */
    public static Problem bucketsProblem(String given, int n) {
        if (n == 1 || new SaleKeys(given).hashTag().isPresent()) {
            return null;
        }
        String name = given == null ? "" : given.replaceAll("[{}]", "").replaceAll(":+$", "");
        return Problem.of(Problem.Kind.BUCKETS_NO_HASH_TAG, given == null ? "" : given,
                "{" + (name.isEmpty() ? "sale" : name) + "}:");
    }

    /** The sale's stock (string). */
    public String total() {
        return prefix + "kill_total";
    }

    /** Items sold so far (string). */
    public String num() {
        return prefix + "kill_num";
    }

    /** "1" with a TTL of the sale's duration: the sale is open while it exists. */
    public String flag() {
        return prefix + "kill_flag";
    }

    /** The winners' user ids, in the order they bought (list). */
    public String user() {
        return prefix + "kill_user";
    }

    /** The winners as a set, for one-item-per-user checks inside the strategies' atomic step. */
    public String buyers() {
        return prefix + "kill_buyers";
    }

    /** Purchase times in epoch milliseconds, parallel to {@link #user()}. */
    public String times() {
        return prefix + "kill_time";
    }

    /** The counter the {@code decr} strategy takes items from. */
    public String stock() {
        return prefix + "kill_stock";
    }

    /** Run metadata (hash): opened_ms, stock, duration_s, strategy; under the sale's own tag, buckets. */
    public String meta() {
        return prefix + "kill_meta";
    }

    public List<String> all() {
        return List.of(total(), num(), flag(), user(), buyers(), times(), stock(), meta());
    }

    /** The Redis type each key must have, for refusing a sale whose keys were overwritten by something else. */
    public String expectedType(String key) {
        if (key.equals(user()) || key.equals(times())) {
            return "list";
        }
        if (key.equals(buyers())) {
            return "set";
        }
        if (key.equals(meta())) {
            return "hash";
        }
        return "string";
    }
}
