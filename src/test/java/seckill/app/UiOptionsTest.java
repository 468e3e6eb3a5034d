package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** What {@code ui} makes of its own options, without opening a window. */
class UiOptionsTest {
    private static UiCommand parse(String... args) {
        UiCommand ui = new UiCommand();
        new CommandLine(ui).parseArgs(args);
        return ui;
    }

    @Test
    void zoomIsAHundredPercentUnlessGiven() {
        assertThat(parse().zoom).isEqualTo(100);
        assertThat(parse("--zoom", "150").zoom).isEqualTo(150);
        assertThat(parse("--zoom", "50").zoom).isEqualTo(50);
        assertThat(parse("--zoom=300%").zoom).isEqualTo(300);
    }

    @Test
    void theFooterNamesTheProjectorKeys() {
        String usage = new CommandLine(new UiCommand()).getUsageMessage();
        assertThat(usage).contains("--zoom=PERCENT").contains("Ctrl+=").contains("Ctrl+0").contains("F11")
                .contains("Ctrl+B");
    }

    @Test
    void aLessonIsTakenByItsNumber() {
        assertThat(parse().lesson).isNull();
        assertThat(parse("--lesson", "1").lesson).isEqualTo(seckill.ui.lessons.Lesson.NAIVE_OVERSELLS);
        assertThat(parse("--lesson=3").lesson).isEqualTo(seckill.ui.lessons.Lesson.LUA_SELLS_ALL);
    }
}
