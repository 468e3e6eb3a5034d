package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserIdsTest {
    @Test
    void idsAreDistinctAndReproducibleFromTheSeed() {
        UserIds ids = new UserIds(42);
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(ids.number(i))).isTrue();
        }
        assertThat(new UserIds(42).id(12345)).isEqualTo(ids.id(12345));
        assertThat(new UserIds(43).id(12345)).isNotEqualTo(ids.id(12345));
    }
}
