package seckill.ui.shell;

import java.nio.file.Path;
import java.util.List;

import seckill.report.Recording;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.students.StudentsAddress;
import seckill.ui.common.Face;
import seckill.ui.common.Language;
import seckill.ui.common.PresentationModel;
import seckill.ui.form.FormStart;
import seckill.ui.lessons.Lesson;

/**
 * What the {@code ui} command was given: the form's first values and how the window should behave.
 *
 * @param redisUrl     the URL given (may hold a password: kept in memory only, shown masked), or null
 * @param embedded     use an embedded redis-server
 * @param sale         the sale's settings, the form's first values
 * @param seedGiven    the sale's seed was given and is kept for every run; otherwise each run takes a new one
 * @param autostart    start the sale as soon as the window is up
 * @param watch        follow the sale under the prefix as soon as the window is up (another client drives it)
 * @param screenshot   write a PNG of the window once the sale has ended and the last poll is on screen, or null
 * @param exit         close after that, with the exit code of {@code run}
 * @param language     the window's language, or null for the system's
 * @param dark         start with the dark theme
 * @param pulseReport  print the longest gap between pulses while the sale ran, at exit
 * @param zoom         the window's first zoom in percent (100: as designed)
 * @param compare      strategies to race side by side ({@code --compare}), in the order given; empty for none
 * @param oneAtATime   with {@code compare}: one after another instead of at once
 * @param lesson       a lesson's settings, code and card on screen from the start (its settings over the sale's), or
 *                     null
 * @param present      open in presenter mode ({@code --present})
 * @param replay       a recorded sale to play again instead of any sale here ({@code --replay}), or null
 * @param record       where the first local run's recording goes once the screen has settled ({@code --record}),
 *                     before the screenshot; or null
 * @param report       where the JSON report of the first sale or comparison here goes once the screen has settled
 *                     ({@code --report}), as {@code run} writes it, before the screenshot; or null
 */
@Face
public record LaunchOptions(String redisUrl, boolean embedded, SimulationConfig sale, boolean seedGiven,
                            boolean autostart, boolean watch, Path screenshot, boolean exit, Language language,
                            boolean dark, boolean pulseReport, int zoom, List<StrategyKind> compare,
                            boolean oneAtATime, Lesson lesson, Replay replay, Path record,
                            Path report, boolean present, StudentsAddress students) {

    public LaunchOptions {
        sale = sale == null ? SimulationConfig.defaults() : sale;
        compare = compare == null ? List.of() : List.copyOf(compare);
        if (!PresentationModel.allowed(zoom)) {
            throw new IllegalArgumentException("zoom must be from " + PresentationModel.MIN_ZOOM + " to "
                    + PresentationModel.MAX_ZOOM + " %, not " + zoom);
        }
    }

    /** No comparison, no lesson. */
    public LaunchOptions(String redisUrl, boolean embedded, SimulationConfig sale, boolean seedGiven,
                         boolean autostart, boolean watch, Path screenshot, boolean exit, Language language,
                         boolean dark, boolean pulseReport, int zoom) {
        this(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language, dark, pulseReport,
                zoom, List.of(), false, null, null, null, null, false, null);
    }

    /** At 100 %. */
    public LaunchOptions(String redisUrl, boolean embedded, SimulationConfig sale, boolean seedGiven,
                         boolean autostart, boolean watch, Path screenshot, boolean exit, Language language,
                         boolean dark, boolean pulseReport) {
        this(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language, dark, pulseReport,
                PresentationModel.DEFAULT_ZOOM);
    }

    /** The tutorial's sale on the default Redis, nothing automatic: what a bare {@code ui} opens. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(null, false, SimulationConfig.defaults(), false, false, false, null, false, null,
                false, false);
    }

    public LaunchOptions withRedis(String url, String prefix) {
        return new LaunchOptions(url, embedded, sale.toBuilder().prefix(prefix).build(), seedGiven, autostart,
                watch, screenshot, exit, language, dark, pulseReport, zoom, compare, oneAtATime, lesson, replay,
                record, report, present, students);
    }

    public LaunchOptions withLanguage(Language newLanguage) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, newLanguage,
                dark, pulseReport, zoom, compare, oneAtATime, lesson, replay, record, report, present, students);
    }

    /** Strategies raced side by side as soon as Start is pressed. */
    public LaunchOptions withCompare(List<StrategyKind> strategies, boolean oneAfterAnother) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language,
                dark, pulseReport, zoom, strategies, oneAfterAnother, lesson, replay, record, report, present,
                students);
    }

    /** With the lesson's settings over the sale's, and its code and card on screen. */
    public LaunchOptions withLesson(Lesson chosen) {
        return new LaunchOptions(redisUrl, embedded, chosen == null ? sale : chosen.settings(sale), seedGiven,
                autostart, watch, screenshot, exit, language, dark, pulseReport, zoom, compare, oneAtATime, chosen,
                replay, record, report, present, students);
    }

    /**
     * A recorded sale played again as soon as the window is up ({@code ui --replay}).
     *
     * @param recording the sale
     * @param speed     recorded seconds per second, or NaN for the one that suits its length
     * @param gif       where its animation goes ({@code --gif}), 1280x720, or null
     */
    public record Replay(Recording recording, double speed, Path gif) {
    }

    /** With a recorded sale played again as soon as the window is up (null: none). */
    public LaunchOptions withReplay(Replay played) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language,
                dark, pulseReport, zoom, compare, oneAtATime, lesson, played, record, report, present, students);
    }

    /** With the first local run's recording written to that file once the screen has settled. */
    public LaunchOptions withRecord(Path file) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language,
                dark, pulseReport, zoom, compare, oneAtATime, lesson, replay, file, report, present, students);
    }

    /** With the JSON report of the first sale or comparison here written to that file once the screen has settled. */
    public LaunchOptions withReport(Path file) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language,
                dark, pulseReport, zoom, compare, oneAtATime, lesson, replay, record, file, present, students);
    }

    /** Opening in presenter mode ({@code --present}): the sale alone, large, with what happened after it. */
    public LaunchOptions withPresent(boolean on) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language,
                dark, pulseReport, zoom, compare, oneAtATime, lesson, replay, record, report, on, students);
    }

    /** With the class's server started as the window opens ({@code --students [ADDR:]PORT}; null: not). */
    public LaunchOptions withStudents(StudentsAddress bind) {
        return new LaunchOptions(redisUrl, embedded, sale, seedGiven, autostart, watch, screenshot, exit, language,
                dark, pulseReport, zoom, compare, oneAtATime, lesson, replay, record, report, present, bind);
    }

    /** What the form starts with. */
    public FormStart formStart() {
        return new FormStart(redisUrl, embedded, sale, seedGiven, compare, oneAtATime);
    }
}
