package seckill.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSecretTest {
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "redis://:s|redis://:•",
        "redis://:secret|redis://:••••••",
        "redis://:secret@|redis://:••••••@",
        "redis://:secret@127.0.0.1:6379/1|redis://:••••••@127.0.0.1:6379/1",
        "redis://alice:pw|redis://alice:••",
        "redis://alice:p@ss@h:1|redis://alice:••••@h:1",
        "rediss://bob:x:y@h|rediss://bob:•••@h",
        "redis://127.0.0.1:6379|redis://127.0.0.1:6379",
        "redis://127.0.0.1:63|redis://127.0.0.1:63",
        "redis://127.0.0.1:6379/2|redis://127.0.0.1:6379/2",
        "redis://alice@h:1|redis://alice@h:1",
        "redi|redi",
        "redis://|redis://"})
    void hidesThePasswordFromItsFirstCharacter_andNothingElse(String typed, String shown) {
        assertThat(UrlSecret.hide(typed)).isEqualTo(shown).hasSameSizeAs(typed);
    }
}
