package seckill.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names students may take, and the secrets they join with. */
class StudentNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"amy", "小明", "王小明同学", "Zoë", "b_-1 two", "Ивan", "a", "abcdefghijklmnop", "नमस्ते"})
    void takesLettersDigitsSpacesUnderscoresAndDashesOfAnyScript(String name) {
        assertThat(StudentNames.normalised(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abcdefghijklmnopq", "<b>", "a&b", "a\"b", "a'b", "a\u202Eb", "a\u200Fb",
            "a\u0000", "a\nb", "a\tb", "-dash", "_under", "😀", "a/b", "a\\b", "\u3000"})
    void refusesMarkupControlsBidiAndTheTooLong(String name) {
        assertThat(StudentNames.normalised(name)).isNull();
    }

    @Test
    void normalisesToNfcAndComparesWithoutCase() {
        assertThat(StudentNames.normalised("  Rene\u0301 ")).isEqualTo("Ren\u00e9");
        assertThat(StudentNames.key("AMY")).isEqualTo(StudentNames.key("amy"));
        assertThat(StudentNames.userId("小明")).isEqualTo("stu:小明");
    }

    @Test
    void joinCodesHaveNoLookAlikesAndTokensAre128Bits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = Secrets.joinCode();
            assertThat(code).hasSize(6).matches("[A-HJKMNP-Z2-9]{6}");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(190);
        assertThat(Secrets.CODE_ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(java.util.Base64.getUrlDecoder().decode(Secrets.token())).hasSize(16);
        assertThat(Secrets.sameCode("ABCDEF", " abcdef ")).isTrue();
        assertThat(Secrets.sameCode("ABCDEF", "ABCDEG")).isFalse();
        assertThat(Secrets.sameCode("ABCDEF", null)).isFalse();
    }
}
