package seckill.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import seckill.redis.RedisConnector;
import seckill.service.LabService;
import seckill.service.RedisLabService;
import seckill.sim.BackgroundThreads;
import seckill.ui.animation.AnimationExport;
import seckill.ui.buckets.BucketsPanel;
import seckill.ui.cluster.ClusterModel;
import seckill.ui.cluster.ClusterPanel;
import seckill.ui.code.CodePanel;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Handoff;
import seckill.ui.common.I18n;
import seckill.ui.common.Panel;
import seckill.ui.common.Themes;
import seckill.ui.lessons.LessonPanel;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.WinnersPanel;
import seckill.ui.monitor.MonitorPanel;
import seckill.ui.present.WhatHappenedPanel;
import seckill.ui.replay.ReplayPanel;
import seckill.ui.students.ClassRoomLink;
import seckill.ui.students.StudentsModel;
import seckill.ui.students.StudentsPanel;
import seckill.util.Verdict;

/**
 * Puts the window together: language, theme, view model, view, the per-frame pump, and what the launch options ask
 * for (start at once, a screenshot once the sale has settled, closing after it). The application and the window
 * tests both build the window through here.
 */
public final class Dashboard implements AutoCloseable {
    static final double WIDTH = 1600;
    static final double HEIGHT = 1000;
    /** The narrowest window in which the form, the tiles, the charts and the table all fit at 100 %. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    private final LaunchOptions options;
    private final I18n i18n;
    private final Themes themes;
    private final Handoff handoff = new Handoff();
    private final ExecutorService worker;
    private final DashboardViewModel model;
    private final FxPump pump;
    private final ClusterModel cluster = new ClusterModel();
    /** The class joining from their phones: whoever runs the join server fills it in and sets its callbacks. */
    private final StudentsModel students = new StudentsModel();
    /** Where a line for the console goes ({@link #sayingTo}). */
    private Consumer<String> console = line -> { };
    /** The Students panel tied to the lab's class room. */
    private final ClassRoomLink classRoom;
    private final LabService.ClusterWatch clusterWatch;
    /** Every panel of the window; the view places each where it says. */
    private final List<Panel> panels;
    private DashboardView view;
    private Stage stage;
    /** The animation {@code --gif} asked for, done when written or refused (done at once without one). */
    private CompletableFuture<?> gif = CompletableFuture.completedFuture(null);
    private AnimationExport.Result gifDone;
    private String gifProblem;
    /** The first local run's recording was written ({@code ui --record}). */
    private boolean recorded;
    private boolean reported;

    public Dashboard(LaunchOptions options, RedisConnector connector) {
        this.options = options;
        this.i18n = new I18n(I18n.resolve(options.language()));
        this.themes = new Themes(options.dark());
        AtomicInteger n = new AtomicInteger();
        this.worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "seckill-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RedisLabService service = new RedisLabService(connector, BackgroundThreads::new);
        this.model = new DashboardViewModel(service, worker, handoff);
        this.clusterWatch = service.watchCluster(view -> handoff.post(() -> cluster.accept(view)));
        this.pump = new FxPump(handoff, model);
        this.panels = List.of(
                new WhatHappenedPanel(model.verdict().resultProperty()),
                new ReplayPanel(model.replay()),
                new LessonPanel(model.lessons(), model.code()),
                new WinnersPanel(model.live().winners()),
                new BucketsPanel(model.live().buckets()),
                new CodePanel(model.code()),
                new StudentsPanel(students),
                new MonitorPanel(model.commands()),
                new ClusterPanel(cluster));
        this.classRoom = new ClassRoomLink(service, students, new BackgroundTasks(worker, handoff), handoff, i18n,
                options.students());
        model.onNewSale(() -> panels.forEach(Panel::reset));
        model.form().fill(options.formStart());
        // the class's own lesson lets the class join
        model.lessons().lessonProperty().addListener((obs, was, lesson) -> {
            if (lesson != null && lesson.forTheClass()) {
                classRoom.open(() -> { });
            }
        });
        if (options.lesson() != null) {
            model.lessons().choose(options.lesson());
        }
        model.presentation().setZoom(options.zoom());
        model.presentation().presentingProperty().set(options.present());
    }

    /** Tells the console what the window has to say there (the class's join address); before {@link #show}. */
    public Dashboard sayingTo(Consumer<String> lines) {
        this.console = lines;
        return this;
    }

    /** Builds the window on the stage and shows it; FX thread. */
    public Dashboard show(Stage window) {
        this.stage = window;
        view = new DashboardView(model, panels, i18n, themes, new AnimationExport(i18n, themes,
                new BackgroundTasks(worker, handoff)), window::close);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(Themes.stylesheet());
        // the title names the lab and the prefix, never the Redis URL (it may carry a password)
        window.titleProperty().bind(i18n.binding("app.window"));
        window.setScene(scene);
        // a classroom projector: 1024x768 or 1280x720 shows every figure whole (tiles wrap, the form scrolls)
        window.setMinWidth(MIN_WIDTH);
        window.setMinHeight(MIN_HEIGHT);
        window.show();
        pump.start();
        if (options.exit()) {
            model.slowMotion().offerOnly(); // the window closes as the sale settles: no slow motion by itself
        }
        if (options.screenshot() != null || options.exit() || options.record() != null || options.report() != null) {
            model.live().settledProperty().addListener((obs, was, settled) -> {
                if (settled) {
                    afterSettled();
                }
            });
        }
        if (options.replay() != null) {
            replay(options.replay());
        } else if (options.students() != null || options.lesson() != null && options.lesson().forTheClass()) {
            // the class room opens first, so that the sale started next is the class's
            classRoom.open(() -> {
                announceClass();
                begin();
            });
        } else {
            begin();
        }
        return this;
    }

    /** The join address on the console too, as {@code run --students} prints it: for the teacher to pass on. */
    private void announceClass() {
        String url = students.urlProperty().get();
        if (students.runningProperty().get() && url != null) {
            console.accept("Students join at " + url);
        }
    }

    /** What the command line asked to do as the window opens: start a sale, watch one, or nothing. */
    private void begin() {
        if (options.autostart()) {
            model.start();
        } else if (options.watch()) {
            model.watch();
        }
    }

    /** {@code ui --replay}: the recording plays, and its animation renders when {@code --gif} asks for one. */
    private void replay(LaunchOptions.Replay played) {
        model.replay(played.recording());
        if (!Double.isNaN(played.speed())) {
            model.replay().setSpeed(played.speed());
        }
        if (played.gif() != null) {
            gif = view.animations().export(played.gif(), AnimationExport.WIDTH, AnimationExport.HEIGHT, played.speed())
                    .whenComplete((done, error) -> {
                        gifDone = done;
                        gifProblem = error == null ? null : i18n.format(model.status().messageProperty().get());
                    });
        }
    }

    private void afterSettled() {
        if (options.report() != null && !reported && model.exports().reportReadyProperty().get()) {
            // the first sale's or comparison's report (ui --report), before the recording and the picture
            reported = true;
            model.exports().report(options.report()).whenComplete((path, error) -> afterSettled());
        } else if (options.record() != null && !recorded && (model.verdict().resultProperty().get() != null
                || model.compare().shownResult() != null)) {
            // the first local run's (or comparison's) recording (ui --record), before the picture; a failure is in
            // the status line
            recorded = true;
            model.exports().recording(options.record()).whenComplete((path, error) -> screenshotThenClose());
        } else {
            screenshotThenClose();
        }
    }

    private void screenshotThenClose() {
        Path file = options.screenshot();
        if (file == null) {
            closeIfAsked();
            return;
        }
        // a tile whose figure just changed picks its size in one layout pass and gets it in the next: take both
        // before the picture, so that the last figures show whole
        view.applyCss();
        view.layout();
        view.exports().screenshot(file).whenComplete((path, error) -> closeIfAsked());
    }

    /** With {@code --exit}: closes once the sale has settled and its animation, if asked for, is written. */
    private void closeIfAsked() {
        if (options.exit()) {
            gif.whenComplete((done, error) -> stage.close());
        }
    }

    /** What {@code --gif} wrote; null when it wrote nothing (or was not asked). */
    AnimationExport.Result gifDone() {
        return gifDone;
    }

    /** Why {@code --gif} wrote nothing, in the window's words; null when it did (or was not asked). */
    String gifProblem() {
        return gifProblem;
    }

    public DashboardViewModel model() {
        return model;
    }

    /** The window's panel of this kind; for the window tests. */
    public <P extends Panel> P panel(Class<P> kind) {
        return panels.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
    }

    /** The Students panel's model, for the join server to fill in; FX thread. */
    public StudentsModel students() {
        return students;
    }

    public DashboardView view() {
        return view;
    }

    public I18n i18n() {
        return i18n;
    }

    public Themes themes() {
        return themes;
    }

    Handoff handoff() {
        return handoff;
    }

    /** What {@code ui --exit} reports: as {@code run} would for its sale. */
    public Verdict verdict() {
        return model.sessionVerdict();
    }

    /** What went wrong, in English as {@code run} prints it, for {@code ui --exit}; null when nothing did. */
    public String error() {
        return model.verdict().error();
    }

    LiveSaleModel live() {
        return model.live();
    }

    FxPump pump() {
        return pump;
    }

    @Override
    public void close() {
        pump.stop();
        clusterWatch.close();
        model.close();
        worker.shutdownNow();
    }
}
