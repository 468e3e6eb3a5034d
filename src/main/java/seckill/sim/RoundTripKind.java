package seckill.sim;

import java.util.List;
import java.util.Locale;

/**
 * What a traced round trip ({@link TraceStep#sent()}) does in its strategy's code, told from the commands alone: each
 * strategy's round trips begin differently, so a trace of any sale (a comparison's, a bucketed one's) needs no
 * strategy to say which line of the code it ran.
 */
public enum RoundTripKind {
    /** WATCH on the sale's keys with the reads that travel with it (watch). */
    WATCH_READ,
    /** MULTI … EXEC: the purchase, run only if no watched key changed (watch). */
    EXEC,
    /** EVALSHA purchase.lua: the checks and the sale as one atomic step (lua). */
    PURCHASE_SCRIPT,
    /** The reads with no WATCH: EXISTS the flag, GET kill_num and kill_total (naive). */
    NAIVE_READ,
    /** The unguarded writes: INCR kill_num, RPUSH kill_user, … (naive). */
    NAIVE_WRITE,
    /** EXISTS the flag and SADD the user (decr). */
    DECR_CLAIM,
    /** DECR the counter kill_stock, or INCR it to give an item back (decr). */
    DECR_COUNT,
    /** EVALSHA decr_commit.lua, which writes the item to the sale's own keys (decr). */
    DECR_COMMIT,
    /** None of the strategies' steps: an UNWATCH after a refusal, an SREM that takes a claim back. */
    OTHER;

    /** The kind of a round trip that sent these commands, as {@code redis-cli} shows them. */
    public static RoundTripKind of(List<String> sent) {
        if (sent == null || sent.isEmpty()) {
            return OTHER;
        }
        for (String line : sent) {
            String command = command(line);
            if (command.equals("EVALSHA") || command.equals("EVAL")) {
                // purchase.lua takes 6 keys, decr_commit.lua 7 (the stock counter too)
                return keyCount(line).equals("7") ? DECR_COMMIT : PURCHASE_SCRIPT;
            }
        }
        String first = command(sent.get(0));
        String second = sent.size() > 1 ? command(sent.get(1)) : "";
        return switch (first) {
            case "WATCH" -> WATCH_READ;
            case "MULTI" -> EXEC;
            case "GET", "MGET" -> NAIVE_READ;
            case "EXISTS" -> second.equals("SADD") ? DECR_CLAIM : NAIVE_READ;
            case "DECR" -> DECR_COUNT;
            // naive counts its sale on kill_num; decr gives an item back to kill_stock
            case "INCR" -> sent.get(0).endsWith("kill_stock") ? DECR_COUNT : NAIVE_WRITE;
            default -> OTHER;
        };
    }

    /**
     * The word after the script: its number of keys. EVALSHA names the script by a SHA-1; EVAL, sent again after a
     * NOSCRIPT, carries the script itself, quoted and cut short ({@code "-- The decr…"(1630 bytes)}).
     */
    private static String keyCount(String line) {
        int at = line.indexOf(' ') + 1;
        if (at > 0 && line.startsWith("\"", at)) {
            at++;
            while (at < line.length() && line.charAt(at) != '"') {
                at += line.charAt(at) == '\\' ? 2 : 1;
            }
            if (line.startsWith("(", at + 1)) {
                at = Math.max(at, line.indexOf(')', at));
            }
        }
        int from = line.indexOf(' ', at) + 1;
        if (at == 0 || from == 0) {
            return "";
        }
        int to = line.indexOf(' ', from);
        return line.substring(from, to < 0 ? line.length() : to);
    }

    private static String command(String line) {
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    }
}
