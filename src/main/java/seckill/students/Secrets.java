package seckill.students;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The server's random secrets, from {@link SecureRandom}: the join code and the players' tokens. */
final class Secrets {
    /** Letters and digits that cannot be taken for one another (no 0/O, 1/I/L): read off a projector. */
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new join code: {@value #CODE_LENGTH} characters of {@link #CODE_ALPHABET}. */
    static String joinCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A new token: 128 random bits, URL-safe Base64. */
    static String token() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** True when the code typed is the code (case and blanks aside), compared in constant time. */
    static boolean sameCode(String code, String typed) {
        if (typed == null) {
            return false;
        }
        byte[] a = code.getBytes(StandardCharsets.US_ASCII);
        byte[] b = typed.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }
}
