package seckill.ui.form;

/**
 * Where the password is in a Redis URL that is still being typed, so that the field can hide it from the first
 * character (on a projector, a password typed in clear is a password shown to the class). The span is the user
 * information's password: between the first ':' after "://" and the last '@'; before any '@' is typed, whatever
 * follows such a ':' unless it is a port (digits only).
 */
final class UrlSecret {
    static final char DOT = '•';

    private UrlSecret() {
    }

    /** The text with the password's characters (only those) replaced by dots: the same length, caret and all. */
    static String hide(String text) {
        if (text == null) {
            return null;
        }
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return text;
        }
        int start = scheme + 3;
        int at = text.lastIndexOf('@');
        int colon = text.indexOf(':', start);
        if (colon < 0 || (at >= 0 && colon > at)) {
            return text; // no password: the whole user information, if any, is a password-less form
        }
        int from = colon + 1;
        int to;
        if (at >= 0) {
            to = at;
        } else {
            int end = text.indexOf('/', from);
            to = end < 0 ? text.length() : end;
            boolean port = from < to && text.substring(from, to).chars().allMatch(Character::isDigit);
            if (port) {
                return text;
            }
        }
        StringBuilder sb = new StringBuilder(text);
        for (int i = from; i < to; i++) {
            sb.setCharAt(i, DOT);
        }
        return sb.toString();
    }
}
