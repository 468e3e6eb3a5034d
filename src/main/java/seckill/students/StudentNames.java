package seckill.students;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The names students give themselves: NFC-normalised, blanks at either end dropped, then 1 to {@value #MAX} letters
 * (of any script: 小明 is welcome), digits, marks, spaces, {@code _} or {@code -}; never a control, format (bidi)
 * or markup character. Two names are the same name when they differ only in case.
 */
final class StudentNames {
    static final int MAX = 16;
    /** What a player's user id starts with, so that {@code LRANGE kill_user 0 -1} shows the students by name. */

    private StudentNames() {
    }

    /** The name as kept, or null when it is not a name a student may take. */
    static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String name = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
        int count = name.codePointCount(0, name.length());
        if (count < 1 || count > MAX) {
            return null;
        }
        boolean allowed = name.codePoints().allMatch(StudentNames::allowed);
        return allowed && Character.isLetterOrDigit(name.codePointAt(0)) ? name : null;
    }

    private static boolean allowed(int c) {
        if (c == ' ' || c == '_' || c == '-') {
            return true;
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** The key two names share when they differ only in case. */
    static String key(String name) {
        return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The player's user id in the sale. */
    static String userId(String name) {
        return ClassRoom.USER_PREFIX + name;
    }
}
