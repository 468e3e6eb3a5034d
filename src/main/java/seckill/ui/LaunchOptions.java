package seckill.ui;

import java.nio.file.Path;

import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;

/**
 * What the {@code ui} command was given: the form's first values and how the window should behave.
 *
 * @param redisUrl     the URL given (may hold a password: kept in memory only, shown masked), or null
 * @param seed         null for a new seed each run
 * @param engine       how the buyers are played (threads, or one event loop)
 * @param autostart    start the sale as soon as the window is up
 * @param screenshot   write a PNG of the window once the sale has ended and the last poll is on screen, or null
 * @param exit         close after that, with the exit code of {@code run}
 * @param lang         {@code en}, {@code zh}, or null for the system's language
 * @param dark         start with the dark theme
 * @param pulseReport  print the longest gap between pulses while the sale ran, at exit
 */
public record LaunchOptions(String redisUrl, boolean embedded, String prefix, int redisTimeoutS, StrategyKind strategy,
                            long stock, long users, long pool, long durationS, long retries, long spreadMs, Long seed,
                            boolean join, long naiveGapMs, EngineKind engine, boolean autostart, Path screenshot, boolean exit,
                            String lang, boolean dark, boolean pulseReport) {

    public LaunchOptions {
        prefix = prefix == null ? "" : prefix;
        strategy = strategy == null ? StrategyKind.WATCH : strategy;
        engine = engine == null ? EngineKind.THREADS : engine;
    }

    /** The tutorial's sale on the default Redis, nothing automatic: what a bare {@code ui} opens. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(null, false, "", (int) ConfigField.REDIS_TIMEOUT.defaultValue(), StrategyKind.WATCH,
                ConfigField.STOCK.defaultValue(), ConfigField.USERS.defaultValue(), ConfigField.POOL.defaultValue(),
                ConfigField.DURATION.defaultValue(), ConfigField.RETRIES.defaultValue(),
                ConfigField.SPREAD_MS.defaultValue(), null, false, ConfigField.NAIVE_GAP_MS.defaultValue(),
                EngineKind.THREADS, false, null, false, null, false, false);
    }

    public LaunchOptions withRedis(String url, String newPrefix) {
        return new LaunchOptions(url, embedded, newPrefix, redisTimeoutS, strategy, stock, users, pool, durationS,
                retries, spreadMs, seed, join, naiveGapMs, engine, autostart, screenshot, exit, lang, dark,
                pulseReport);
    }

    public LaunchOptions withLang(String newLang) {
        return new LaunchOptions(redisUrl, embedded, prefix, redisTimeoutS, strategy, stock, users, pool, durationS,
                retries, spreadMs, seed, join, naiveGapMs, engine, autostart, screenshot, exit, newLang, dark,
                pulseReport);
    }
}
