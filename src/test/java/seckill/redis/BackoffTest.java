package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void growsFromTwentyMillisecondsToHalfASecond_withJitterBelowEachStep() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(Backoff.delayMillis(0)).isBetween(10L, 20L);
            assertThat(Backoff.delayMillis(3)).isBetween(80L, 160L);
            assertThat(Backoff.delayMillis(1_000)).isBetween(250L, 500L);
            assertThat(Backoff.delayMillis(-1)).isBetween(10L, 20L);
        }
    }
}
