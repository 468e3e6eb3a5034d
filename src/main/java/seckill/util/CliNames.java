package seckill.util;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Choices that the command line names by a word (strategies, engines): listed and looked up one way. */
public final class CliNames {
    private CliNames() {
    }

    /** "a, b, c": the names, in order. */
    public static <E> String list(E[] choices, Function<E, String> name) {
        return Arrays.stream(choices).map(name).collect(Collectors.joining(", "));
    }

    /**
     * The choice of that name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException "must be one of a, b, c (got 'x')"
     */
    public static <E> E find(E[] choices, Function<E, String> name, String given) {
        String n = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
        for (E choice : choices) {
            if (name.apply(choice).equals(n)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("must be one of " + list(choices, name) + " (got '" + given + "')");
    }
}
