package seckill.sim;

import java.util.concurrent.CountDownLatch;

/** Waits that an interrupt does not cut short: a run's threads are always waited for to the end. */
final class Waits {
    private Waits() {
    }

    interface Wait {
        void await() throws InterruptedException;
    }

    static void await(CountDownLatch latch) {
        uninterruptibly(latch::await);
    }

    /** Waits to the end even when interrupted meanwhile, then keeps the interrupt for the caller. */
    static void uninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
