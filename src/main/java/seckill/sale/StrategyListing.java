package seckill.sale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import seckill.redis.Batch;
import seckill.redis.RawCalls;
import seckill.redis.RespText;

/**
 * What a strategy sends for one user who wins, round trip by round trip, as {@code redis-cli} shows it: played from
 * the strategy's own {@link Attempt} on made-up replies (the sale open, nothing sold of 50, the user new), so the
 * listing a class reads cannot drift from what the lab sends. A script is shown called by {@code EVALSHA} and the
 * SHA-1 Redis gives it; the purchase's time is shown as {@link #EXAMPLE_TIME_MS}, so the commands can be typed into
 * {@code redis-cli} as they stand.
 */
public final class StrategyListing {
    /** The time (epoch ms) a listing shows where a purchase writes the time it sold: 2026-01-01T00:00:00Z. */
    public static final long EXAMPLE_TIME_MS = 1_767_225_600_000L;
    /** The stock the made-up replies report. */
    static final long STOCK = 50;
    private static final Pattern SCRIPT_TEXT = Pattern.compile("^EVAL \"(?:[^\"\\\\]|\\\\.)*\"\\(\\d+ bytes\\)");
    private static final Pattern EPOCH_MS = Pattern.compile("\\b1\\d{12}\\b");

    /**
     * One round trip.
     *
     * @param commands as {@code redis-cli} shows them, one a line
     * @param waitMs   how long the strategy waits before sending it (naive's window), 0 for none
     */
    public record RoundTrip(List<String> commands, long waitMs) {
        public RoundTrip {
            commands = List.copyOf(commands);
        }
    }

    /** The prefix a listing is played under: short, and nothing a command's text holds otherwise. */
    private static final String STAND_IN = "⟦P⟧";

    private StrategyListing() {
    }

    /**
     * The round trips of one winning attempt.
     *
     * @param naiveGapMs naive's pause between reading and writing
     */
    public static List<RoundTrip> winningAttempt(StrategyKind kind, SaleKeys keys, String userId, long naiveGapMs) {
        // played under a short stand-in prefix, the real one put back in the lines shown: a long prefix would be cut
        // short in the described commands ("…"), and the listing's replies could no longer tell its keys apart
        SaleKeys played = new SaleKeys(STAND_IN);
        PurchaseStrategy strategy = kind.create(played, naiveGapMs);
        Batch batch = new Batch();
        Attempt attempt = strategy.begin(userId, batch);
        List<RoundTrip> trips = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            List<String> sent = batch.describe();
            trips.add(new RoundTrip(sent.stream().map(line -> withPrefix(shown(kind, line), keys.prefix())).toList(),
                    TimeUnit.NANOSECONDS.toMillis(batch.delayNanos())));
            batch.clear();
            Outcome outcome = attempt.next(replies(sent, played), batch);
            if (outcome != null) {
                if (outcome != Outcome.WON) {
                    throw new IllegalStateException(kind + " did not win on the listing's replies: " + outcome);
                }
                return List.copyOf(trips);
            }
        }
        throw new IllegalStateException(kind + " did not decide in 8 round trips");
    }

    /**
     * A command line as a listing shows it: a script called by its SHA-1, the time of the purchase as
     * {@link #EXAMPLE_TIME_MS}. Public so that a command the lab really sent can be compared with a listing.
     */
    public static String shown(StrategyKind kind, String line) {
        String s = line;
        Matcher script = SCRIPT_TEXT.matcher(s);
        if (script.find()) {
            s = "EVALSHA " + sha1(kind == StrategyKind.DECR ? Scripts.decrCommit() : Scripts.purchase())
                    + s.substring(script.end());
        }
        return EPOCH_MS.matcher(s).replaceAll(Long.toString(EXAMPLE_TIME_MS));
    }

    /** A line played under the stand-in, with the sale's prefix put back: each key shown as the lab's traffic is. */
    private static String withPrefix(String line, String prefix) {
        return Arrays.stream(line.split(" ", -1)).map(word -> word.startsWith(STAND_IN)
                ? RespText.argument(prefix + word.substring(STAND_IN.length())) : word)
                .collect(Collectors.joining(" "));
    }

    /** The SHA-1 that {@code SCRIPT LOAD} answers for the script. */
    public static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** The replies of a sale that is open, has sold nothing of {@link #STOCK} and has not seen the user. */
    private static List<Object> replies(List<String> sent, SaleKeys keys) {
        List<Object> replies = new ArrayList<>();
        int queued = -1;
        for (String line : sent) {
            String[] words = line.split(" ");
            String command = words[0];
            if (queued >= 0 && !command.equals("EXEC")) {
                queued++;
                replies.add(RawCalls.bytes("QUEUED"));
                continue;
            }
            switch (command) {
                case "WATCH", "UNWATCH" -> replies.add(RawCalls.bytes("OK"));
                case "MULTI" -> {
                    queued = 0;
                    replies.add(RawCalls.bytes("OK"));
                }
                case "EXEC" -> {
                    List<Object> done = new ArrayList<>();
                    for (int i = 0; i < queued; i++) {
                        done.add(1L);
                    }
                    queued = -1;
                    replies.add(done);
                }
                case "MGET" -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i < words.length; i++) {
                        values.add(value(unquoted(words[i]), keys));
                    }
                    replies.add(values);
                }
                case "GET" -> replies.add(value(unquoted(words[1]), keys));
                case "SISMEMBER" -> replies.add(0L);
                case "DECR" -> replies.add(STOCK - 1);
                case "EVALSHA", "EVAL" -> replies.add(0L);
                default -> replies.add(1L); // EXISTS, SADD, INCR, RPUSH: the key is there, the write done
            }
        }
        return replies;
    }

    private static Object value(String key, SaleKeys keys) {
        if (key.equals(keys.total())) {
            return RawCalls.bytes(Long.toString(STOCK));
        }
        if (key.equals(keys.num())) {
            return RawCalls.bytes("0");
        }
        return RawCalls.bytes("1"); // kill_flag
    }

    private static String unquoted(String word) {
        return word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")
                ? word.substring(1, word.length() - 1) : word;
    }
}
