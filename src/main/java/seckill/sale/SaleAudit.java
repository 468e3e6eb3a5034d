package seckill.sale;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * Checks a sale: {@code kill_num <= kill_total}; {@code LLEN kill_user == kill_num}; no id twice in
 * {@code kill_user}. Works on any sale that uses the keys, whoever drove it.
 */
public final class SaleAudit {
    private static final int CHUNK = 10_000;
    private static final String SCRATCH_TTL_MS = "60000";

    private final SaleKeys keys;

    public SaleAudit(SaleKeys keys) {
        this.keys = keys;
    }

    public AuditResult audit(Jedis jedis) {
        SaleState state = new SaleReader(keys).read(jedis);
        List<Problem> violations = new ArrayList<>();
        if (!state.exists()) {
            violations.add(Problem.of(Kind.NO_SALE, keys.total()));
            return new AuditResult(false, violations, -1, state.sold(), state.winners(), 0, 0);
        }
        if (state.sold() > state.total()) {
            violations.add(Problem.of(Kind.OVERSOLD, state.sold(), state.total(), state.sold() - state.total()));
        }
        if (state.winners() != state.sold()) {
            violations.add(Problem.of(Kind.WINNERS_MISMATCH, state.winners(), state.sold()));
        }
        DuplicateCount.Repeats found;
        try {
            found = onTheServer(jedis, state.winners());
        } catch (JedisDataException refused) {
            // no writing here (a replica, a read-only user, a server out of memory): counted on this side instead
            found = DuplicateCount.of(jedis, keys.user(), state.winners());
        }
        long repeats = found.count();
        String firstRepeat = found.first();
        long unique = state.winners() - repeats;
        if (repeats > 0) {
            violations.add(Problem.of(Kind.WON_TWICE, repeats, firstRepeat));
        }
        return new AuditResult(violations.isEmpty(), violations, state.total(), state.sold(), state.winners(),
                unique, state.oversold());
    }

    /**
     * Winners of this sale, bucket {@code bucket} of {@code n}, whose id routes to another bucket
     * ({@link SaleKeys#bucketOf}); null when there are none. Any would mean a user could win in two buckets. Read in
     * chunks, nothing held but the count.
     */
    public Problem strays(Jedis jedis, int bucket, int n) {
        long count = 0;
        String first = null;
        for (long from = 0; ; from += CHUNK) {
            List<String> chunk = jedis.lrange(keys.user(), from, from + CHUNK - 1);
            for (String id : chunk) {
                if (SaleKeys.bucketOf(id, n) != bucket) {
                    count++;
                    first = first == null ? id : first;
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        return count == 0 ? null : Problem.of(Kind.BUCKET_STRAYS, bucket, count, first);
    }

    /**
     * Of the users a client told they won, those not in {@code kill_user}: acknowledged wins that Redis lost (a
     * master that failed over before the win reached its replica). The winners are read in chunks; only the
     * acknowledged are held.
     */
    public List<String> missing(Jedis jedis, Collection<String> acknowledged) {
        Set<String> unseen = new HashSet<>(acknowledged);
        for (long from = 0; !unseen.isEmpty(); from += CHUNK) {
            List<String> chunk = jedis.lrange(keys.user(), from, from + CHUNK - 1);
            chunk.forEach(unseen::remove);
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        return acknowledged.stream().filter(unseen::contains).distinct().toList();
    }

    /**
     * The duplicate check on the server, in chunks, into a temporary set of the sale's own that expires by itself:
     * the client holds one chunk's counts, never the winners, so 10 million fit a small heap.
     *
     * @throws JedisDataException when the server takes no writes from us
     */
    private DuplicateCount.Repeats onTheServer(Jedis jedis, long winners) {
        String scratch = keys.prefix() + "kill_audit:" + UUID.randomUUID();
        List<String> scriptKeys = List.of(keys.user(), scratch);
        long repeats = 0;
        String firstRepeat = null;
        try {
            for (long from = 0; from < winners; from += CHUNK) {
                List<?> r = (List<?>) jedis.eval(Scripts.auditChunk(), scriptKeys,
                        List.of(Long.toString(from), Long.toString(from + CHUNK - 1), SCRATCH_TTL_MS));
                long read = (Long) r.get(0);
                repeats += (Long) r.get(1);
                String first = String.valueOf(r.get(2));
                if (firstRepeat == null && !first.isEmpty()) {
                    firstRepeat = first;
                }
                if (read < CHUNK) {
                    break;
                }
            }
        } finally {
            try {
                jedis.unlink(scratch);
            } catch (JedisDataException readOnly) {
                // nothing was written where nothing may be deleted
            }
        }
        return new DuplicateCount.Repeats(repeats, firstRepeat);
    }
}
