package seckill.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seckill.util.Problem.Kind;

class ProblemTest {
    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindIsWordedForTheCommandLineAndTheWindowInBothLanguages(Kind kind) throws IOException {
        String cli = load("/seckill/util/problems.properties").getProperty(kind.key());
        String en = load("/seckill/ui/messages.properties").getProperty("problem." + kind.key());
        String zh = load("/seckill/ui/messages_zh.properties").getProperty("problem." + kind.key());
        assertThat(cli).as("command line").isNotBlank();
        assertThat(en).as("window, English").isNotBlank();
        assertThat(zh).as("window, Chinese").isNotBlank();
        for (String pattern : List.of(cli, en, zh)) {
            assertThat(new MessageFormat(pattern).getFormatsByArgumentIndex()).as(pattern)
                    .hasSize(kind.fields().size());
        }
        // the window never speaks in command-line options
        assertThat(en).doesNotContain("--");
        assertThat(zh).doesNotContain("--");
    }

    @Test
    void rendersNestedProblemsAndListsInEnglish() {
        Problem lost = Problem.of(Kind.REDIS_LOST, "redis://h:1", "Connection reset");
        Problem gaveUp = Problem.of(Kind.REDIS_GAVE_UP, lost, 5L);
        assertThat(gaveUp.english()).isEqualTo("Redis at redis://h:1 was lost: Connection reset (gave up after 5 s; "
                + "see --redis-timeout)");
        Problem join = Problem.of(Kind.JOIN_WRONG_TYPES, List.of(Problem.of(Kind.KEY_WRONG_TYPE, "k", "hash",
                "string"), Problem.of(Kind.KEY_NOT_A_NUMBER, "n", "x")));
        assertThat(join.english()).isEqualTo("Cannot join the sale: key k is a hash, but a sale needs a string; key n "
                + "holds 'x', but a sale needs a number. Run without --join (or reset) to replace it.");
        assertThat(Problem.of(Kind.OVERSOLD, 12_345L, 50L, 12_295L).english())
                .isEqualTo("oversold: kill_num 12345 > kill_total 50 (12295 too many)");
    }

    @Test
    void writesItsFieldsByName() {
        Problem gaveUp = Problem.of(Kind.REDIS_GAVE_UP, Problem.of(Kind.REDIS_REFUSED, "redis://h:1"), 5L);
        assertThat(gaveUp.fields()).isEqualTo(Map.of("kind", "redis.gaveUp", "seconds", 5L,
                "cause", Map.of("kind", "redis.refused", "where", "redis://h:1")));
        assertThat(gaveUp.get("seconds")).isEqualTo(5L);
    }

    @Test
    void refusesTheWrongNumberOfFields() {
        assertThatThrownBy(() -> Problem.of(Kind.OVERSOLD, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OVERSOLD");
    }
}
