package seckill.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;

/**
 * A sale as Redis itself holds it, read straight from its keys ({@code GET kill_total}, {@code GET kill_num},
 * {@code LRANGE kill_user}), never through the product's audit: what the invariant tests judge the product by.
 *
 * @param total   {@code kill_total}
 * @param sold    {@code kill_num}
 * @param winners {@code kill_user}, in order
 */
public record SaleInRedis(long total, long sold, List<String> winners) {

    public SaleInRedis {
        winners = List.copyOf(winners);
    }

    /** Reads the sale on that connection (on a cluster, one to the master of the sale's slot). */
    public static SaleInRedis read(Jedis jedis, SaleKeys keys) {
        return new SaleInRedis(number(jedis.get(keys.total())), number(jedis.get(keys.num())),
                jedis.lrange(keys.user(), 0, -1));
    }

    /** Reads the sale where it lives: the server, or the master of its slot on a cluster. */
    public static SaleInRedis read(RedisConnection redis, SaleKeys keys) {
        return redis.callAt(keys.total(), jedis -> read(jedis, keys));
    }

    /** Reads the sale and asserts its invariants ({@link #assertHolds}). */
    public static SaleInRedis check(RedisConnection redis, SaleKeys keys) {
        return read(redis, keys).assertHolds();
    }

    /** Reads the sale and asserts its invariants ({@link #assertHolds}). */
    public static SaleInRedis check(Jedis jedis, SaleKeys keys) {
        return read(jedis, keys).assertHolds();
    }

    /**
     * Something was sold, nobody won twice, every item sold has its winner and no more were sold than
     * {@code kill_total}: distinct {@code kill_user} = {@code LLEN kill_user} = {@code kill_num} &lt;=
     * {@code kill_total}.
     */
    public SaleInRedis assertHolds() {
        return assertHoldsWithin(total);
    }

    /** As {@link #assertHolds}, with a bound of the test's own in place of {@code kill_total}. */
    public SaleInRedis assertHoldsWithin(long most) {
        assertThat(winners).as("kill_user").isNotEmpty();
        assertThat(winnerSet()).as("distinct winners in kill_user").hasSize(winners.size());
        assertThat(sold).as("kill_num against LLEN kill_user").isEqualTo(winners.size());
        assertThat(sold).as("kill_num against %d (kill_total %d)", most, total).isLessThanOrEqualTo(most);
        return this;
    }

    /**
     * Lowers {@code kill_total} to {@code kill_num + more} in one step (a script), so that no sale slips in between
     * the read and the write; returns the new {@code kill_total}.
     */
    public static long lowerTotalToSoldPlus(Jedis jedis, SaleKeys keys, long more) {
        return (Long) jedis.eval("local n = tonumber(redis.call('GET', KEYS[1])) + tonumber(ARGV[1]) "
                + "redis.call('SET', KEYS[2], n) return n", List.of(keys.num(), keys.total()),
                List.of(Long.toString(more)));
    }

    public Set<String> winnerSet() {
        return new HashSet<>(winners);
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
