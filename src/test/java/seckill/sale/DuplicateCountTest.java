package seckill.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.TestRedis;

class DuplicateCountTest {
    private final RedisConnection redis = TestRedis.connection();
    private final String key = TestRedis.prefix("dups") + "kill_user";

    @AfterEach
    void deleteOwnKey() {
        try (Jedis jedis = redis.borrow()) {
            jedis.del(key);
        }
    }

    @Test
    void countsEveryRepeatAcrossManyPartsAndNamesTheFirstInListOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            ids.add("u" + i);
        }
        ids.add(12_000, "u29999"); // the first repeat in list order: u29999 comes back at the end too
        ids.add("u7");
        ids.add("u7");
        try (Jedis jedis = redis.borrow()) {
            for (int from = 0; from < ids.size(); from += 5_000) {
                jedis.rpush(key, ids.subList(from, Math.min(ids.size(), from + 5_000)).toArray(String[]::new));
            }
            DuplicateCount.Repeats r = DuplicateCount.of(jedis, key, ids.size(), 1_000);
            assertThat(r.count()).isEqualTo(3);
            assertThat(r.first()).isEqualTo("u29999");
            assertThat(DuplicateCount.of(jedis, key, ids.size())).isEqualTo(r);
        }
    }

    @Test
    void findsNothingInAListWithoutRepeats() {
        try (Jedis jedis = redis.borrow()) {
            jedis.rpush(key, "a", "b", "c");
            assertThat(DuplicateCount.of(jedis, key, 3, 1)).isEqualTo(new DuplicateCount.Repeats(0, null));
        }
    }
}
