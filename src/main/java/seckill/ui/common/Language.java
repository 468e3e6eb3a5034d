package seckill.ui.common;

import java.util.Locale;

/** The window's two languages, as {@code --lang} names them. */
public enum Language {
    EN(Locale.ENGLISH),
    ZH(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }
}
