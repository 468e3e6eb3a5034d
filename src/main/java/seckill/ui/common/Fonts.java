package seckill.ui.common;

import java.util.List;
import java.util.Optional;

import javafx.scene.text.Font;

/**
 * A font that has the Chinese glyphs. JavaFX does not always fall back to one by itself (on Linux the theme's
 * font list wins and CJK text shows as boxes), so the window names one explicitly while it speaks Chinese.
 */
public final class Fonts {
    private static final List<String> CJK = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "Microsoft YaHei", "PingFang SC",
            "Hiragino Sans GB");
    private static volatile Optional<String> cjk;

    private Fonts() {
    }

    /** The first installed CJK family, if any. */
    static Optional<String> cjkFamily() {
        Optional<String> found = cjk;
        if (found == null) {
            List<String> installed = Font.getFamilies();
            found = CJK.stream().filter(installed::contains).findFirst();
            cjk = found;
        }
        return found;
    }

    /** {@link #cjkStyle()} for a text that holds Chinese characters, else nothing: the theme's font stays. */
    public static String styleFor(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? cjkStyle() : "";
    }

    /** A style naming the CJK family, or nothing when none is installed (the text may then show as boxes). */
    public static String cjkStyle() {
        return cjkFamily().map(f -> "-fx-font-family: \"" + f + "\";").orElse("");
    }
}
