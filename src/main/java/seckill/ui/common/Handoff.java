package seckill.ui.common;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import seckill.service.PollSnapshot;

/**
 * The one way from the worker threads to the FX thread. The poller {@link #offer}s snapshots, which are coalesced
 * (only the latest figures survive, all the winners are kept); rare events (connected, run finished) are
 * {@link #post}ed in order. One consumer {@link #drain}s both, once per frame: so the FX thread gets at most one
 * update per pulse however fast the engine goes, and never a {@code Platform.runLater} per order.
 *
 * <p>No toolkit here: the window drains from an {@code AnimationTimer}, the tests drain by hand.
 *
 * <p>See docs/ARCHITECTURE.md, "Threads and the hand-off to the window".
 */
public final class Handoff {
    private final Queue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<PollSnapshot> latest = new AtomicReference<>();

    public void post(Runnable event) {
        events.add(event);
    }

    public void offer(PollSnapshot snapshot) {
        latest.accumulateAndGet(snapshot, (pending, now) -> pending == null ? now : pending.followedBy(now));
    }

    /** Runs the posted events, then applies the snapshot that is pending, if any. FX thread only. */
    public void drain(Consumer<PollSnapshot> apply) {
        for (Runnable e; (e = events.poll()) != null; ) {
            e.run();
        }
        PollSnapshot s = latest.getAndSet(null);
        if (s != null) {
            apply.accept(s);
        }
    }

    public boolean isIdle() {
        return events.isEmpty() && latest.get() == null;
    }
}
