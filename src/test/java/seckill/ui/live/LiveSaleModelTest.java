package seckill.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.metrics.MetricsSnapshot;
import seckill.sale.SaleState;
import seckill.service.PollSnapshot;
import seckill.sim.EndReason;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.common.ChartHistory;
import seckill.ui.common.Handoff;
import seckill.ui.common.LocalText;
import seckill.util.Problem;

class LiveSaleModelTest {
    private final LiveSaleModel live = new LiveSaleModel();

    private static PollSnapshot tick(long sold, long from, List<String> ids, long readAt, boolean restarted) {
        List<Long> times = ids.stream().map(id -> 1_000L).toList();
        return PollSnapshot.of(1, new SaleState(10, sold, sold, 60_000, 1_000, from, ids, times, readAt), null,
                restarted);
    }

    @Test
    void aSaleOpenedAnewClearsTheTableAndTheCharts() {
        live.begin(true);
        live.apply(tick(2, 0, List.of("a", "b"), 2_000, false));
        assertThat(live.winners().size()).isEqualTo(2);
        assertThat(live.stockHistory().size()).isEqualTo(1);
        live.apply(tick(1, 0, List.of("x"), 3_000, true));
        assertThat(live.winners().rows()).extracting(WinnerRow::userId).containsExactly("x");
        assertThat(live.stockHistory().size()).isEqualTo(1);
    }

    @Test
    void watchingAnotherClientTheWinsPerSecondComeFromRedis() {
        live.begin(false);
        assertThat(live.ratesKnownProperty().get()).as("attempts and conflicts are not drawn").isFalse();
        live.apply(tick(0, 0, List.of(), 2_000, false));
        live.apply(tick(5, 0, List.of("a", "b", "c", "d", "e"), 2_500, false));
        assertThat(live.rateHistory().y(1, 1)).isEqualTo(10.0); // 5 sales in half a second
        assertThat(live.rateHistory().y(0, 1)).as("attempts are the client's own: unknown").isNaN();
        assertThat(live.figuresProperty().get().conflicts()).isEqualTo(-1);
    }

    @Test
    void aSaleThatDoesNotSayWhenItOpenedCountsItsTimeFromItsFirstSight_notFromPressingWatch() {
        live.begin(false);
        live.apply(PollSnapshot.of(1, new SaleState(-1, 0, 0, -2, -1, 0, List.of(), List.of(), 5_000), null, false));
        SaleState tutorial = new SaleState(50, 3, 3, 60_000, -1, 0, List.of("a", "b", "c"), List.of(-1L, -1L, -1L),
                10_400);
        live.apply(PollSnapshot.of(1, tutorial, null, false));
        assertThat(live.stockHistory().x(0)).isZero();
        live.apply(PollSnapshot.of(1, new SaleState(50, 9, 9, 59_000, -1, 3, List.of(), List.of(), 11_400), null,
                false));
        assertThat(live.stockHistory().lastX()).isEqualTo(1.0);
    }

    @Test
    void afterTheRunNothingMovingAddsNoPointsAndTheScreenSettlesOnALaterRead() {
        live.begin(true);
        live.apply(tick(3, 0, List.of("a", "b", "c"), 2_000, false));
        SimulationConfig config = SimulationConfig.builder().build();
        live.ended(new SimulationResult(config, EndReason.TIME_UP, MetricsSnapshot.ZERO, 1_000, null, null, null),
                2_100);
        live.apply(tick(3, 3, List.of(), 2_050, false));
        assertThat(live.settledProperty().get()).as("read before the end").isFalse();
        live.apply(tick(3, 3, List.of(), 2_200, false));
        assertThat(live.settledProperty().get()).isTrue();
        assertThat(live.stockHistory().size()).as("a quiet sale keeps its own time span").isEqualTo(1);
    }

    @Test
    void aLostTickKeepsTheNumbersAndSaysWhy() {
        live.begin(true);
        live.apply(tick(3, 0, List.of("a", "b", "c"), 2_000, false));
        Figures before = live.figuresProperty().get();
        Problem lost = Problem.of(Problem.Kind.REDIS_LOST, "redis://h:1", "reset");
        assertThat(live.apply(PollSnapshot.lost(1, lost))).isFalse();
        assertThat(live.bannerProperty().get()).isEqualTo(LocalText.of("banner.lost", lost));
        assertThat(live.figuresProperty().get()).isEqualTo(before);
        assertThat(live.apply(tick(3, 3, List.of(), 2_100, false))).as("back").isTrue();
        assertThat(live.bannerProperty().get()).isNull();
    }

    @Test
    void everyTickIsAPointEvenWhenTheScreenTookSeveralAtOnce() {
        live.begin(true);
        Handoff handoff = new Handoff();
        for (int i = 0; i < 8; i++) {
            handoff.offer(tick(i, i, List.of("u" + i), 2_000 + 100 * i, false));
        }
        handoff.drain(live::apply);
        assertThat(live.stockHistory().size()).isEqualTo(8);
        assertThat(live.chartPoints()).isEqualTo(8);
        assertThat(live.longestChartStepS()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(live.winners().size()).isEqualTo(8);
    }

    @Test
    void aTimeWithNoDataBreaksTheLines() {
        live.begin(true);
        live.apply(tick(1, 0, List.of("a"), 2_000, false));
        live.apply(tick(2, 1, List.of("b"), 2_100, false));
        live.apply(tick(3, 2, List.of("c"), 4_100, false)); // two seconds without a poll
        ChartHistory h = live.stockHistory();
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.y(0, 2)).as("a gap between the last point before and the first after").isNaN();
        assertThat(h.y(1, 3)).isEqualTo(3);
    }

    @Test
    void anOutageIsABandFromTheLastPointToTheFirstAfter() {
        live.begin(true);
        live.apply(tick(1, 0, List.of("a"), 2_000, false));
        Problem lost = Problem.of(Problem.Kind.REDIS_LOST, "redis://h:1", "reset");
        live.apply(PollSnapshot.lost(1, lost));
        live.apply(PollSnapshot.lost(1, lost));
        assertThat(live.stockHistory().outageOpen()).isTrue();
        live.apply(tick(4, 1, List.of("b", "c", "d"), 7_000, false));
        assertThat(live.stockHistory().outageOpen()).isFalse();
        assertThat(live.stockHistory().outages()).singleElement()
                .satisfies(o -> assertThat(o).containsExactly(1.0, 6.0));
        assertThat(live.rateHistory().outages()).hasSize(1);
        assertThat(live.stockHistory().y(0, 1)).as("no line across the outage").isNaN();
    }

    @Test
    void theStockLineGoesBelowZeroWhenTheSaleOversold() {
        live.begin(true);
        live.apply(PollSnapshot.of(1, new SaleState(10, 13, 13, 60_000, 1_000, 0, List.of(), List.of(), 2_000), null,
                false));
        assertThat(live.stockHistory().y(0, 0)).isEqualTo(-3);
        assertThat(live.figuresProperty().get().stockLeft()).as("the tile shows the chart's figure").isEqualTo(-3);
        assertThat(live.figuresProperty().get().oversold()).isEqualTo(3);
    }

    @Test
    void aStallLongerThanTheLinesBreakIsShadedAndNamedLikeAnOutage() {
        live.begin(true);
        live.apply(tick(1, 0, List.of("a"), 2_000, false));
        live.apply(tick(2, 1, List.of("b"), 2_100, false));
        live.overdue(2_500);
        assertThat(live.bannerProperty().get()).as("half a second: the lines have not broken yet").isNull();

        live.overdue(3_700);
        assertThat(live.bannerProperty().get()).isEqualTo(LocalText.of("banner.stalled", 1.6));
        assertThat(live.stockHistory().outageOpen()).as("shaded from the last point on").isTrue();
        live.overdue(5_650);
        assertThat(live.bannerProperty().get()).isEqualTo(LocalText.of("banner.stalled", 3.5));

        live.apply(tick(9, 2, List.of("c", "d", "e", "f", "g", "h", "i"), 5_700, false));
        assertThat(live.bannerProperty().get()).as("it answers again").isNull();
        assertThat(live.stockHistory().outages()).singleElement()
                .satisfies(o -> assertThat(o).containsExactly(1.1, 4.7));
        assertThat(live.stockHistory().y(0, 2)).as("no line across the stall").isNaN();
    }

    @Test
    void aStallSeenOnlyAfterItsEndIsShadedToo() {
        live.begin(false);
        live.apply(tick(1, 0, List.of("a"), 2_000, false));
        live.apply(tick(4, 1, List.of("b", "c", "d"), 5_500, false)); // the frames did not look in between
        assertThat(live.stockHistory().outages()).singleElement()
                .satisfies(o -> assertThat(o).containsExactly(1.0, 4.5));
        assertThat(live.rateHistory().outages()).hasSize(1);
    }
}
