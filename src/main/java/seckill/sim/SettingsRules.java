package seckill.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import seckill.redis.RedisTarget;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.util.Problem;
import seckill.util.Problem.Kind;

/**
 * Every rule a sale's settings obey, in one place: what a number typed means ({@link #parse}), each number's range
 * from {@link ConfigField} ({@link #checkField}) and the rules between settings. The engine ({@link SimulationConfig}
 * refuses to exist otherwise), the command line and the form all ask here, and each words the {@link Problem}s in
 * its own language and place: a number's problem leaves out which setting it is about, so that the form can say it
 * under the field's label and picocli after the option's name; {@link #named} puts the option first for the rest.
 */
public final class SettingsRules {
    /**
     * Digits, with an optional sign; or digit groups of three after a first of one to three, all split by the same
     * separator: "20,000", "1_000", "20，000" (a full-width comma, as a Chinese keyboard types it). Not "1,5", which
     * could be fifteen or one and a half.
     */
    private static final Pattern NUMBER = Pattern.compile("([+-]?)(\\d+|[1-9]\\d{0,2}(?:([,_，])\\d{3})(?:\\3\\d{3})*)");
    /** What a quoted text is cut to: enough to recognise it, not a paragraph on one line. */
    private static final int QUOTED = 24;

    private SettingsRules() {
    }

    /**
     * What a text means for a field: its value, or why it is none.
     *
     * @param value   the number, when {@code problem} is null
     * @param problem what is wrong with the text, not naming the field
     */
    public record Parsed(long value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** The one reading of a number typed, for the command line and the form alike; surrounding blanks are ignored. */
    public static Parsed parse(ConfigField field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return refused(Problem.of(Kind.NUMBER_EMPTY, range(field)));
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            return refused(Problem.of(Kind.NUMBER_MALFORMED, range(field), quoted(t)));
        }
        String digits = m.group(3) == null ? m.group(2) : m.group(2).replace(m.group(3), "");
        boolean negative = m.group(1).equals("-") && !digits.matches("0+");
        if (negative && field.min() >= 0) {
            return refused(Problem.of(Kind.NUMBER_NEGATIVE, range(field)));
        }
        long value;
        try {
            value = Long.parseLong(m.group(1) + digits);
        } catch (NumberFormatException beyondALong) {
            return refused(negative ? Problem.of(Kind.NUMBER_ABSURDLY_SMALL, range(field), field.min())
                    : Problem.of(Kind.NUMBER_ABSURD, range(field), field.max()));
        }
        Problem outside = checkField(field, value);
        return outside != null ? refused(outside) : new Parsed(value, null);
    }

    private static Parsed refused(Problem problem) {
        return new Parsed(0, problem);
    }

    /** Why the value is not in the field's range, not naming the field; null when it is. */
    public static Problem checkField(ConfigField field, long value) {
        if (value >= field.min() && value <= field.max()) {
            return null;
        }
        if (value < 0 && field.min() >= 0) {
            return Problem.of(Kind.NUMBER_NEGATIVE, range(field));
        }
        if (value == 0 && field.min() == 1) {
            return Problem.of(Kind.NUMBER_ZERO, range(field));
        }
        return Problem.of(Kind.NUMBER_OUT_OF_RANGE, range(field), value);
    }

    /** "from 1 to 100,000,000" as a problem's part, for each language to word. */
    public static Problem range(ConfigField field) {
        boolean anyLong = field.min() == Long.MIN_VALUE && field.max() == Long.MAX_VALUE;
        return Problem.of(anyLong ? Kind.RANGE_UNGROUPED : Kind.RANGE, field.min(), field.max());
    }

    /** A field's problem with the field's option before it: "--stock must be …". */
    public static Problem named(ConfigField field, Problem problem) {
        return Problem.of(Kind.SETTING, field.option(), problem);
    }

    /**
     * Every problem of these settings, each number's range first (named), then the rules between them; empty when a
     * sale can be run with them. The seed takes any long and is not checked.
     */
    public static List<Problem> check(SimulationConfig.Builder settings) {
        List<Problem> problems = new ArrayList<>();
        for (ConfigField field : ConfigField.values()) {
            Problem p = field == ConfigField.SEED || studentsAlone(field, settings) ? null
                    : checkField(field, settings.get(field));
            if (p != null) {
                problems.add(named(field, p));
            }
        }
        if (settings.strategy() == null) {
            problems.add(Problem.of(Kind.NO_STRATEGY, StrategyKind.allowedNames()));
        }
        Stream.of(paceProblem(settings.get(ConfigField.PACE), settings.get(ConfigField.SPREAD_MS),
                        settings.get(ConfigField.DURATION)),
                engineProblem(settings.engine(), settings.get(ConfigField.WAIT_REPLICAS)),
                bucketsProblem(settings.prefix(), settings.get(ConfigField.BUCKETS), settings.get(ConfigField.STOCK),
                        settings.get(ConfigField.TRACE)))
                .filter(Objects::nonNull).forEach(problems::add);
        return problems;
    }

    /** No simulated user at all: allowed when people buy ({@code --students}), the sale being theirs alone. */
    private static boolean studentsAlone(ConfigField field, SimulationConfig.Builder settings) {
        return field == ConfigField.USERS && settings.students() && settings.get(field) == 0;
    }

    /** A pace spreads the arrivals itself, and the sale closes after its duration: said of the pace. */
    public static Problem paceProblem(long paceS, long spreadMs, long durationS) {
        if (paceS > 0 && spreadMs > 0) {
            return Problem.of(Kind.PACE_AND_SPREAD);
        }
        return paceS > durationS ? Problem.of(Kind.PACE_OVER_DURATION, durationS) : null;
    }

    /**
     * Buckets above one need a prefix with a hash tag to number them in, at most one per item of stock, and no
     * trace (a trace reads one sale's record): said of the buckets.
     */
    public static Problem bucketsProblem(String prefix, long buckets, long stock, long traceBuyers) {
        if (buckets <= 1) {
            return null;
        }
        Problem untagged = SaleKeys.bucketsProblem(prefix == null ? "" : prefix,
                (int) Math.min(buckets, Integer.MAX_VALUE));
        if (untagged != null) {
            return untagged;
        }
        if (buckets > stock) {
            return Problem.of(Kind.BUCKETS_OVER_STOCK, stock);
        }
        return traceBuyers > 0 ? Problem.of(Kind.BUCKETS_AND_TRACE) : null;
    }

    /** The event loop does not wait for replicas: said of the engine (the form has no field for the replicas). */
    public static Problem engineProblem(EngineKind engine, long waitReplicas) {
        return engine == EngineKind.LOOP && waitReplicas > 0 ? Problem.of(Kind.WAIT_REPLICAS_LOOP) : null;
    }

    /** The event loop speaks plain TCP only: it cannot reach a TLS server. */
    public static Problem engineProblem(EngineKind engine, RedisTarget target) {
        return engine == EngineKind.LOOP && target.tls() ? Problem.of(Kind.LOOP_NO_TLS) : null;
    }

    /** The strategies of a comparison: at least one, each once; not naming {@code --compare}. */
    public static Problem lineupProblem(List<StrategyKind> strategies) {
        if (strategies.isEmpty()) {
            return Problem.of(Kind.COMPARE_EMPTY, StrategyKind.allowedNames());
        }
        if (new HashSet<>(strategies).size() < strategies.size()) {
            return Problem.of(Kind.COMPARE_TWICE, strategies.stream().map(StrategyKind::cliName)
                    .collect(Collectors.joining(", ")));
        }
        return null;
    }

    /**
     * A comparison runs every strategy it lists, so not beside a strategy given on its own; running them one after
     * another needs a comparison; a start time is one sale's.
     */
    public static Problem compareProblem(boolean comparing, boolean strategyGiven, boolean oneAtATime,
                                         boolean startAtGiven) {
        if (comparing && strategyGiven) {
            return Problem.of(Kind.COMPARE_AND_STRATEGY);
        }
        if (oneAtATime && !comparing) {
            return Problem.of(Kind.ONE_AT_A_TIME_ALONE);
        }
        return comparing && startAtGiven ? Problem.of(Kind.START_AT_COMPARE) : null;
    }

    /** What was typed, short and on one line: a newline inside it is shown as \n, not obeyed. */
    private static String quoted(String text) {
        String t = ConfigField.oneLine(text);
        return t.length() <= QUOTED ? t : t.substring(0, QUOTED) + "…";
    }
}
