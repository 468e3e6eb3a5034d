package seckill.ui.common;

import java.util.Arrays;
import java.util.List;

/**
 * A message to show, not yet in any language: a key of {@code messages*.properties} and its arguments. View models
 * hand these out so that they stay free of the toolkit and the view can relabel them live when the language changes.
 * An argument may itself be a {@code LocalText} (a field's name inside a validation message, say).
 */
public record LocalText(String key, List<Object> args) {
    public LocalText {
        args = List.copyOf(args);
    }

    public static LocalText of(String key, Object... args) {
        return new LocalText(key, Arrays.asList(args));
    }
}
