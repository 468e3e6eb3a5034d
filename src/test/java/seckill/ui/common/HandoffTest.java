package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.sale.SaleState;
import seckill.service.PollSnapshot;
import seckill.util.Problem;

class HandoffTest {
    private final Handoff handoff = new Handoff();
    private final List<PollSnapshot> applied = new ArrayList<>();

    private static SaleState state(long sold, long from, List<String> winners, long readAt) {
        List<Long> times = winners.stream().map(w -> readAt).toList();
        return new SaleState(10, sold, sold, 60_000, 1_000, from, winners, times, readAt);
    }

    @Test
    void coalescesSnapshotsIntoOneUpdateButKeepsEveryWinner() {
        handoff.offer(PollSnapshot.of(1, state(2, 0, List.of("a", "b"), 10), null, false));
        handoff.offer(PollSnapshot.of(1, state(3, 2, List.of("c"), 20), null, false));
        handoff.offer(PollSnapshot.of(1, state(5, 3, List.of("d", "e"), 30), null, false));
        handoff.drain(applied::add);
        assertThat(applied).hasSize(1);
        SaleState s = applied.get(0).state();
        assertThat(s.sold()).isEqualTo(5);
        assertThat(s.readAtMs()).isEqualTo(30);
        assertThat(s.fromIndex()).isZero();
        assertThat(s.newWinners()).containsExactly("a", "b", "c", "d", "e");
        assertThat(s.newTimes()).hasSize(5);
        assertThat(applied.get(0).ticks()).extracting(t -> t.state().readAtMs()).containsExactly(10L, 20L, 30L);
        assertThat(handoff.isIdle()).isTrue();
    }

    @Test
    void aLostTickKeepsTheWinnersNotYetShown() {
        handoff.offer(PollSnapshot.of(1, state(1, 0, List.of("a"), 10), null, false));
        handoff.offer(PollSnapshot.lost(1, Problem.of(Problem.Kind.REDIS_LOST, "redis://127.0.0.1:6379", "reset")));
        handoff.drain(applied::add);
        assertThat(applied.get(0).isLost()).isTrue();
        assertThat(applied.get(0).state().newWinners()).containsExactly("a");
        assertThat(applied.get(0).ticks()).extracting(PollSnapshot.Tick::isLost).containsExactly(false, true);
    }

    @Test
    void aRestartedSaleReplacesWhatCameBefore() {
        handoff.offer(PollSnapshot.of(1, state(4, 0, List.of("a", "b", "c", "d"), 10), null, false));
        handoff.offer(PollSnapshot.of(1, state(0, 0, List.of(), 20), null, true));
        handoff.drain(applied::add);
        assertThat(applied.get(0).restarted()).isTrue();
        assertThat(applied.get(0).state().newWinners()).isEmpty();
    }

    @Test
    void aNewPollerReplacesTheOldOnesSnapshot() {
        handoff.offer(PollSnapshot.of(1, state(4, 0, List.of("a"), 10), null, false));
        handoff.offer(PollSnapshot.of(2, state(1, 0, List.of("x"), 20), null, false));
        handoff.drain(applied::add);
        assertThat(applied.get(0).source()).isEqualTo(2);
        assertThat(applied.get(0).state().newWinners()).containsExactly("x");
    }

    @Test
    void runsPostedEventsInOrderBeforeTheSnapshot() {
        List<String> order = new ArrayList<>();
        handoff.offer(PollSnapshot.of(1, state(1, 0, List.of(), 10), null, false));
        handoff.post(() -> order.add("first"));
        handoff.post(() -> order.add("second"));
        handoff.drain(s -> order.add("snapshot"));
        assertThat(order).containsExactly("first", "second", "snapshot");
    }
}
