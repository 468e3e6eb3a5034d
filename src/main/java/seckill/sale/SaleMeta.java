package seckill.sale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.redis.KeyedCalls;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * What a sale's {@code kill_meta} records, checked field by field: the opening ({@code opened_ms}, {@code stock},
 * {@code duration_s}, {@code strategy}); under the sale's own tag the number of its buckets ({@code buckets}); in a
 * bucket's, the sale it belongs to ({@code bucket_of}, {@code bucket}), so that a bucket is never run as a sale of its
 * own and every bucket of a sale can be found again, whatever its record says now.
 */
public final class SaleMeta {
    /** The most buckets a sale records: {@code --buckets}'s own limit. */
    static final int MAX_RECORDED = 1_024;
    static final String BUCKETS = "buckets";
    static final String BUCKET_OF = "bucket_of";
    static final String BUCKET = "bucket";
    private static final List<String> COUNTS = List.of("opened_ms", "stock", "duration_s");
    /** A bucket's prefix: its sale's, with {@code .i} at the end of the hash tag ({@link SaleKeys#bucket}). */
    private static final Pattern BUCKET_PREFIX = Pattern.compile("([^{]*\\{[^}]*)\\.(\\d{1,4})(}.*)", Pattern.DOTALL);

    private SaleMeta() {
    }

    /**
     * The buckets a sale under that prefix was opened with ({@code {T}:kill_meta}), read where its record lives; 1
     * when it recorded none, or has no hash tag to number buckets in.
     *
     * @throws SaleKeyException naming the key and each field changed by hand (a record of another type, a number of
     *                          buckets no sale has, any field that is not what a sale writes)
     */
    public static int recorded(KeyedCalls calls, SaleKeys sale) {
        if (sale.hashTag().isEmpty()) {
            return 1;
        }
        return calls.at(sale.meta(), jedis -> {
            Map<String, String> fields = read(jedis, sale);
            String n = fields.get(BUCKETS);
            return n == null ? 1 : Integer.parseInt(n);
        });
    }

    /** As {@link #recorded}, 1 when the record cannot be read as one: for what deletes the sale whatever it says. */
    private static int recordedIfReadable(KeyedCalls calls, SaleKeys sale) {
        try {
            return recorded(calls, sale);
        } catch (SaleKeyException e) {
            return 1;
        }
    }

    /** The record's fields, checked; none when there is no record. */
    private static Map<String, String> read(Jedis jedis, SaleKeys keys) {
        String type = jedis.type(keys.meta());
        if ("none".equals(type)) {
            return Map.of();
        }
        if (!"hash".equals(type)) {
            throw refused(List.of(Problem.of(Kind.KEY_WRONG_TYPE, keys.meta(), type, "hash")));
        }
        Map<String, String> fields = jedis.hgetAll(keys.meta());
        List<Problem> wrong = problems(keys, fields);
        if (!wrong.isEmpty()) {
            throw refused(wrong);
        }
        return fields;
    }

    private static SaleKeyException refused(List<Problem> problems) {
        return new SaleKeyException(Problem.of(Kind.READ_WRONG_TYPES, problems));
    }

    /** Each field of that record that is not what a sale writes there, named with the key and what it must be. */
    static List<Problem> problems(SaleKeys keys, Map<String, String> fields) {
        List<Problem> wrong = new ArrayList<>();
        for (String field : COUNTS) {
            String value = fields.get(field);
            if (value != null && !value.matches("\\d{1,18}")) {
                wrong.add(field(keys, field, value, Problem.of(Kind.META_WHOLE)));
            }
        }
        String strategy = fields.get("strategy");
        if (strategy != null && Arrays.stream(StrategyKind.values())
                .noneMatch(k -> k.cliName().equals(strategy))) {
            wrong.add(field(keys, "strategy", strategy, Problem.of(Kind.META_ONE_OF, StrategyKind.allowedNames())));
        }
        String n = fields.get(BUCKETS);
        int buckets = n != null && n.matches("\\d{1,4}") ? Integer.parseInt(n) : 0;
        if (n != null && (buckets < 1 || buckets > MAX_RECORDED)) {
            wrong.add(Problem.of(Kind.BUCKETS_RECORDED, keys.meta(), Sale.abbreviate(n), MAX_RECORDED));
        }
        wrong.addAll(bucketProblems(keys, fields.get(BUCKET_OF), fields.get(BUCKET)));
        return wrong;
    }

    /** A bucket's record of its sale: the prefix it was numbered from, and its number there. */
    private static List<Problem> bucketProblems(SaleKeys keys, String of, String index) {
        if (of == null && index == null) {
            return List.of();
        }
        Matcher m = BUCKET_PREFIX.matcher(keys.prefix());
        if (!m.matches()) {
            String field = of != null ? BUCKET_OF : BUCKET;
            Problem none = Problem.of(Kind.META_NO_BUCKET, keys.prefix());
            return List.of(field(keys, field, of != null ? of : index, none));
        }
        String sale = m.group(1) + m.group(3);
        List<Problem> wrong = new ArrayList<>();
        if (!sale.equals(of)) {
            wrong.add(field(keys, BUCKET_OF, of == null ? "" : of, Problem.of(Kind.META_EXACTLY, sale)));
        }
        if (!m.group(2).equals(index)) {
            wrong.add(field(keys, BUCKET, index == null ? "" : index, Problem.of(Kind.META_EXACTLY, m.group(2))));
        }
        return wrong;
    }

    private static Problem field(SaleKeys keys, String field, String value, Problem allowed) {
        return Problem.of(Kind.META_FIELD, keys.meta(), field, Sale.abbreviate(value), allowed);
    }

    /**
     * The buckets the sale records ({@link #recorded}) when the buckets themselves agree ({@link #splitProblems}).
     *
     * @throws SaleKeyException naming the key and what is wrong with the record
     */
    public static int checkedSplit(KeyedCalls calls, SaleKeys sale) {
        int n = recorded(calls, sale);
        List<Problem> wrong = splitProblems(calls, sale, n);
        if (!wrong.isEmpty()) {
            throw new SaleKeyException(wrong.get(0));
        }
        return n;
    }

    /**
     * The split as the record says, checked against the buckets themselves: none beyond the recorded number names
     * the sale as its own, and the last recorded bucket exists while the first does. Empty when they agree (or no
     * record is there to check).
     */
    private static List<Problem> splitProblems(KeyedCalls calls, SaleKeys sale, int n) {
        if (sale.hashTag().isEmpty() || !calls.at(sale.meta(), jedis -> jedis.exists(sale.meta()))) {
            return List.of();
        }
        // one bucket is the sale itself: then bucket 0 is the first that would lie beyond it
        int beyond = n == 1 ? 0 : n;
        if (beyond < MAX_RECORDED && bucketOf(calls, sale.bucket(beyond)).filter(sale.prefix()::equals).isPresent()) {
            return List.of(Problem.of(Kind.BUCKETS_BEYOND, sale.meta(), n, sale.bucket(beyond).prefix()));
        }
        SaleKeys last = sale.bucket(n - 1);
        if (n > 1 && exists(calls, sale.bucket(0)) && !exists(calls, last)) {
            return List.of(Problem.of(Kind.BUCKETS_MISSING, sale.meta(), n, last.prefix()));
        }
        return List.of();
    }

    private static boolean exists(KeyedCalls calls, SaleKeys sale) {
        return calls.at(sale.total(), jedis -> jedis.exists(sale.total()));
    }

    /** The sale that bucket's record names as its own, when it names one. */
    private static Optional<String> bucketOf(KeyedCalls calls, SaleKeys bucket) {
        return calls.at(bucket.meta(), jedis -> "hash".equals(jedis.type(bucket.meta()))
                ? Optional.ofNullable(jedis.hget(bucket.meta(), BUCKET_OF)) : Optional.empty());
    }

    /**
     * Refuses to run or join a sale under a bucket's own prefix: its users would not be routed to their bucket, and
     * one could win in two.
     *
     * @throws SaleKeyException naming the sale the bucket belongs to
     */
    public static void refuseABucket(KeyedCalls calls, SaleKeys keys) {
        Optional<String> of = bucketOf(calls, keys);
        if (of.isEmpty()) {
            return;
        }
        Matcher m = BUCKET_PREFIX.matcher(keys.prefix());
        if (m.matches() && of.get().equals(m.group(1) + m.group(3))) {
            throw new SaleKeyException(Problem.of(Kind.BUCKET_OF_SALE, keys.prefix(), Integer.parseInt(m.group(2)),
                    of.get()));
        }
    }

    /** The fields a bucket's record adds to its opening: the sale it belongs to and its number there. */
    static Map<String, String> bucketFields(SaleKeys sale, int i) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(BUCKET_OF, sale.prefix());
        fields.put(BUCKET, Integer.toString(i));
        return fields;
    }

    /**
     * Every bucket that may hold keys of the sale: those its record counts (when it can be read) and every one whose
     * own record names the sale, all {@value #MAX_RECORDED} asked in one pipelined round trip per server. What
     * opening the sale anew and resetting it delete, so that no bucket stays behind whatever the record says now.
     */
    static TreeSet<Integer> buckets(KeyedCalls calls, SaleKeys sale) {
        TreeSet<Integer> found = new TreeSet<>();
        if (sale.hashTag().isEmpty()) {
            return found;
        }
        int recorded = recordedIfReadable(calls, sale);
        for (int i = 0; recorded > 1 && i < recorded; i++) {
            found.add(i);
        }
        Map<String, List<Integer>> byServer = new LinkedHashMap<>();
        for (int i = 0; i < MAX_RECORDED; i++) {
            byServer.computeIfAbsent(String.valueOf(calls.where(sale.bucket(i).meta())), w -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byServer.values()) {
            found.addAll(calls.at(sale.bucket(group.get(0)).meta(), jedis -> naming(jedis, sale, group)));
        }
        return found;
    }

    /** Of those buckets, the ones whose record names the sale (a record of another type names none). */
    private static List<Integer> naming(Jedis jedis, SaleKeys sale, List<Integer> indexes) {
        Pipeline p = jedis.pipelined();
        List<Response<String>> replies = new ArrayList<>();
        for (int i : indexes) {
            replies.add(p.hget(sale.bucket(i).meta(), BUCKET_OF));
        }
        p.sync();
        List<Integer> ours = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            try {
                if (sale.prefix().equals(replies.get(k).get())) {
                    ours.add(indexes.get(k));
                }
            } catch (JedisDataException wrongType) {
                // not a record a bucket of ours writes
            }
        }
        return ours;
    }
}
