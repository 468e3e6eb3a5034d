package seckill.ui.students;

import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import seckill.ui.common.Face;

/**
 * The class joining a sale from their phones, as the Students panel shows it; FX thread. Whoever runs the join
 * server fills it in (whether it runs, its address and code, who joined and who won) and sets the three callbacks:
 * the panel only shows the figures and hands the teacher's actions on.
 */
@Face
public final class StudentsModel {
    /**
     * A student on the class list.
     *
     * @param name their nickname, as they typed it (without the {@code stu:} of their user id)
     * @param rank their rank among the sale's winners, 1 for the first; null while they have not won
     */
    public record Player(String name, Integer rank) {
    }

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final StringProperty code = new SimpleStringProperty(this, "code");
    private final IntegerProperty joined = new SimpleIntegerProperty(this, "joined");
    private final IntegerProperty won = new SimpleIntegerProperty(this, "won");
    private final ObservableList<Player> players = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message");
    private final ObjectProperty<Runnable> onStart = new SimpleObjectProperty<>(this, "onStart");
    private final ObjectProperty<Runnable> onStop = new SimpleObjectProperty<>(this, "onStop");
    private final ObjectProperty<Consumer<String>> onKick = new SimpleObjectProperty<>(this, "onKick");

    /** Whether the class can join now: the switch shows it, and the QR code is shown while it is true. */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** Whether the Students tab is the one on view, both ways: opening the class room brings it into view. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The address a phone opens to join (the QR code's content), e.g. {@code http://192.168.1.20:7070/j/K7M3QX}. */
    public StringProperty urlProperty() {
        return url;
    }

    /** The join code, for those who type the address rather than scan it. */
    public StringProperty codeProperty() {
        return code;
    }

    /** How many students have joined. */
    public IntegerProperty joinedProperty() {
        return joined;
    }

    /** How many of them won an item. */
    public IntegerProperty wonProperty() {
        return won;
    }

    /** The class list, in the order it is to be shown. */
    public ObservableList<Player> players() {
        return players;
    }

    /**
     * A line for the teacher under the switch (e.g. that phones cannot reach the address), already in the window's
     * language; null or empty for none.
     */
    public StringProperty messageProperty() {
        return message;
    }

    /** Called when the teacher turns "Let the class join" on; the switch moves once {@code running} is true. */
    public ObjectProperty<Runnable> onStartProperty() {
        return onStart;
    }

    /** Called when the teacher turns it off; the switch moves once {@code running} is false. */
    public ObjectProperty<Runnable> onStopProperty() {
        return onStop;
    }

    /** Called with a player's name when the teacher removes them from the class list. */
    public ObjectProperty<Consumer<String>> onKickProperty() {
        return onKick;
    }

    public void setOnStart(Runnable action) {
        onStart.set(action);
    }

    public void setOnStop(Runnable action) {
        onStop.set(action);
    }

    public void setOnKick(Consumer<String> action) {
        onKick.set(action);
    }

    /** The teacher asks for the class to join ({@code on}) or for joining to stop; nothing when no one listens. */
    void ask(boolean on) {
        Runnable action = on ? onStart.get() : onStop.get();
        if (action != null) {
            action.run();
        }
    }

    /** The teacher removes {@code name} from the class list. */
    void kick(String name) {
        Consumer<String> action = onKick.get();
        if (action != null) {
            action.accept(name);
        }
    }
}
