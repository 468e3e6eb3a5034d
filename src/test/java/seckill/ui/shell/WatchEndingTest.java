package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import seckill.sale.SaleState;
import seckill.util.Verdict;

/**
 * A watched sale that stops selling with stock left and its flag still set is concluded after a quiet time, its
 * unsold stock named (库存遗留), and picks up again when it sells once more. A fake lab: the polls' own read times
 * are the only clock.
 */
class WatchEndingTest extends FakeSessionTest {
    private static final String PREFIX = "ui-quiet:";
    private static final long OPENED = 1_000_000;

    /** An open sale (flag set, a minute left) of {@code total} with {@code sold} sold, winners from {@code from}. */
    private static SaleState open(long total, long sold, long from, long readAtMs) {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (long i = from; i < sold; i++) {
            ids.add("user-" + i);
            times.add(OPENED + i);
        }
        return new SaleState(total, sold, sold, 60_000, OPENED, from, ids, times, readAtMs);
    }

    private long audits() {
        return lab.calls.stream().filter(c -> c.startsWith("audit")).count();
    }

    private FakeLabService.Stream watching() {
        model.form().takeUrl("redis://127.0.0.1:6379");
        model.form().prefixProperty().set(PREFIX);
        model.watch();
        harness.settle();
        assertThat(model.status().getPhase()).isEqualTo(Phase.WATCHING);
        return lab.lastStream();
    }

    @Test
    void aSaleThatStopsSellingWithStockLeftIsConcludedAndNamesItsUnsoldStock() {
        FakeLabService.Stream stream = watching();
        stream.push(open(2_000, 977, 0, OPENED + 1_000));
        harness.settle();
        stream.push(open(2_000, 977, 977, OPENED + 1_000 + 9_999));
        harness.settle();
        assertThat(audits()).as("quiet for less than 10 s: still selling, perhaps").isZero();
        assertThat(model.verdict().endedProperty().get()).isNull();
        assertThat(model.live().settledProperty().get()).isFalse();

        stream.push(open(2_000, 977, 977, OPENED + 1_000 + 10_000));
        harness.settle();
        assertThat(audits()).isEqualTo(1);
        assertThat(english.format(model.verdict().endedProperty().get()))
                .isEqualTo("Ended: nothing sold for 10 s, the sale still open");
        assertThat(english.format(model.verdict().fairnessProperty().get())).isEqualTo("1,023 left unsold (库存遗留)");
        assertThat(chinese.format(model.verdict().fairnessProperty().get())).isEqualTo("库存遗留 1,023 件");
        assertThat(english.format(model.verdict().auditProperty().get()))
                .isEqualTo("✔ nothing oversold, nobody won twice");
        assertThat(model.live().settledProperty().get()).as("ui --watch --exit ends here").isTrue();
        assertThat(model.sessionVerdict()).isEqualTo(Verdict.OK);

        stream.push(open(2_000, 977, 977, OPENED + 1_000 + 15_000));
        harness.settle();
        assertThat(audits()).as("concluded once while it stays quiet").isEqualTo(1);
    }

    @Test
    void aConcludedSalePicksUpAgainWhenItSellsOnceMore() {
        FakeLabService.Stream stream = watching();
        stream.push(open(50, 20, 0, OPENED));
        stream.push(open(50, 20, 20, OPENED + 10_000));
        harness.settle();
        assertThat(model.verdict().endedProperty().get()).isNotNull();

        stream.push(open(50, 21, 20, OPENED + 12_000));
        harness.settle();
        assertThat(model.verdict().endedProperty().get()).as("selling again: no ending yet").isNull();
        assertThat(model.verdict().auditProperty().get()).isNull();
        assertThat(english.format(model.status().messageProperty().get())).startsWith("Watching the sale");

        stream.push(open(50, 21, 21, OPENED + 21_999));
        harness.settle();
        assertThat(audits()).isEqualTo(1);
        stream.push(open(50, 21, 21, OPENED + 22_000));
        harness.settle();
        assertThat(audits()).isEqualTo(2);
        assertThat(english.format(model.verdict().fairnessProperty().get())).isEqualTo("29 left unsold (库存遗留)");
    }

    @Test
    void aSaleThatHasNotSoldYetIsNotConcluded() {
        FakeLabService.Stream stream = watching();
        stream.push(open(50, 0, 0, OPENED));
        stream.push(open(50, 0, 0, OPENED + 60_000));
        harness.settle();
        assertThat(audits()).as("its buyers may still be on their way").isZero();
        assertThat(model.verdict().endedProperty().get()).isNull();
    }

    @Test
    void theQuietTimeIsASetting() {
        model.watchedAudit().quietAfter(300);
        FakeLabService.Stream stream = watching();
        stream.push(open(50, 20, 0, OPENED));
        stream.push(open(50, 20, 20, OPENED + 300));
        harness.settle();
        assertThat(english.format(model.verdict().endedProperty().get()))
                .isEqualTo("Ended: nothing sold for 0.3 s, the sale still open");
    }

    @Test
    void aSaleThatClosedWithStockLeftNamesItsUnsoldStockToo() {
        FakeLabService.Stream stream = watching();
        stream.push(new SaleState(50, 40, 40, -2, OPENED, 0, List.of(), List.of(), OPENED + 100));
        harness.settle();
        assertThat(english.format(model.verdict().endedProperty().get())).isEqualTo("Ended: time up");
        assertThat(english.format(model.verdict().fairnessProperty().get())).isEqualTo("10 left unsold (库存遗留)");
    }

    @Test
    void figuresAWatchedSaleCannotKnowSayWhy() {
        watching();
        assertThat(model.live().ratesKnownProperty().get()).isFalse();
        assertThat(english.get("tile.conflicts.watched")).contains("only the buying client");
    }
}
