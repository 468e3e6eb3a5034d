package seckill.ui.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Face;
import seckill.ui.form.FormViewModel;

/**
 * The three lessons of the race, one click away ({@code ui --lesson N}, the Lessons menu). All three run the same
 * sale (50 items, 1,000 users, 200 buyers at once on the event loop, one try each) and differ only in the strategy,
 * so that the strategy is what the class sees change. The event loop keeps all 200 buyers in flight at once, on any
 * machine: with threads, a small machine runs fewer of them at a time and the race it shows depends on it.
 */
@Face
public enum Lesson {
    /** Read, decide, write: oversells. */
    NAIVE_OVERSELLS(1, StrategyKind.NAIVE),
    /** WATCH/MULTI/EXEC without retries: correct, but stock is left while users lose (库存遗留). */
    WATCH_LEAVES_STOCK(2, StrategyKind.WATCH),
    /** One Lua script: correct, sells everything, fast. */
    LUA_SELLS_ALL(3, StrategyKind.LUA);

    static final long STOCK = 50;
    static final long USERS = 1_000;
    static final long POOL = 200;

    private final int number;
    private final StrategyKind strategy;

    Lesson(int number, StrategyKind strategy) {
        this.number = number;
        this.strategy = strategy;
    }

    /** 1, 2 or 3, as {@code --lesson} and the menu number them. */
    public int number() {
        return number;
    }

    public StrategyKind strategy() {
        return strategy;
    }

    /** "1, 2, 3". */
    public static String allowedNumbers() {
        return Arrays.stream(values()).map(l -> Integer.toString(l.number)).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException "must be 1, 2 or 3 (got 'x')" */
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

    /**
     * The lesson's sale on top of {@code base}: its strategy and load, one try per user, on the event loop, no
     * spread or pace, the default duration, one bucket; the prefix, seed, naive's gap and the Redis timeout stay as
     * given.
     */
    public SimulationConfig settings(SimulationConfig base) {
        return base.toBuilder().strategy(strategy).load(STOCK, USERS, POOL, 0).engine(EngineKind.LOOP)
                .spreadMs(0).paceS(0).durationS(ConfigField.DURATION.defaultValue()).buckets(1).build();
    }

    /**
     * The command-line options whose settings a lesson sets (as {@link #settings} does), so that {@code ui --lesson}
     * can refuse them rather than silently replace them.
     */
    public static List<String> optionsItSets() {
        return List.of("--strategy", ConfigField.STOCK.option(), ConfigField.USERS.option(), ConfigField.POOL.option(),
                ConfigField.RETRIES.option(), "--engine", ConfigField.SPREAD_MS.option(), ConfigField.PACE.option(),
                ConfigField.DURATION.option(), ConfigField.BUCKETS.option());
    }

    /** Puts the lesson's settings into the form (what stays as given: as {@link #settings}). */
    public void fill(FormViewModel form) {
        form.strategyProperty().set(strategy);
        form.stock().setValue(STOCK);
        form.users().setValue(USERS);
        form.pool().setValue(POOL);
        form.retries().setValue(0);
        form.spreadMs().setValue(0);
        form.pace().setValue(0);
        form.duration().setValue(ConfigField.DURATION.defaultValue());
        form.engineProperty().set(EngineKind.LOOP);
        form.buckets().setValue(1);
    }
}
