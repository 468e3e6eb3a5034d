package seckill.sale;

import java.util.List;
import java.util.Optional;

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

    /** Run metadata (hash): opened_ms, stock, duration_s, strategy. */
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
