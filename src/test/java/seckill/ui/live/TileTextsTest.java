package seckill.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileTextsTest {
    @Test
    void tilesOfASaleAndOfNone() {
        TileTexts none = TileTexts.of(Figures.NONE, "closed", "sold out");
        assertThat(none).isEqualTo(new TileTexts("—", "—", "—", "—", "—", "—", "—", "—", false));

        Figures watched = new Figures(true, 100_000, 12_345, 87_655, 12_345, 0, 61_000, -1, Double.NaN, Double.NaN);
        assertThat(TileTexts.of(watched, "closed", "sold out")).isEqualTo(new TileTexts("87,655", "12,345 / 100,000",
                "12,345", "0", "—", "—", "—", "1:01", false));

        Figures oversold = new Figures(true, 5, 7, -2, 7, 2, -2, 3, 250.4, 1.04);
        assertThat(TileTexts.of(oversold, "已结束", "售罄")).as("stock left below zero, as the chart shows it")
                .isEqualTo(new TileTexts("\u22122", "7 / 5", "7", "2", "250",
                "3", "1.0 ms", "已结束", true));

        Figures soldOutStillOpen = new Figures(true, 50, 50, 0, 50, 0, 540_000, 12, 80.0, 2.0);
        assertThat(TileTexts.of(soldOutStillOpen, "closed", "sold out").timeLeft())
                .as("no countdown once nothing is left to sell").isEqualTo("sold out");
    }
}
