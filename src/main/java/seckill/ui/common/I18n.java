package seckill.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import seckill.util.Problem;
import seckill.util.Resources;

/**
 * The dashboard's two languages. Every label binds to {@link #localeProperty()}, so switching relabels the window
 * live. Plain JavaFX beans, no toolkit: view models and their tests use it too.
 */
public final class I18n {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "seckill.ui.messages";
    // without this, asking for English on a Chinese system would fall back to the system's language first
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>();
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        // a missing bundle is a packaging bug: fail at start, not on the first label
        Resources.url("/seckill/ui/messages.properties");
        Resources.url("/seckill/ui/messages_zh.properties");
        setLocale(initial);
    }

    /** The language asked for; null follows the system's language. */
    public static Locale resolve(Language language) {
        if (language != null) {
            return language.locale();
        }
        return Locale.getDefault().getLanguage().equals(CHINESE.getLanguage()) ? CHINESE : ENGLISH;
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    public boolean isChinese() {
        return CHINESE.equals(locale.get());
    }

    public void setLocale(Locale newLocale) {
        Locale l = CHINESE.getLanguage().equals(newLocale.getLanguage()) ? CHINESE : ENGLISH;
        bundle = ResourceBundle.getBundle(BUNDLE, l, I18n.class.getClassLoader(), NO_FALLBACK);
        locale.set(l);
    }

    public void toggle() {
        setLocale(isChinese() ? ENGLISH : CHINESE);
    }

    public String get(String key, Object... args) {
        String pattern = pattern(key);
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof LocalText t ? format(t)
                    : args[i] instanceof Problem p ? format(p)
                    : args[i] instanceof List<?> list ? formatAll(list) : args[i];
        }
        return new MessageFormat(pattern, locale.get()).format(resolved);
    }

    /** The message's pattern, not yet formatted. */
    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing message '" + key + "' for " + locale.get(), e);
        }
    }

    /**
     * A problem in the current language, from the {@code problem.*} messages; their patterns as they stand (a
     * pattern formatted without its arguments first would lose its number formats: 65,535 for {0,number,#}).
     */
    public String format(Problem problem) {
        return problem.render(key -> pattern("problem." + key), locale.get());
    }

    /** Problems (or texts) in the current language, joined as the language joins them ("; ", "；"). */
    private String formatAll(List<?> items) {
        return items.stream().map(o -> o instanceof Problem p ? format(p) : o instanceof LocalText t ? format(t)
                : String.valueOf(o)).collect(Collectors.joining(pattern("problem." + Problem.SEPARATOR)));
    }

    /** The text in the current language; null for null (nothing to show). */
    public String format(LocalText text) {
        return text == null ? null : get(text.key(), text.args().toArray());
    }

    /**
     * The text with its first letter capitalised, to stand on its own: a field's error reads "must be …" after the
     * field's name in the status bar, and "Must be …" under the field. Null for null.
     */
    public String sentence(LocalText text) {
        String s = format(text);
        if (s == null || s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder(s.length()).appendCodePoint(Character.toUpperCase(first))
                .append(s, Character.charCount(first), s.length()).toString();
    }

    public StringBinding binding(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** Follows both the message and the language. */
    public StringBinding binding(ObservableValue<LocalText> text) {
        return Bindings.createStringBinding(() -> text.getValue() == null ? "" : format(text.getValue()), text,
                locale);
    }
}
