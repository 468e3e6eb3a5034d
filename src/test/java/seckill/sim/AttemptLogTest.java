package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import seckill.sale.Outcome;

class AttemptLogTest {
    private static SimulationConfig config(long users, int retries) {
        return SimulationConfig.builder().stock(10).users(users).retries(retries).seed(7).build();
    }

    @Test
    void everyThreadsAttemptsAreMergedAndSortedBySent() throws InterruptedException {
        AttemptLog log = new AttemptLog(config(100, 3), AttemptLog.DEFAULT_CAP);
        CountDownLatch done = new CountDownLatch(2);
        // two threads, each with its own chunks, their times interleaved
        for (int t = 0; t < 2; t++) {
            int offset = t;
            new Thread(() -> {
                AttemptLog.Writer w = log.writerFor(offset);
                for (int i = 0; i < 3 * AttemptLog.CHUNK; i++) {
                    w.add(offset, i + 1, Outcome.CONFLICT.ordinal(), 1_000 + 2L * i + offset, 5_000 + 2L * i);
                }
                done.countDown();
            }).start();
        }
        done.await();
        log.finish(1_000, 42);
        Attempts a = log.attempts();
        assertThat(a.size()).isEqualTo(6 * AttemptLog.CHUNK);
        assertThat(a.startEpochMs()).isEqualTo(42);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.sentNanos(i)).isEqualTo(i);
            assertThat(a.userIndex(i)).isEqualTo(i % 2);
            assertThat(a.attempt(i)).isEqualTo(i / 2 + 1);
            assertThat(a.outcomeName(i)).isEqualTo("conflict");
        }
        assertThat(a.userId(0)).isEqualTo(new UserIds(7).id(0));
    }

    @Test
    void aboveTheCapOnlyEveryKthUserIsRecorded() {
        AttemptLog log = new AttemptLog(config(1_000, 9), 2_500);
        assertThat(log.every()).isEqualTo(4);
        assertThat(log.writerFor(8)).isNotNull();
        assertThat(log.writerFor(9)).isNull();
        assertThat(new AttemptLog(config(1_000, 9), AttemptLog.DEFAULT_CAP).every()).isEqualTo(1);
    }

    @Test
    void theLargestUserIndexAndOutcomesSurvivePacking() {
        AttemptLog log = new AttemptLog(config(100_000_000, 0), AttemptLog.DEFAULT_CAP);
        log.writerFor(0).add(99_999_999, 70_000, AttemptLog.ERROR, 10, 20);
        log.writerFor(0).add(3, 2, AttemptLog.LOST, 5, 9);
        log.finish(0, 0);
        Attempts a = log.attempts();
        assertThat(a.userIndex(1)).isEqualTo(99_999_999);
        assertThat(a.attempt(1)).isEqualTo(0xFFFF);
        assertThat(a.outcomeName(1)).isEqualTo("error");
        assertThat(a.lost(0)).isTrue();
        assertThat(a.answeredNanos(0)).isEqualTo(9);
    }
}
