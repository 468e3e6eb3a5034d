package seckill.ui.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import seckill.sale.SaleKeys;
import seckill.sale.SaleState;
import seckill.service.PollSnapshot;
import seckill.sim.ConfigField;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.buckets.BucketsViewModel.Level;
import seckill.ui.common.I18n;
import seckill.ui.live.LiveSaleModel;

/** The Buckets panel's model: levels, sold-out buckets and what the split costs, for a few buckets and for 1,024. */
class BucketsViewModelTest {
    private final BucketsViewModel model = new BucketsViewModel();
    private final I18n english = new I18n(I18n.ENGLISH);
    private final I18n chinese = new I18n(I18n.CHINESE);

    private static SaleState bucket(long stock, long sold) {
        return new SaleState(stock, sold, sold, 60_000, 1_000, 0, List.of(), List.of(), 2_000);
    }

    @Test
    void eachBucketsLevelIsItsStockLeftOutOfItsOwnShare() {
        model.apply(List.of(bucket(13, 13), bucket(13, 4), bucket(12, 0), bucket(12, 12)));
        assertThat(model.activeProperty().get()).isTrue();
        assertThat(model.levelsProperty().get()).containsExactly(new Level(0, 13, 13), new Level(1, 13, 4),
                new Level(2, 12, 0), new Level(3, 12, 12));
        Level second = model.levelsProperty().get().get(1);
        assertThat(second.left()).isEqualTo(9);
        assertThat(second.fraction()).isEqualTo(9.0 / 13);
        assertThat(second.soldOut()).isFalse();
        assertThat(model.levelsProperty().get().get(2).fraction()).isEqualTo(1.0);
        assertThat(model.levelsProperty().get().get(3).soldOut()).isTrue();
        assertThat(model.bars()).isTrue();
    }

    @Test
    void countsTheSoldOutBuckets_andWhatIsLeftInTheOthersAsWhatBucketingCosts() {
        model.apply(List.of(bucket(13, 13), bucket(13, 4), bucket(12, 0), bucket(12, 12)));
        assertThat(model.soldOut()).isEqualTo(2);
        assertThat(model.unsold()).isEqualTo(9 + 12);
        assertThat(english.format(model.summaryProperty().get())).isEqualTo("2 of 4 buckets sold out: their users "
                + "are turned away while 21 items are left in the others (what bucketing costs)");
        assertThat(chinese.format(model.summaryProperty().get())).isEqualTo("4 个桶中已有 2 个售罄：这些桶的用户"
                + "被拒之门外，而其他桶里还剩 21 件（分桶的代价）");
    }

    @Test
    void theCostIsTheReportsBucketUnsold() {
        List<SaleState> states = List.of(bucket(5, 5), bucket(5, 2), bucket(4, 1));
        model.apply(states);
        SimulationResult r = new SimulationResult(SimulationConfig.builder().prefix("{b}:").buckets(3).stock(14)
                .build(), null, null, 0, null, null, null, null, -1, List.of(), List.of(), states, List.of());
        assertThat(model.unsold()).isEqualTo(r.bucketUnsold()).isEqualTo(6);
    }

    @Test
    void noneSoldOutCostsNothingYet_andAllSoldOutLeavesNothing() {
        model.apply(List.of(bucket(10, 3), bucket(10, 0)));
        assertThat(model.soldOut()).isZero();
        assertThat(model.unsold()).isZero();
        assertThat(english.format(model.summaryProperty().get())).isEqualTo("2 buckets, none sold out yet: 17 items "
                + "left");
        model.apply(List.of(bucket(10, 10), bucket(10, 10)));
        assertThat(model.soldOut()).isEqualTo(2);
        assertThat(model.unsold()).isZero();
        assertThat(english.format(model.summaryProperty().get())).isEqualTo("All 2 buckets sold out: nothing is left "
                + "in any");
    }

    @Test
    void aBucketWithoutItsKeysIsNeitherSoldOutNorFull() {
        SaleState missing = new SaleState(-1, 0, 0, -2, -1, 0, List.of(), List.of(), 2_000);
        model.apply(List.of(bucket(10, 10), missing));
        Level gone = model.levelsProperty().get().get(1);
        assertThat(gone.soldOut()).isFalse();
        assertThat(gone.fraction()).isZero();
        assertThat(english.format(BucketsViewModel.describe(gone))).isEqualTo("Bucket 1: no sale (its keys do not "
                + "exist)");
        assertThat(english.format(BucketsViewModel.describe(model.levelsProperty().get().get(0))))
                .isEqualTo("Bucket 0: sold out (10 of 10 sold)");
    }

    @Test
    void aThousandAndTwentyFourBucketsAreAGrid_theirCountsExact() {
        int n = (int) ConfigField.BUCKETS.max();
        long stock = 100_000;
        SplittableRandom random = new SplittableRandom(14);
        List<SaleState> states = new ArrayList<>();
        int soldOut = 0;
        long left = 0;
        for (int i = 0; i < n; i++) {
            long share = SaleKeys.bucketStock(stock, n, i);
            long sold = random.nextInt(3) == 0 ? share : random.nextLong(share);
            soldOut += sold == share ? 1 : 0;
            left += share - sold;
            states.add(bucket(share, sold));
        }
        model.apply(states);
        assertThat(model.bars()).isFalse();
        assertThat(model.levelsProperty().get()).hasSize(n);
        assertThat(model.levelsProperty().get().get(1_023)).isEqualTo(new Level(1_023, states.get(1_023).total(),
                states.get(1_023).sold()));
        assertThat(model.soldOut()).isEqualTo(soldOut).isPositive();
        assertThat(model.unsold()).isEqualTo(left);
        assertThat(english.format(model.summaryProperty().get())).startsWith(String.format("%,d of 1,024 buckets "
                + "sold out", soldOut)).contains(String.format("%,d items are left", left));
        assertThat(english.format(BucketsViewModel.describe(model.levelsProperty().get().get(1_000))))
                .startsWith("Bucket 1000: ");
    }

    @Test
    void oneBucketIsNoSplit_andTakesNoRoom() {
        model.apply(List.of(bucket(10, 3), bucket(10, 0)));
        model.apply(List.of());
        assertThat(model.activeProperty().get()).isFalse();
        assertThat(model.levelsProperty().get()).isEmpty();
        assertThat(model.summaryProperty().get()).isNull();
    }

    @Test
    void theLiveModelFeedsItFromEachPoll_andANewSaleClearsIt() {
        LiveSaleModel live = new LiveSaleModel();
        live.begin(true);
        List<SaleState> buckets = List.of(bucket(3, 3), bucket(2, 1));
        SaleState sum = new SaleState(5, 4, 4, 60_000, 1_000, 0, List.of(), List.of(), 2_000);
        live.apply(PollSnapshot.of(1, sum, buckets, null, false));
        assertThat(live.buckets().activeProperty().get()).isTrue();
        assertThat(live.buckets().soldOut()).isEqualTo(1);
        assertThat(live.figuresProperty().get().stockLeft()).as("the tiles show the sum").isEqualTo(1);
        live.begin(true);
        assertThat(live.buckets().activeProperty().get()).isFalse();
        live.apply(PollSnapshot.of(2, sum, null, false));
        assertThat(live.buckets().activeProperty().get()).as("a sale of one bucket").isFalse();
    }
}
