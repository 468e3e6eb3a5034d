package seckill.ui.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Face;
import seckill.ui.form.FormViewModel;

/**
 * The lessons of the race, one click away ({@code ui --lesson N}, the Lessons menu). The first three run the same
 * sale, the tutorial's ({@link ConfigField}'s defaults: its items, users and buyers at once), on the event loop with
 * one try each, and differ only in the strategy, so that the strategy is what the class sees change. The event loop
 * keeps every buyer in flight at once, on any machine: with threads, a small machine runs fewer of them at a time and
 * the race it shows depends on it. The fourth is the class's own: the students buy from their phones in a naive sale
 * of a few items, whose gap between read and write is long enough for taps a second apart to oversell.
 */
@Face
public enum Lesson {
    /** Read, decide, write: oversells. */
    NAIVE_OVERSELLS(1, StrategyKind.NAIVE),
    /** WATCH/MULTI/EXEC without retries: correct, but stock is left while users lose (库存遗留). */
    WATCH_LEAVES_STOCK(2, StrategyKind.WATCH),
    /** One Lua script: correct, sells everything, fast. */
    LUA_SELLS_ALL(3, StrategyKind.LUA),
    /** The class buys from its phones, naive: taps a second apart read the same stock, and the class oversells. */
    YOU_ARE_THE_BUYERS(4, StrategyKind.NAIVE, Map.of(ConfigField.STOCK, 10L, ConfigField.USERS, 1L,
            ConfigField.SPREAD_MS, 120_000L, ConfigField.NAIVE_GAP_MS, 1_000L, ConfigField.DURATION, 120L));

    /**
     * The numbers a lesson sets, each to its default in {@link ConfigField}: the tutorial's sale, one try per user,
     * no spread or pace, one bucket. The engine and the strategy are set too; the prefix, seed, naive's gap, trace,
     * replicas and the Redis timeout stay as given.
     */
    private static final List<ConfigField> SETS = List.of(ConfigField.STOCK, ConfigField.USERS, ConfigField.POOL,
            ConfigField.RETRIES, ConfigField.SPREAD_MS, ConfigField.PACE, ConfigField.DURATION, ConfigField.BUCKETS);

    private final int number;
    private final StrategyKind strategy;
    /** What this lesson sets otherwise than to the field's default. */
    private final Map<ConfigField, Long> own;

    Lesson(int number, StrategyKind strategy) {
        this(number, strategy, Map.of());
    }

    Lesson(int number, StrategyKind strategy, Map<ConfigField, Long> own) {
        this.number = number;
        this.strategy = strategy;
        this.own = own;
    }

    /** 1 to 4, as {@code --lesson} and the menu number them. */
    public int number() {
        return number;
    }

    public StrategyKind strategy() {
        return strategy;
    }

    /** Whether the class buys in it from their phones: choosing it lets the class join. */
    public boolean forTheClass() {
        return this == YOU_ARE_THE_BUYERS;
    }

    /** What the lesson sets a field to. */
    private long value(ConfigField field) {
        return own.getOrDefault(field, field.defaultValue());
    }

    /** The fields the lesson sets: the tutorial's sale's, and its own. */
    private List<ConfigField> sets() {
        return Stream.concat(SETS.stream(), own.keySet().stream().filter(f -> !SETS.contains(f)).sorted()).toList();
    }

    /** "1, 2, 3". */
    public static String allowedNumbers() {
        return Arrays.stream(values()).map(l -> Integer.toString(l.number)).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException "must be one of 1, 2, 3, 4 (got 'x')" */
    public static Lesson of(String text) {
        String t = text == null ? "" : text.strip();
        for (Lesson l : values()) {
            if (Integer.toString(l.number).equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowedNumbers() + " (got '"
                + ConfigField.oneLine(text == null ? "" : text) + "')");
    }

    /** The lesson's sale on top of {@code base}: its strategy on the event loop, and the numbers it {@link #SETS}. */
    public SimulationConfig settings(SimulationConfig base) {
        SimulationConfig.Builder sale = base.toBuilder().strategy(strategy).engine(EngineKind.LOOP);
        sets().forEach(field -> sale.set(field, value(field)));
        return sale.build();
    }

    /**
     * The command-line options whose settings a lesson sets (as {@link #settings} does), so that {@code ui --lesson}
     * can refuse them rather than silently replace them.
     */
    public List<String> optionsItSets() {
        return Stream.concat(Stream.concat(Stream.of("--strategy"), sets().stream().map(ConfigField::option)),
                Stream.of("--engine")).toList();
    }

    /** Puts the lesson's settings into the form (what stays as given: as {@link #settings}). */
    public void fill(FormViewModel form) {
        form.strategyProperty().set(strategy);
        form.engineProperty().set(EngineKind.LOOP);
        List<ConfigField> fields = sets();
        form.fields().stream().filter(f -> fields.contains(f.field())).forEach(f -> f.setValue(value(f.field())));
        // the class's lesson widens naive's gap; the others leave the one given (and undo the class's)
        form.setLessonNaiveGapMs(own.get(ConfigField.NAIVE_GAP_MS));
    }
}
