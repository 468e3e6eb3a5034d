package seckill.ui.code;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import seckill.sale.SaleKeys;
import seckill.sale.Scripts;
import seckill.sale.StrategyKind;
import seckill.sale.StrategyListing;
import seckill.sim.ConfigField;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.ui.form.FormViewModel;
import seckill.util.Resources;

/**
 * The code panel: the chosen strategy's code as Redis commands (what the strategy sends, from
 * {@link StrategyListing}), as Lua (the script the lab loads, from the resource the engine loads it from) or as the
 * tutorial's Python, with the lines of one step of the conversation ({@link #highlightStepProperty()}, which a trace
 * sets) highlighted.
 */
@Face
public final class CodeViewModel {
    /** What the panel shows the strategy as. */
    public enum Source { COMMANDS, LUA, PYTHON }

    /**
     * One line of the panel: code (as it is, not translated) or a note about it in the window's language.
     *
     * @param code        the line of code, or null for a note
     * @param note        the note, or null for code
     * @param highlighted part of the step being traced
     */
    public record Line(String code, LocalText note, boolean highlighted) {
        static Line code(String text, boolean highlighted) {
            return new Line(text, null, highlighted);
        }

        static Line note(String key, Object... args) {
            return new Line(null, LocalText.of(key, args), false);
        }
    }

    /** The user id the commands are shown for. */
    static final String EXAMPLE_USER = "10000042";
    static final String TUTORIAL = "/seckill/tutorial/tutorial_seckill.py";

    private final ObjectProperty<StrategyKind> strategy = new SimpleObjectProperty<>(this, "strategy",
            StrategyKind.WATCH);
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.COMMANDS);
    private final ObjectProperty<CodeStep> highlightStep = new SimpleObjectProperty<>(this, "highlightStep");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final ReadOnlyObjectWrapper<List<Line>> lines = new ReadOnlyObjectWrapper<>(this, "lines", List.of());
    private long naiveGapMs = ConfigField.NAIVE_GAP_MS.defaultValue();

    public CodeViewModel() {
        strategy.addListener((obs, was, now) -> update());
        prefix.addListener((obs, was, now) -> update());
        source.addListener((obs, was, now) -> update());
        highlightStep.addListener((obs, was, now) -> update());
        update();
    }

    /** Shows the strategy the form has chosen, on the form's keys, from now on. */
    public void follow(FormViewModel form) {
        naiveGapMs = form.naiveGapMs();
        strategy.bind(form.strategyProperty());
        prefix.bind(form.prefixProperty());
    }

    /** The strategy shown; bound to the form's once {@link #follow} was called. */
    public ObjectProperty<StrategyKind> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /**
     * The step whose lines are highlighted (the round trip a trace is at), or null for none. A step the shown
     * strategy does not take highlights nothing.
     */
    public ObjectProperty<CodeStep> highlightStepProperty() {
        return highlightStep;
    }

    /** Whether the panel is in sight. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Brings the panel into sight at the Redis commands. */
    public void show() {
        source.set(Source.COMMANDS);
        shown.set(true);
    }

    public ReadOnlyObjectProperty<List<Line>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    public List<Line> lines() {
        return lines.get();
    }

    private void update() {
        StrategyKind kind = strategy.get() == null ? StrategyKind.WATCH : strategy.get();
        lines.set(switch (source.get() == null ? Source.COMMANDS : source.get()) {
            case COMMANDS -> commands(kind);
            case LUA -> lua(kind);
            case PYTHON -> python();
        });
    }

    private List<Line> commands(StrategyKind kind) {
        SaleKeys keys = new SaleKeys(prefix.get() == null ? "" : prefix.get());
        List<StrategyListing.RoundTrip> trips = StrategyListing.winningAttempt(kind, keys, EXAMPLE_USER, naiveGapMs);
        List<CodeStep> steps = CodeStep.of(kind);
        String name = kind.cliName();
        List<Line> out = new ArrayList<>();
        out.add(Line.note("code." + name + ".intro"));
        for (int i = 0; i < trips.size(); i++) {
            StrategyListing.RoundTrip trip = trips.get(i);
            out.add(Line.note("code." + name + "." + (i + 1)));
            if (trip.waitMs() > 0) {
                out.add(Line.note("code.wait", trip.waitMs()));
            }
            boolean lit = i < steps.size() && steps.get(i) == highlightStep.get();
            for (String command : trip.commands()) {
                out.add(Line.code(command, lit));
            }
        }
        out.add(Line.note("code." + name + ".end"));
        return List.copyOf(out);
    }

    private List<Line> lua(StrategyKind kind) {
        List<Line> out = new ArrayList<>();
        String script;
        boolean lit;
        if (kind == StrategyKind.DECR) {
            out.add(Line.note("code.lua.decr"));
            script = Scripts.decrCommit();
            lit = highlightStep.get() == CodeStep.COMMIT;
        } else {
            out.add(Line.note(kind == StrategyKind.LUA ? "code.lua.purchase" : "code.lua.none"));
            script = Scripts.purchase();
            lit = kind == StrategyKind.LUA && highlightStep.get() == CodeStep.SCRIPT;
        }
        for (String line : script.strip().split("\n")) {
            out.add(Line.code(line, lit && !line.strip().startsWith("--")));
        }
        return List.copyOf(out);
    }

    /** The tutorial's purchase, {@code sec_kill}, as the script has it. */
    private List<Line> python() {
        List<String> all = Resources.text(TUTORIAL).lines().toList();
        int from = indexOf(all, "def sec_kill", 0);
        int to = indexOf(all, "return \"conflict\"", from);
        List<Line> out = new ArrayList<>();
        out.add(Line.note("code.python"));
        CodeStep step = highlightStep.get();
        boolean lit = false;
        for (String line : all.subList(from, to + 1)) {
            // READ: from the WATCH to the decision; WRITE: from MULTI to EXEC
            if (step == CodeStep.READ && line.contains("pipe.watch(") || step == CodeStep.WRITE
                    && line.contains("pipe.multi()")) {
                lit = true;
            }
            out.add(Line.code(line.length() >= 4 && line.startsWith("    ") ? line.substring(4) : line, lit));
            if (line.contains("return \"sold out\"") || line.contains("pipe.execute()")) {
                lit = false;
            }
        }
        return List.copyOf(out);
    }

    private static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalStateException(TUTORIAL + " has no line with " + text);
    }

    /** The panel's code as plain text, notes left out: what a class would copy. */
    public String codeText() {
        StringBuilder text = new StringBuilder();
        for (Line line : lines.get()) {
            if (line.code() != null) {
                text.append(line.code()).append('\n');
            }
        }
        return text.toString();
    }
}
