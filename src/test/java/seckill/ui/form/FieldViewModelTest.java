package seckill.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import seckill.sim.ConfigField;
import seckill.ui.common.I18n;
import seckill.ui.common.LocalText;

class FieldViewModelTest {
    private final I18n english = new I18n(I18n.ENGLISH);
    private final I18n chinese = new I18n(I18n.CHINESE);

    private String messageFor(ConfigField field, String typed) {
        FieldViewModel f = new FieldViewModel(field, false);
        f.textProperty().set(typed);
        assertThat(f.isValid()).as("'%s' should be refused", typed).isFalse();
        return english.format(f.errorProperty().get());
    }

    @Test
    void startsWithTheTutorialsDefault() {
        FieldViewModel stock = new FieldViewModel(ConfigField.STOCK, false);
        assertThat(stock.textProperty().get()).isEqualTo("50");
        assertThat(stock.isValid()).isTrue();
        assertThat(stock.value()).hasValue(50);
    }

    @Nested
    @DisplayName("refuses, saying the range, without the field's name (its label is beside it)")
    class Refuses {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "''            | empty: enter a whole number from 1 to 100,000,000",
            "abc           | must be a whole number from 1 to 100,000,000, not “abc”",
            "1.5           | must be a whole number from 1 to 100,000,000, not “1.5”",
            "-3            | cannot be negative: enter a whole number from 1 to 100,000,000",
            "0             | cannot be 0: enter a whole number from 1 to 100,000,000",
            "100000001     | must be from 1 to 100,000,000 (got 100,000,001)",
            "99999999999999999999999 | absurdly large: at most 100,000,000",
            "-99999999999999999999999 | cannot be negative: enter a whole number from 1 to 100,000,000",
        })
        void badStock(String typed, String message) {
            assertThat(messageFor(ConfigField.STOCK, typed)).isEqualTo(message);
        }

        @Test
        void tooManyThreads() {
            assertThat(messageFor(ConfigField.POOL, "5000")).isEqualTo("must be from 1 to 2,000 (got 5,000)");
        }

        @Test
        void negativeRetriesButZeroIsFine() {
            assertThat(messageFor(ConfigField.RETRIES, "-1")).startsWith("cannot be negative");
            FieldViewModel retries = new FieldViewModel(ConfigField.RETRIES, false);
            retries.textProperty().set("0");
            assertThat(retries.isValid()).isTrue();
            retries.textProperty().set("-0");
            assertThat(retries.isValid()).as("minus nothing is nothing").isTrue();
        }

        @Test
        void inChineseToo() {
            FieldViewModel users = new FieldViewModel(ConfigField.USERS, false);
            users.textProperty().set("");
            assertThat(chinese.format(users.errorProperty().get())).isEqualTo("为空：请输入从 1 到 100,000,000 的整数");
            assertThat(chinese.format(users.name())).isEqualTo("用户数");
        }

        @ParameterizedTest
        @CsvSource({"STOCK, x", "USERS, 0", "POOL, 5000", "DURATION, ''", "RETRIES, -1", "SPREAD_MS, 1e3",
            "PACE, 99999", "SEED, 99999999999999999999"})
        void neverSayingTheNameTwice(ConfigField field, String typed) {
            FieldViewModel f = new FieldViewModel(field, field == ConfigField.SEED);
            f.textProperty().set(typed);
            for (I18n language : new I18n[] {english, chinese}) {
                String name = language.format(f.name()).replaceFirst("[ （(].*", "");
                assertThat(language.format(f.errorProperty().get())).as(field + " " + typed)
                        .doesNotContainIgnoringCase(name);
            }
        }
    }

    @Test
    void aSeedTooFarEitherWayIsAbsurd_andItsLimitIsOneUnbrokenNumber() {
        FieldViewModel seed = new FieldViewModel(ConfigField.SEED, true);
        seed.textProperty().set("99999999999999999999");
        assertThat(english.format(seed.errorProperty().get())).isEqualTo("absurdly large: at most "
                + "9,223,372,036,854,775,807");
        seed.textProperty().set("-99999999999999999999");
        assertThat(english.format(seed.errorProperty().get())).as("a seed may be negative, so not 'cannot be negative'")
                .isEqualTo("absurdly small: at least -9,223,372,036,854,775,808");
        assertThat(chinese.format(seed.errorProperty().get())).isEqualTo("小得离谱：最少 -9,223,372,036,854,775,808");
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {"' 100,000 '|100000", "1_000|1000", "20，000|20000", "1,000,000|1000000",
        "20,000|20000"})
    void acceptsGroupedNumbersAsTheCommandLineDoes(String typed, long value) {
        FieldViewModel users = new FieldViewModel(ConfigField.USERS, false);
        users.textProperty().set(typed);
        assertThat(users.isValid()).isTrue();
        assertThat(users.value()).hasValue(value);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1,5", "1,00", "1,0000", ",100", "100,", "1__000"})
    void refusesMalformedDigitGroupsAsTheCommandLineDoes_theStatusBarNamingTheField(String typed) {
        FieldViewModel stock = new FieldViewModel(ConfigField.STOCK, false);
        stock.textProperty().set(typed);
        assertThat(stock.isValid()).isFalse();
        LocalText status = LocalText.of("status.invalid", stock.name(), stock.errorProperty().get());
        assertThat(english.format(status)).isEqualTo("Stock: must be a whole number from 1 to 100,000,000, not “"
                + typed + "” — fix it to start");
        assertThat(chinese.format(status)).isEqualTo("库存：必须是从 1 到 100,000,000 的整数，而不是“" + typed
                + "”——改正后才能开始");
    }

    @Test
    void anEmptySeedMeansANewOneEachRun() {
        FieldViewModel seed = new FieldViewModel(ConfigField.SEED, true);
        assertThat(seed.isValid()).isTrue();
        assertThat(seed.value()).isEmpty();
        seed.textProperty().set("-42");
        assertThat(seed.value()).hasValue(-42);
        seed.textProperty().set(Long.toString(Long.MIN_VALUE));
        assertThat(seed.isValid()).isTrue();
        seed.textProperty().set("x");
        assertThat(english.format(seed.errorProperty().get())).startsWith("must be a whole number");
    }

    @Test
    void showsTheRangeWhileAllIsWell() {
        assertThat(english.format(new FieldViewModel(ConfigField.POOL, false).rangeHint())).isEqualTo("1 – 2,000");
    }
}
