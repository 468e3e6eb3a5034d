package seckill.students;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import seckill.sale.SaleState;
import seckill.sim.HumanBuyers;

/**
 * A class buying from its phones: an HTTP server on the class's network where students join with a code and a
 * nickname, then tap Buy; each tap is one purchase attempt in the sale this class room follows, through the same
 * strategy and rules as the simulated buyers ({@link HumanBuyers}). The handle the window and the command line
 * hold; the phones see only the page and its small API (see {@link StudentServer}).
 *
 * <p>Opened with {@link #open}, it serves at once: students may join before any sale, and their taps are answered
 * {@code not_open} until a sale {@linkplain #follow(HumanBuyers) followed} here opens. A new sale followed forgets
 * the last one's results (names stay). {@link #close()} stops the server; the phones then lose it. Every method is
 * thread-safe and returns at once, but {@link #open} and {@link #close()}, which start and stop the server.
 *
 * <p>Nothing here ever carries the Redis URL or password.
 */
public final class ClassRoom implements AutoCloseable {
    /** A student's user id is this and its name: {@code redis-cli LRANGE kill_user 0 -1} shows them by name. */
    public static final String USER_PREFIX = "stu:";
    /** Taps a player may make in a second; a burst of as many is allowed. */
    static final double TAPS_PER_SECOND = 5;
    /** Wrong join codes an address may try in a minute. */
    static final int WRONG_CODES_PER_MINUTE = 10;

    /**
     * One student as the window shows it.
     *
     * @param name   the name the student took (NFC, as typed but for blanks at its ends)
     * @param userId its user in the sale, {@code stu:} and the name
     * @param rank   the item the student won in the sale followed now (from 1), or null when none (yet)
     */
    public record Student(String name, String userId, Long rank) {
    }

    private final String code = Secrets.joinCode();
    private final Players players = new Players();
    private final RateLimiter taps = new RateLimiter(TAPS_PER_SECOND, TAPS_PER_SECOND, Players.MAX * 2);
    private final RateLimiter wrongCodes = new RateLimiter(WRONG_CODES_PER_MINUTE / 60.0, WRONG_CODES_PER_MINUTE,
            10_000);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile HumanBuyers sale;
    private volatile String warning;
    private final StudentServer server;

    private ClassRoom(StudentsAddress bind) {
        this.server = new StudentServer(this, bind, w -> warning = w);
    }

    /**
     * Starts the students' server there; it serves until {@link #close()}.
     *
     * @param bind where: {@code --students [ADDR:]PORT}
     * @throws IllegalArgumentException when the address cannot be resolved or bound (in use, not this machine's),
     *                                  said in one line naming {@code --students}
     */
    public static ClassRoom open(StudentsAddress bind) {
        ClassRoom room = new ClassRoom(bind);
        room.server.start();
        return room;
    }

    /**
     * Why the phones may not reach the server, in one line of English, or null: no network had a default route, so
     * it listens on 127.0.0.1 only.
     */
    public String warning() {
        return warning;
    }

    /** What students open: {@code http://ADDR:PORT/j/CODE} (the QR code's text). */
    public String url() {
        return server.baseUrl() + "/j/" + code;
    }

    /** The join code: 6 characters without look-alikes, new for each class room. */
    public String code() {
        return code;
    }

    /** Students in the room now. */
    public int joined() {
        return players.size();
    }

    /** Students who won an item in the sale followed now. */
    public int won() {
        return players.winners().size();
    }

    /** Every student now, by name, each with its item won in the sale followed now (or null). */
    public List<Student> students() {
        return players.all().stream().map(ClassRoom::student).toList();
    }

    /** The students who won in the sale followed now, by the item they hold. */
    public List<Student> winners() {
        return players.winners().stream().map(ClassRoom::student).toList();
    }

    private static Student student(Player p) {
        return new Student(p.name, p.userId, p.won() ? p.rank() : null);
    }

    /**
     * Tells the listener whenever a student joins, is kicked or wins, or a new sale is followed: on the thread that
     * made the change (a server thread), so a window hands it over to its own thread. Read {@link #students()} then.
     */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Sends the student of that name away: its phone's token stops working; false when no student has it. */
    public boolean kick(String name) {
        Player gone = players.kick(name);
        if (gone != null) {
            taps.forget(gone.token);
            server.events().kicked(gone.token);
            changed();
        }
        return gone != null;
    }

    /**
     * Plays the students' taps in that sale from now on (made with its config's {@code students} set, so that it
     * waits for them): every student in the room is in it, joined or not before; the last sale's results are
     * forgotten. Call before the sale runs (taps are {@code not_open} until it opens).
     */
    public void follow(HumanBuyers humans) {
        for (Player p : players.all()) {
            p.forget();
            humans.admit(p.userId);
        }
        sale = humans;
        changed();
    }

    /** The sale followed now, or null before the first. */
    HumanBuyers sale() {
        return sale;
    }

    /** True while the server runs. */
    public boolean isOpen() {
        return server.running();
    }

    /** Stops the server (the phones lose it); the sale followed goes on without the class. Idempotent. */
    @Override
    public void close() {
        server.stop();
    }

    // what the server asks of the room

    /** How a join went, for the server to answer. */
    enum JoinStatus { JOINED, AGAIN, WRONG_CODE, TOO_MANY_TRIES, BAD_NAME, TAKEN, FULL }

    record Join(JoinStatus status, Player player) {
    }

    Join join(String typedCode, String name, String token, String address) {
        if (wrongCodes.exhausted(address)) {
            return new Join(JoinStatus.TOO_MANY_TRIES, null);
        }
        if (!Secrets.sameCode(code, typedCode)) {
            wrongCodes.take(address);
            return new Join(JoinStatus.WRONG_CODE, null);
        }
        Players.Joined joined = players.join(name, token);
        if (joined.refusal() != null) {
            return new Join(switch (joined.refusal()) {
                case BAD_NAME -> JoinStatus.BAD_NAME;
                case TAKEN -> JoinStatus.TAKEN;
                case FULL -> JoinStatus.FULL;
            }, null);
        }
        HumanBuyers now = sale;
        if (now != null) {
            now.admit(joined.player().userId);
        }
        if (!joined.again()) {
            changed();
        }
        return new Join(joined.again() ? JoinStatus.AGAIN : JoinStatus.JOINED, joined.player());
    }

    Player player(String token) {
        return players.byToken(token);
    }

    /** One tap by the player: null when it taps faster than it may, else its answer. */
    HumanBuyers.Answer tap(Player player) {
        if (!taps.take(player.token)) {
            return null;
        }
        HumanBuyers now = sale;
        HumanBuyers.Answer answer = now == null ? new HumanBuyers.Answer(HumanBuyers.Tap.NOT_OPEN, -1)
                : now.tap(player.userId);
        if (player.answered(answer)) {
            changed();
        }
        return answer;
    }

    /** What every phone is shown now, but its own result: open, stock, sold, left, players, winners. */
    Map<String, Object> publicState() {
        HumanBuyers now = sale;
        SaleState state = now == null ? null : now.read();
        boolean ended = now != null && now.hasEnded();
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("open", now != null && now.isOpen());
        view.put("ended", ended);
        view.put("stock", state == null || !state.exists() ? null : state.total());
        view.put("sold", state == null || !state.exists() ? null : state.sold());
        view.put("left", state == null || !state.exists() ? null : state.stockLeft());
        view.put("players", players.size());
        view.put("winners", players.winners().stream()
                .map(p -> Map.<String, Object>of("name", p.name, "rank", p.rank())).toList());
        return view;
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // a listener's failure is its own; the room goes on
            }
        }
    }
}
