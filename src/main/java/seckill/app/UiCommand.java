package seckill.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import seckill.report.Exports;
import seckill.report.Recording;
import seckill.report.RecordingReader;
import seckill.ui.animation.AnimationExport;
import seckill.ui.common.Language;
import seckill.ui.common.PresentationModel;
import seckill.ui.lessons.Lesson;
import seckill.ui.replay.ReplayModel;
import seckill.ui.shell.DashboardApp;
import seckill.ui.shell.LaunchOptions;
import seckill.util.ProblemException;
import seckill.util.Verdict;

/** {@code ui}: opens the dashboard, its form filled from the same options as {@code run}. */
@Command(name = "ui", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open the dashboard (the default command).",
        footer = {"", "Keys: F5 or Ctrl+Enter start, Esc or Ctrl+. stop, Ctrl+W watch, Ctrl+R reset, Ctrl+K connect,",
            "Ctrl+S screenshot, Ctrl+E winners CSV, Ctrl+J report JSON, Ctrl+D dark theme, Ctrl+L language,",
            "Ctrl+= / Ctrl+- / Ctrl+0 zoom in / out / back to 100 %%, F11 full screen, Ctrl+B fold the form away,",
            "F1 all keys, Ctrl+Q quit. With --exit the window closes after the sale and exits with run's codes.",
            "Ctrl+U shows the strategy's code; Ctrl+1, Ctrl+2, Ctrl+3 choose a lesson (the Lessons menu);",
            "Ctrl+T the trace's timeline (after a run with --trace); Ctrl+M what Redis sees (sampled commands)."})
public final class UiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions sale;

    @Mixin
    RedisOptions redis;

    @Mixin
    CompareOptions compare;

    @Option(names = "--one-at-a-time", description = "With --compare: the strategies one after another, in the "
            + "order listed, instead of all at once (fairer for speed; the window says so).")
    boolean oneAtATime;

    @Option(names = "--autostart", description = "Start the sale as soon as the window opens.")
    boolean autostart;

    @Option(names = "--watch", description = "Follow the sale under --prefix as soon as the window opens, driven by "
            + "another client (the tutorial's script, another run --join); with --exit, close once it has ended and "
            + "been audited.")
    boolean watch;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Write a PNG of the window once the sale has ended and the last poll is on screen.")
    Path screenshot;

    @Option(names = "--exit", description = "Close the window after that (and after the screenshot), exiting with "
            + "run's codes.")
    boolean exit;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the window: en or zh (default: the "
            + "system's).")
    Language lang;

    @Option(names = "--dark", description = "Start with the dark theme.")
    boolean dark;

    @Option(names = "--zoom", paramLabel = "PERCENT", converter = FieldConverters.Zoom.class,
            description = "Zoom for a projector: every text and the charts at this size, from 50 to 300 (default: "
            + "100).")
    int zoom = PresentationModel.DEFAULT_ZOOM;

    @Option(names = "--lesson", paramLabel = "1|2|3|4", converter = LessonConverter.class,
            description = "Open on a lesson: its settings (the sale options it sets cannot be given with it), its "
            + "strategy's code and a card saying what to look at. 1: naive oversells; 2: WATCH without retries "
            + "leaves stock unsold (库存遗留) while users lose; 3: one Lua script is correct, sells everything and is "
            + "fast.")
    Lesson lesson;

    @Option(names = "--replay", paramLabel = "FILE", description = "Play a sale recorded with run --record again, "
            + "slowed down, on the dashboard: nothing connects to Redis (Start still runs a sale here afterwards). "
            + "With --exit, close at its end with the recorded sale's exit code.")
    Path replay;

    @Option(names = "--speed", paramLabel = "X", converter = SpeedConverter.class, description = "With --replay: "
            + "recorded seconds per second on screen, from 0.01 (or 1/100) to 8 (default: the sale lasts about 17 s "
            + "on screen).")
    Double speed;

    @Option(names = "--gif", paramLabel = "OUT.gif", converter = FieldConverters.GifFile.class,
            description = "With --replay: render the recorded sale as a looping animated GIF for slides, 1280x720, 10 "
            + "frames a second at --speed (default: it lasts about 17 s), its last frame held 3 s; offscreen, with "
            + "its progress beside the window. With --exit, close once it is written.")
    Path gif;

    @Option(names = "--record", paramLabel = "FILE", converter = FieldConverters.RecordFile.class,
            description = "Record the first sale (or comparison) run here to FILE as run --record does (gzipped "
            + "when FILE ends in .gz), once it has ended and the screen has settled, before --screenshot and --exit. "
            + "Not with --replay or --watch.")
    Path record;

    @Option(names = "--present", description = "Open in presenter mode (F6 in the window): the sale alone, its "
            + "tiles, verdict and charts large, and after each sale what happened in plain words; the form, menus and "
            + "bars away (the keys still work).")
    boolean present;

    @Option(names = "--pulse-report", description = "At exit, print the longest gap between two frames while the "
            + "sale ran, after its first second (how smooth the window stayed), and how many points the charts drew.")
    boolean pulseReport;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (watch && autostart) {
            throw new ParameterException(spec.commandLine(), "--watch and --autostart: choose one (watch a sale "
                    + "another client drives, or start one here)");
        }
        compare.check(spec, oneAtATime, false);
        refuseWhatTheLessonSets();
        if (compare.given() && watch) {
            throw new ParameterException(spec.commandLine(), "--compare and --watch: choose one");
        }
        refuseRecordWithoutARun();
        Recording recording = replayed();
        if (recording != null && sale.report() != null && !WindowJvm.isChild()) {
            writeRecordedReport(recording, sale.report());
        }
        LaunchOptions options = new LaunchOptions(redis.url(), redis.embedded(), sale.toConfig(redis),
                sale.seedGiven(), !watch && recording == null && (autostart || exit), watch, screenshot, exit, lang,
                dark, pulseReport, zoom)
                .withCompare(compare.given() ? compare.strategies() : java.util.List.of(), oneAtATime)
                .withLesson(lesson).withReplay(recording == null ? null : new LaunchOptions.Replay(recording,
                        speed == null ? Double.NaN : speed, gif)).withRecord(record)
                .withPresent(present).withStudents(recording == null ? sale.students() : null)
                // a replay's report is the recorded one, written above
                .withReport(recording == null ? sale.report() : null);
        var again = WindowJvm.forThisJvm(spec.root().commandLine().getParseResult().originalArgs());
        if (again.isPresent()) {
            out.flush();
            err.flush();
            try {
                return WindowJvm.run(again.get());
            } catch (java.io.IOException e) {
                // no second JVM here: the window opens in this one
            }
        }
        DashboardApp.Outcome outcome;
        int signalled;
        // a signal, or the JVM that started this one gone, closes the window as quitting does: its sale stopped and
        // closed, as run does on a stop
        try (StopSignals signals = new StopSignals(DashboardApp::closeFromOutside)) {
            WindowJvm.watchParent(DashboardApp::closeFromOutside);
            // what the window has to tell the console (the class's join address) goes out at once
            outcome = DashboardApp.launchWith(options, redis.connector(), line -> {
                out.println(line);
                out.flush();
            });
            signalled = signals.exitCode();
        } catch (RuntimeException e) {
            // typically no display: one clear line, not a stack trace
            err.println("error: cannot open the dashboard window: " + e.getMessage());
            err.println("(no display? run it under a desktop session or xvfb-run; the command line works without)");
            err.flush();
            return ExitCodes.FAILED;
        }
        if (!printOutcome(outcome, out, err)) {
            return ExitCodes.FAILED;
        }
        return signalled != 0 ? signalled : exitCode(outcome, recording, err);
    }

    /** What the command exits with once the window has closed by itself or by the user. */
    private int exitCode(DashboardApp.Outcome outcome, Recording recording, PrintWriter err) {
        if (!exit) {
            return ExitCodes.OK;
        }
        if (outcome.error() != null && outcome.verdict() != Verdict.OK) {
            // as run says it: one line, naming the Redis
            err.println("error: " + outcome.error());
            err.flush();
        }
        // a replay exits as the recorded run did (signals included), unless the window itself failed
        return recording != null && outcome.verdict() != Verdict.FAILED
                ? ((Number) recording.end().fields().getOrDefault("exit_code", 0)).intValue()
                : ExitCodes.of(outcome.verdict());
    }

    /** The pulse report and what {@code --gif} wrote, as asked; false when the animation could not be written. */
    private boolean printOutcome(DashboardApp.Outcome outcome, PrintWriter out, PrintWriter err) {
        if (pulseReport) {
            out.println(String.format(Locale.ROOT, "Pulses      longest gap %.1f ms (%.1f s into the run), mean %.1f "
                    + "ms over %,d frames while the sale ran; longest frame work %.1f ms", outcome.maxPulseGapMs(),
                    outcome.maxGapAtS(), outcome.meanPulseGapMs(), outcome.frames(), outcome.maxWorkMs()));
            out.println(String.format(Locale.ROOT, "Charts      %,d points over %.1f s (%.1f a second), longest "
                    + "step between two %.0f ms", outcome.chartPoints(), outcome.chartSpanS(),
                    outcome.chartSpanS() > 0 ? outcome.chartPoints() / outcome.chartSpanS() : 0,
                    outcome.longestChartStepS() * 1000));
            out.flush();
        }
        if (outcome.gif() != null) {
            AnimationExport.Result gifDone = outcome.gif();
            out.println(String.format(Locale.ROOT, "Animation   %s: %d frames, %.1f MB, %.1f s long (%dx%d, %d "
                    + "frames a second), made in %.1f s", gifDone.file(), gifDone.frames(), gifDone.bytes() / 1e6,
                    gifDone.seconds(), AnimationExport.WIDTH, AnimationExport.HEIGHT, AnimationExport.FPS,
                    gifDone.renderSeconds()));
            out.flush();
        }
        if (outcome.gifProblem() != null) {
            err.println("error: --gif: " + outcome.gifProblem());
            err.flush();
            return false;
        }
        return true;
    }

    /** A lesson sets some sale options itself: they cannot be given with it. */
    private void refuseWhatTheLessonSets() {
        if (lesson == null) {
            return;
        }
        List<String> overridden = lesson.optionsItSets().stream()
                .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!overridden.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--lesson " + lesson.number() + " sets "
                    + String.join(", ", overridden) + " itself: give the lesson or the option(s), not both");
        }
    }

    /** {@code --record} records a sale (or comparison) run here: not a replay or a watched sale. */
    private void refuseRecordWithoutARun() {
        if (record == null) {
            return;
        }
        var parsed = spec.commandLine().getParseResult();
        for (String other : List.of("--replay", "--watch")) {
            if (parsed.hasMatchedOption(other)) {
                throw new ParameterException(spec.commandLine(), "--record and " + other + ": choose one (--record "
                        + "records one sale run here, in the window)");
            }
        }
    }

    /**
     * {@code --report FILE} beside {@code --replay}: the report the recorded run wrote, as it was (the replay changes
     * nothing in it), written before the window opens.
     */
    void writeRecordedReport(Recording recording, Path file) {
        String json = recording.reportJson();
        if (json == null) {
            throw new ParameterException(spec.commandLine(), "--report with --replay: " + replay
                    + " holds no report (recorded before recordings kept one); replay it without --report");
        }
        try {
            Exports.writeAtomically(file, json + System.lineSeparator());
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "--report: cannot write " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** The recording {@code --replay} names, read whole before any window opens; null without it. */
    private Recording replayed() {
        if (replay == null) {
            if (speed != null || gif != null) {
                throw new ParameterException(spec.commandLine(), (speed != null ? "--speed" : "--gif")
                        + " goes with --replay FILE");
            }
            return null;
        }
        var parsed = spec.commandLine().getParseResult();
        for (String other : List.of("--autostart", "--watch", "--compare", "--lesson")) {
            if (parsed.hasMatchedOption(other)) {
                throw new ParameterException(spec.commandLine(), "--replay and " + other + ": choose one (a recorded "
                        + "sale plays again, nothing runs here)");
            }
        }
        try {
            return RecordingReader.read(replay);
        } catch (ProblemException e) {
            throw new ParameterException(spec.commandLine(), "--replay: " + e.getMessage());
        }
    }

    /** {@code --speed}: a number or a fraction (1/20), from 1/100 to 8. */
    public static final class SpeedConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double x;
            try {
                int slash = value.indexOf('/');
                x = slash < 0 ? Double.parseDouble(value.trim())
                        : Double.parseDouble(value.substring(0, slash).trim())
                        / Double.parseDouble(value.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (!(x >= ReplayModel.MIN_SPEED && x <= ReplayModel.MAX_SPEED)) {
                throw new TypeConversionException("'" + value + "' is not a speed from 0.01 (1/100) to 8");
            }
            return x;
        }
    }

    /** {@code --lesson}: 1 to 4. */
    public static final class LessonConverter implements ITypeConverter<Lesson> {
        @Override
        public Lesson convert(String value) {
            try {
                return Lesson.of(value);
            } catch (IllegalArgumentException e) {
                // picocli names the option itself: "Invalid value for option '--lesson': must be one of 1, 2, 3 …"
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
