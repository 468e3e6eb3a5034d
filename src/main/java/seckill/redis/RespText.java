package seckill.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Commands and replies as {@code redis-cli} shows them, on one line each, for a trace a class reads beside
 * {@code redis-cli MONITOR}: {@code WATCH kill_flag kill_num}, {@code (integer) 7}, {@code "50"}, {@code (nil)},
 * {@code 1) "1" 2) "7"}, {@code (error) WRONGTYPE …}. Long arguments (a script's text) are cut short.
 */
public final class RespText {
    /** Arguments longer than this are shown by their first characters and their length. */
    static final int LONGEST_ARGUMENT = 48;

    private RespText() {
    }

    /** One command and its arguments. */
    public static String command(ProtocolCommand command, byte[][] args) {
        StringBuilder line = new StringBuilder(new String(command.getRaw(), StandardCharsets.US_ASCII));
        for (byte[] arg : args) {
            line.append(' ').append(argument(arg));
        }
        return line.toString();
    }

    private static String argument(byte[] arg) {
        return argument(new String(arg, StandardCharsets.UTF_8));
    }

    /** One argument as a command line shows it: quoted when it must be, cut short when long. */
    public static String argument(String text) {
        byte[] arg = text.getBytes(StandardCharsets.UTF_8);
        if (text.length() > LONGEST_ARGUMENT) {
            return quoted(text.substring(0, LONGEST_ARGUMENT - 8).strip() + "…") + "(" + arg.length + " bytes)";
        }
        return text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '\\')
                ? quoted(text) : text;
    }

    /** One reply, as it came: Jedis's raw objects or {@link RespReader}'s, which are the same. */
    public static String reply(Object reply) {
        if (reply == null) {
            return "(nil)";
        }
        if (reply instanceof Long n) {
            return "(integer) " + n;
        }
        if (reply instanceof JedisDataException e) {
            return "(error) " + e.getMessage();
        }
        if (reply instanceof byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            // status replies come as bytes too; redis-cli shows these without quotes
            return "OK".equals(text) || "QUEUED".equals(text) ? text : quoted(text);
        }
        if (reply instanceof List<?> items) {
            if (items.isEmpty()) {
                return "(empty array)";
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                line.append(i == 0 ? "" : " ").append(i + 1).append(") ").append(reply(items.get(i)));
            }
            return line.toString();
        }
        return String.valueOf(reply);
    }

    private static String quoted(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> q.append('\\').append(c);
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(c < ' ' ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
