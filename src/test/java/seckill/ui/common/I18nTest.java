package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import seckill.util.Problem;
import seckill.util.Resources;

class I18nTest {
    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Resources.url(path).openStream()) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryMessage() throws IOException {
        Properties en = load("/seckill/ui/messages.properties");
        Properties zh = load("/seckill/ui/messages_zh.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            // a straight apostrophe would silently swallow text in MessageFormat
            assertThat(en.getProperty(key)).as(key).doesNotContain("'");
            assertThat(zh.getProperty(key)).as(key).doesNotContain("'");
        }
    }

    @Test
    void switchesLanguageLive() {
        I18n i18n = new I18n(I18n.ENGLISH);
        var start = i18n.binding("action.start");
        assertThat(start.get()).isEqualTo("Start");
        i18n.toggle();
        assertThat(start.get()).isEqualTo("开始");
        assertThat(i18n.isChinese()).isTrue();
    }

    @Test
    void followsTheSystemOrTheOption() {
        assertThat(I18n.resolve(Language.ZH)).isEqualTo(I18n.CHINESE);
        assertThat(I18n.resolve(Language.EN)).isEqualTo(I18n.ENGLISH);
    }

    @Test
    void formatsNestedTextAndNumbers() {
        I18n i18n = new I18n(I18n.ENGLISH);
        LocalText t = LocalText.of("error.problem", Problem.of(Problem.Kind.NUMBER_OUT_OF_RANGE,
                Problem.of(Problem.Kind.RANGE, 1L, 2_000L), 5_000L));
        assertThat(i18n.format(t)).isEqualTo("must be from 1 to 2,000 (got 5,000)");
        assertThat(i18n.format(LocalText.of("status.invalid", LocalText.of("field.users"), t)))
                .isEqualTo("Users: must be from 1 to 2,000 (got 5,000) — fix it to start");
        assertThat(i18n.format((LocalText) null)).isNull();
    }

    @Test
    void aProblemsNumbersAreWrittenAsItsPatternSays() {
        I18n i18n = new I18n(I18n.ENGLISH);
        assertThat(i18n.format(Problem.of(Problem.Kind.OVERSOLD, 12_345L, 50L, 12_295L)))
                .isEqualTo("oversold: kill_num 12345 > kill_total 50 (12295 too many)");
        assertThat(i18n.format(Problem.of(Problem.Kind.URL_PORT, 99_999))).endsWith("(got 99999)");
    }

    @Test
    void aMessageStandingAloneStartsWithACapital() {
        I18n i18n = new I18n(I18n.ENGLISH);
        LocalText t = LocalText.of("error.problem", Problem.of(Problem.Kind.NUMBER_ZERO,
                Problem.of(Problem.Kind.RANGE, 1L, 50L)));
        assertThat(i18n.sentence(t)).isEqualTo("Cannot be 0: enter a whole number from 1 to 50");
        i18n.toggle();
        assertThat(i18n.sentence(t)).isEqualTo("不能为 0：请输入从 1 到 50 的整数");
        assertThat(i18n.sentence(null)).isNull();
    }
}
