package seckill.ui.code;

import java.util.List;
import java.util.Locale;

import seckill.sale.StrategyKind;
import seckill.ui.trace.TraceViewModel;

/**
 * A step of a purchase's conversation with Redis, as the code panel highlights it: what a traced round trip was
 * doing. The steps are the strategies' round trips: watch and naive READ then WRITE, lua one SCRIPT, decr CLAIM,
 * TAKE, COMMIT.
 */
public enum CodeStep {
    /** WATCH with the reads (watch), or the plain reads (naive). */
    READ,
    /** MULTI … EXEC (watch), or the unguarded writes (naive). */
    WRITE,
    /** EVALSHA purchase.lua (lua). */
    SCRIPT,
    /** EXISTS the flag and SADD the user (decr). */
    CLAIM,
    /** DECR the stock counter (decr). */
    TAKE,
    /** EVALSHA decr_commit.lua (decr). */
    COMMIT;

    /**
     * The step a round trip was, from its commands as a trace records them ({@code redis-cli} lines); null when
     * none (an UNWATCH after a refusal, an item given back).
     */
    public static CodeStep of(List<String> sent) {
        if (sent == null || sent.isEmpty()) {
            return null;
        }
        for (String line : sent) {
            String[] words = line.split(" ");
            String command = words[0].toUpperCase(Locale.ROOT);
            if (command.equals("EVALSHA") || command.equals("EVAL")) {
                // purchase.lua takes 6 keys, decr_commit.lua 7 (the stock counter too)
                return words.length > 2 && words[2].equals("7") ? COMMIT : SCRIPT;
            }
        }
        String command = sent.get(0).split(" ", 2)[0].toUpperCase(Locale.ROOT);
        String second = sent.size() > 1 ? sent.get(1).split(" ", 2)[0].toUpperCase(Locale.ROOT) : "";
        return switch (command) {
            case "WATCH", "GET", "MGET" -> READ;
            case "MULTI" -> WRITE;
            case "DECR" -> TAKE;
            case "EXISTS" -> second.equals("SADD") ? CLAIM : READ;
            case "INCR" -> second.equals("RPUSH") ? WRITE : null;
            default -> null;
        };
    }

    /** The step the trace's timeline is at, for the code panel to light up; null when none. */
    public static CodeStep of(TraceViewModel.Step step) {
        if (step == null) {
            return null;
        }
        return switch (step.kind()) {
            case WATCH_READ, NAIVE_READ -> READ;
            case EXEC, NAIVE_WRITE -> WRITE;
            case EVALSHA -> step.arrow() == TraceViewModel.Arrow.SEND && of(step.lines()) == COMMIT ? COMMIT : SCRIPT;
            case DECR_CLAIM -> CLAIM;
            case DECR_COUNT -> TAKE;
            case OTHER_WRITE, OTHER -> null;
        };
    }

    /** The steps of a strategy's winning attempt, in order, one per round trip. */
    public static List<CodeStep> of(StrategyKind kind) {
        return switch (kind) {
            case WATCH, NAIVE -> List.of(READ, WRITE);
            case LUA -> List.of(SCRIPT);
            case DECR -> List.of(CLAIM, TAKE, COMMIT);
        };
    }
}
