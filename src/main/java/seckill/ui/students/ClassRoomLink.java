package seckill.ui.students;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import seckill.service.LabService;
import seckill.students.ClassRoom;
import seckill.students.StudentsAddress;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.Handoff;
import seckill.ui.common.I18n;

/**
 * The Students panel tied to the lab's class room: the switch opens it (its server on the class's network) and
 * closes it, a kick sends a student away, and who joined and won comes back into the {@link StudentsModel}. The
 * server is started and stopped on a worker; its changes arrive on a server thread and are handed to the FX thread.
 * Every sale the lab starts while the room is open is the class's too ({@link LabService#openClassRoom}).
 */
@Face
public final class ClassRoomLink {
    /** How often, at most, the room's changes reach the window. */
    static final Duration REFRESH = Duration.ofMillis(250);
    private final LabService service;
    private final StudentsModel model;
    private final BackgroundTasks tasks;
    private final I18n i18n;
    private final StudentsAddress bind;
    private final Runnable changed;
    /** A refresh is on its way to the FX thread. */
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private ClassRoom room;
    /** What waits for the room being opened now; null while none is. */
    private List<Runnable> opening;

    /**
     * @param bind where the server listens ({@code --students}); null for a free port on this machine's address
     */
    public ClassRoomLink(LabService service, StudentsModel model, BackgroundTasks tasks, Handoff handoff, I18n i18n,
                         StudentsAddress bind) {
        this.service = service;
        this.model = model;
        this.tasks = tasks;
        this.i18n = i18n;
        this.bind = bind == null ? StudentsAddress.anyPort() : bind;
        // a class changes with every join and win: the window takes the room's state at most every REFRESH
        this.changed = () -> {
            if (refreshing.compareAndSet(false, true)) {
                CompletableFuture.delayedExecutor(REFRESH.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                        handoff.post(() -> {
                            refreshing.set(false);
                            refresh();
                        }));
            }
        };
        model.setOnStart(() -> open(() -> { }));
        model.setOnStop(this::close);
        model.setOnKick(this::kick);
    }

    /** Opens the class room, then runs {@code then} on the FX thread (also when it could not open); FX thread. */
    public void open(Runnable then) {
        if (opening != null) {
            opening.add(then);
            return;
        }
        if (room != null) {
            then.run();
            return;
        }
        opening = new ArrayList<>(List.of(then));
        model.messageProperty().set(null);
        tasks.run(() -> service.openClassRoom(bind), opened -> {
            room = opened;
            opened.addListener(changed);
            model.urlProperty().set(opened.url());
            model.codeProperty().set(opened.code());
            model.messageProperty().set(opened.warning() == null ? null : i18n.get("students.loopback"));
            model.runningProperty().set(true);
            model.shownProperty().set(true);
            refresh();
            opened();
        }, failed -> {
            model.runningProperty().set(false);
            model.messageProperty().set(i18n.get("students.failed", failed.getMessage()));
            opened();
        });
    }

    /** Runs what waited for the room, open or not. */
    private void opened() {
        List<Runnable> waiting = opening;
        opening = null;
        waiting.forEach(Runnable::run);
    }

    /** Stops the server: the phones lose it, the sale on now goes on without the class; FX thread. */
    public void close() {
        ClassRoom gone = room;
        room = null;
        model.runningProperty().set(false);
        model.players().clear();
        model.joinedProperty().set(0);
        model.wonProperty().set(0);
        if (gone != null) {
            gone.removeListener(changed);
            tasks.run(() -> {
                gone.close();
                return null;
            }, nothing -> { }, failed -> { });
        }
    }

    private void kick(String name) {
        ClassRoom open = room;
        if (open != null) {
            tasks.run(() -> open.kick(name), kicked -> { }, failed -> { });
        }
    }

    /** The room's students as they are now, into the model; FX thread. */
    private void refresh() {
        ClassRoom open = room;
        if (open == null) {
            return;
        }
        model.joinedProperty().set(open.joined());
        model.wonProperty().set(open.won());
        List<StudentsModel.Player> now = open.students().stream()
                .map(s -> new StudentsModel.Player(s.name(), s.rank() == null ? null : s.rank().intValue()))
                .toList();
        if (!now.equals(model.players())) {
            model.players().setAll(now);
        }
    }
}
