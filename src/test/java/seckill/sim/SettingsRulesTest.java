package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import seckill.redis.RedisTarget;
import seckill.sale.StrategyKind;
import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.ProblemException;

class SettingsRulesTest {
    private static Problem refusal(ConfigField field, String text) {
        SettingsRules.Parsed parsed = SettingsRules.parse(field, text);
        assertThat(parsed.ok()).as("'%s' should be refused", text).isFalse();
        return parsed.problem();
    }

    @Nested
    class Parse {
        @ParameterizedTest(name = "''{0}'' is {1}")
        @CsvSource(delimiter = '|', value = {"2000|2000", "' 2000 '|2000", "20,000|20000", "1_000|1000",
            "20，000|20000", "1,000,000|1000000", "100,000,000|100000000", "+5|5", "007|7", "999|999"})
        void takesDigitsAndWellFormedDigitGroups(String text, long value) {
            SettingsRules.Parsed parsed = SettingsRules.parse(ConfigField.STOCK, text);
            assertThat(parsed.problem()).isNull();
            assertThat(parsed.value()).isEqualTo(value);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"1,5", "1,00", "1,0000", ",100", "100,", "1__000", "1,000_000", "0,500", "1 000",
            "1.000", "2,000.5", "abc", "1e3", "0x10", "12abc", "--5", "5\n0"})
        void refusesMalformedNumbers_namingTheRange(String text) {
            Problem p = refusal(ConfigField.STOCK, text);
            assertThat(p.kind()).isEqualTo(Kind.NUMBER_MALFORMED);
            assertThat(p.english()).isEqualTo("must be a whole number from 1 to 100,000,000 (got '"
                    + ConfigField.oneLine(text) + "')");
        }

        @Test
        void saysWhatIsWrongWithANumber_withoutNamingTheField() {
            assertThat(refusal(ConfigField.STOCK, " ").english())
                    .isEqualTo("is empty; it must be a whole number from 1 to 100,000,000");
            assertThat(refusal(ConfigField.STOCK, "0").english())
                    .isEqualTo("cannot be 0: it must be a whole number from 1 to 100,000,000");
            assertThat(refusal(ConfigField.RETRIES, "-1").english())
                    .isEqualTo("cannot be negative: it must be a whole number from 0 to 1,000");
            assertThat(refusal(ConfigField.POOL, "2,001").english()).isEqualTo("must be from 1 to 2,000 (got 2001)");
            assertThat(refusal(ConfigField.STOCK, "99999999999999999999").english())
                    .isEqualTo("is absurdly large (over 100,000,000): it must be a whole number from 1 to 100,000,000");
            assertThat(refusal(ConfigField.STOCK, "x".repeat(40)).get("text")).isEqualTo("x".repeat(24) + "…");
        }

        @Test
        void theSeedTakesAnyLong_groupedOrNot() {
            assertThat(SettingsRules.parse(ConfigField.SEED, "-9,223,372,036,854,775,808").value())
                    .isEqualTo(Long.MIN_VALUE);
            assertThat(SettingsRules.parse(ConfigField.SEED, Long.toString(Long.MAX_VALUE)).value())
                    .isEqualTo(Long.MAX_VALUE);
            assertThat(SettingsRules.parse(ConfigField.SEED, "-0").value()).isZero();
            assertThat(refusal(ConfigField.SEED, "-99999999999999999999").kind()).isEqualTo(Kind.NUMBER_ABSURDLY_SMALL);
            // a seed is copied from a report, so its range is written out digit by digit
            assertThat(refusal(ConfigField.SEED, "x").english()).isEqualTo("must be a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + " (got 'x')");
        }
    }

    @Test
    void aFieldsRangeIsCheckedAndNamedByItsOption() {
        assertThat(SettingsRules.checkField(ConfigField.BUCKETS, 1_024)).isNull();
        Problem over = SettingsRules.checkField(ConfigField.BUCKETS, 1_025);
        assertThat(SettingsRules.named(ConfigField.BUCKETS, over).english())
                .isEqualTo("--buckets must be from 1 to 1,024 (got 1025)");
        assertThatThrownBy(() -> ConfigField.POOL.check(0)).isInstanceOf(ProblemException.class)
                .hasMessage("--pool cannot be 0: it must be a whole number from 1 to 2,000");
    }

    @Nested
    class BetweenSettings {
        private SimulationConfig.Builder sale() {
            return SimulationConfig.builder().seed(1);
        }

        private List<Kind> kinds(SimulationConfig.Builder settings) {
            return SettingsRules.check(settings).stream().map(Problem::kind).toList();
        }

        @Test
        void theDefaultsBreakNoRule() {
            assertThat(SettingsRules.check(sale())).isEmpty();
        }

        @Test
        void everyRuleIsOneProblem() {
            assertThat(kinds(sale().paceS(5).spreadMs(10))).containsExactly(Kind.PACE_AND_SPREAD);
            assertThat(kinds(sale().paceS(700))).containsExactly(Kind.PACE_OVER_DURATION);
            assertThat(kinds(sale().engine(EngineKind.LOOP).waitReplicas(1))).containsExactly(Kind.WAIT_REPLICAS_LOOP);
            assertThat(kinds(sale().prefix("shop:").buckets(4))).containsExactly(Kind.BUCKETS_NO_HASH_TAG);
            assertThat(kinds(sale().prefix("{s}:").buckets(4).stock(3))).containsExactly(Kind.BUCKETS_OVER_STOCK);
            assertThat(kinds(sale().prefix("{s}:").buckets(4).traceBuyers(2))).containsExactly(Kind.BUCKETS_AND_TRACE);
            assertThat(kinds(sale().strategy(null))).containsExactly(Kind.NO_STRATEGY);
        }

        @Test
        void rangesComeFirst_eachNamed_thenTheRulesBetween() {
            List<Problem> problems = SettingsRules.check(sale().pool(0).users(-1).paceS(5).spreadMs(10));
            assertThat(problems).extracting(Problem::english).containsExactly(
                    "--users cannot be negative: it must be a whole number from 1 to 100,000,000",
                    "--pool cannot be 0: it must be a whole number from 1 to 2,000",
                    "--pace and --spread-ms: choose one (a pace spreads the arrivals itself)");
        }

        @Test
        void theConfigRefusesWhatTheRulesRefuse_withTheFirstProblem() {
            assertThatThrownBy(() -> sale().prefix("{s}:").buckets(8).stock(5).build())
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem())
                            .isEqualTo(Problem.of(Kind.BUCKETS_OVER_STOCK, 5L)))
                    .hasMessage("--buckets must be at most --stock (5): each bucket holds at least one item");
            assertThatThrownBy(() -> sale().pool(5_000_000_000L).build()).isInstanceOf(ProblemException.class)
                    .as("refused before it is narrowed to an int").hasMessageContaining("--pool");
        }

        @Test
        void theLoopSpeaksNoTls() {
            assertThat(SettingsRules.engineProblem(EngineKind.LOOP, RedisTarget.parse("rediss://h:1")))
                    .isEqualTo(Problem.of(Kind.LOOP_NO_TLS));
            assertThat(SettingsRules.engineProblem(EngineKind.THREADS, RedisTarget.parse("rediss://h:1"))).isNull();
            assertThat(SettingsRules.engineProblem(EngineKind.LOOP, RedisTarget.parse("redis://h:1"))).isNull();
        }

        @Test
        void aComparisonListsEachStrategyOnce_andStandsAlone() {
            assertThat(SettingsRules.lineupProblem(List.of())).isEqualTo(Problem.of(Kind.COMPARE_EMPTY,
                    StrategyKind.allowedNames()));
            assertThat(SettingsRules.lineupProblem(List.of(StrategyKind.LUA, StrategyKind.LUA)).english())
                    .isEqualTo("names a strategy twice (got lua, lua)");
            assertThat(SettingsRules.compareProblem(true, true, false, false).kind())
                    .isEqualTo(Kind.COMPARE_AND_STRATEGY);
            assertThat(SettingsRules.compareProblem(false, false, true, false).kind())
                    .isEqualTo(Kind.ONE_AT_A_TIME_ALONE);
            assertThat(SettingsRules.compareProblem(true, false, true, true).kind()).isEqualTo(Kind.START_AT_COMPARE);
            assertThat(SettingsRules.compareProblem(true, false, true, false)).isNull();
        }
    }
}
