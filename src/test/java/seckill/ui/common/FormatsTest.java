package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void numbersAreGroupedTheSameInEitherLanguage() {
        assertThat(Formats.count(0)).isEqualTo("0");
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Formats.perSecond(12_345.6)).isEqualTo("12,346");
        assertThat(Formats.perSecond(Double.NaN)).isEqualTo("—");
        assertThat(Formats.millis(3.25)).isEqualTo("3.3 ms");
        assertThat(Formats.millis(99.94)).isEqualTo("99.9 ms");
        assertThat(Formats.millis(99.96)).as("no 100.0: it would not fit the tile").isEqualTo("100 ms");
        assertThat(Formats.millis(143.24)).isEqualTo("143 ms");
        assertThat(Formats.millis(1_234.5)).isEqualTo("1,235 ms");
        assertThat(Formats.millis(Double.NaN)).isEqualTo("—");
    }

    @Test
    void timeLeftRoundsUpSoThatZeroMeansOver() {
        assertThat(Formats.timeLeft(-2, "closed")).isEqualTo("closed");
        assertThat(Formats.timeLeft(-1, "closed")).isEqualTo("∞");
        assertThat(Formats.timeLeft(0, "closed")).isEqualTo("0:00");
        assertThat(Formats.timeLeft(1, "closed")).isEqualTo("0:01");
        assertThat(Formats.timeLeft(59_001, "closed")).isEqualTo("1:00");
        assertThat(Formats.timeLeft(3_599_000, "closed")).isEqualTo("59:59");
        assertThat(Formats.timeLeft(3_600_000, "closed")).isEqualTo("1:00:00");
        assertThat(Formats.timeLeft(36_061_000, "closed")).isEqualTo("10:01:01");
    }

    @Test
    void sinceOpeningInSecondsToTheMillisecond() {
        assertThat(Formats.sinceOpen(0)).isEqualTo("+0.000 s");
        assertThat(Formats.sinceOpen(1_250)).isEqualTo("+1.250 s");
        assertThat(Formats.sinceOpen(-1)).isEqualTo("—");
    }
}
