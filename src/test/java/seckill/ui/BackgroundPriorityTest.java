package seckill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void renicesOnlyTheThreadsOfTheGivenName() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread worker = new Thread(hold, "prio-test-worker");
        Thread other = new Thread(hold, "prio-test-other");
        worker.start();
        other.start();
        started.await();
        try {
            String workerTid = BackgroundPriority.threadsNamed("prio-test-worker").get(0);
            String otherTid = BackgroundPriority.threadsNamed("prio-test-other").get(0);
            int reniced = BackgroundPriority.lower("prio-test-worker");
            Assumptions.assumeTrue(reniced > 0, "no renice on this machine");
            assertThat(reniced).isEqualTo(1);
            assertThat(nice(workerTid)).isEqualTo(19);
            assertThat(nice(otherTid)).isEqualTo(0);
        } finally {
            release.countDown();
        }
    }

    /** Field 19 of /proc/self/task/TID/stat, counted after the command name in parentheses. */
    private static int nice(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
