package seckill.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class WinnersViewModelTest {
    private final WinnersViewModel winners = new WinnersViewModel();

    @Test
    void addsEachPollsWinnersAsOneChange() {
        int[] changes = {0};
        winners.rows().addListener((ListChangeListener<WinnerRow>) c -> changes[0]++);
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add("u" + i);
            times.add(1_000L + i);
        }
        winners.append(0, ids, times, 1_000, 10_000);
        assertThat(changes[0]).isEqualTo(1);
        assertThat(winners.size()).isEqualTo(5_000);
        assertThat(winners.rows().get(0)).isEqualTo(new WinnerRow(1, "u0", 0, false));
        assertThat(winners.rows().get(4_999)).isEqualTo(new WinnerRow(5_000, "u4999", 4_999, false));
    }

    @Test
    void holdsAHundredThousandRowsInBatches() {
        for (long from = 0; from < 100_000; from += 5_000) {
            List<String> ids = LongStream.range(from, from + 5_000).mapToObj(i -> "u" + i).toList();
            winners.append(from, ids, List.of(), -1, -1);
        }
        assertThat(winners.size()).isEqualTo(100_000);
        assertThat(winners.rows().get(99_999).rank()).isEqualTo(100_000);
        assertThat(winners.rows().get(99_999).msSinceOpen()).isEqualTo(-1); // another client gave no times
    }

    @Test
    void neverAddsARowTwiceNorLeavesAHole() {
        winners.append(0, List.of("a", "b"), List.of(), -1, -1);
        winners.append(1, List.of("b", "c"), List.of(), -1, -1); // overlaps: only c is new
        winners.append(5, List.of("x"), List.of(), -1, -1); // a gap: wait for the rows in between
        assertThat(winners.rows()).extracting(WinnerRow::userId).containsExactly("a", "b", "c");
        assertThat(winners.rows()).extracting(WinnerRow::rank).containsExactly(1L, 2L, 3L);
    }

    @Test
    void marksTheWinnersBeyondTheStock() {
        winners.append(0, List.of("a", "b"), List.of(), -1, 3);
        winners.append(2, List.of("c", "d", "e"), List.of(), -1, 3); // the naive strategy sold two more
        assertThat(winners.rows()).extracting(WinnerRow::beyondStock).containsExactly(false, false, false, true, true);
        assertThat(winners.beyondStockProperty().get()).isEqualTo(2);
        winners.clear();
        assertThat(winners.beyondStockProperty().get()).isZero();
    }

    @Test
    void followsTheNewestUntilToldOtherwise() {
        assertThat(winners.followNewestProperty().get()).isTrue();
        winners.followNewestProperty().set(false);
        winners.clear();
        assertThat(winners.size()).isZero();
    }

    @Test
    void whileItFollowsTheTableHoldsOnlyTheNewestRows_allOfThemOnceItStops() {
        appendUsers(0, 600);
        assertThat(winners.shownProperty().get()).extracting(WinnerRow::rank).startsWith(1L).endsWith(600L);
        appendUsers(600, 2_500); // more than the tail in one poll
        appendUsers(3_100, 300);
        var shown = winners.shownProperty().get();
        assertThat(shown).hasSize(WinnersViewModel.TAIL);
        assertThat(shown.get(0).rank()).isEqualTo(3_400 - WinnersViewModel.TAIL + 1);
        assertThat(shown.get(shown.size() - 1).rank()).isEqualTo(3_400);

        winners.followNewestProperty().set(false);
        assertThat(winners.shownProperty().get()).isSameAs(winners.rows()).hasSize(3_400);
        // the row at the tail's index 10 is where it was, counted in all rows
        assertThat(winners.indexIn(winners.rows(), shown, 10)).isEqualTo(3_400 - WinnersViewModel.TAIL + 10);
        appendUsers(3_400, 5);
        assertThat(winners.shownProperty().get()).hasSize(3_405);

        winners.followNewestProperty().set(true);
        shown = winners.shownProperty().get();
        assertThat(shown).hasSize(WinnersViewModel.TAIL);
        assertThat(shown.get(shown.size() - 1).rank()).isEqualTo(3_405);
        // a row from all rows that is no longer in the tail has no index there
        assertThat(winners.indexIn(shown, winners.rows(), 0)).isEqualTo(-1);
        assertThat(winners.indexIn(shown, winners.rows(), 3_404)).isEqualTo(WinnersViewModel.TAIL - 1);

        winners.clear();
        assertThat(winners.shownProperty().get()).isEmpty();
    }

    private void appendUsers(long from, int count) {
        winners.append(from, LongStream.range(from, from + count).mapToObj(i -> "u" + i).toList(), List.of(), -1, -1);
    }
}
