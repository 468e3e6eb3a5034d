package seckill.ui.form;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.ui.common.Face;

/**
 * The form's choice of strategies to race side by side: a box per strategy, and whether they run one after another.
 * Two or more ticked make Start a comparison ({@code ui --compare}); fewer, the one strategy of the form.
 */
@Face
public final class CompareChoice {
    /** The order the boxes and the columns take: the lesson's, the naive one first. */
    public static final List<StrategyKind> ORDER = List.of(StrategyKind.NAIVE, StrategyKind.WATCH, StrategyKind.LUA,
            StrategyKind.DECR);

    private final Map<StrategyKind, BooleanProperty> ticked = new EnumMap<>(StrategyKind.class);
    private final BooleanProperty oneAtATime = new SimpleBooleanProperty(this, "oneAtATime");
    private final BooleanBinding on;
    /** The order given on the command line, kept while the same strategies stay ticked. */
    private List<StrategyKind> listed = List.of();

    public CompareChoice() {
        for (StrategyKind kind : ORDER) {
            ticked.put(kind, new SimpleBooleanProperty(this, kind.cliName()));
        }
        on = Bindings.createBooleanBinding(() -> lineup().size() >= 2,
                ticked.values().toArray(BooleanProperty[]::new));
    }

    public BooleanProperty tickedProperty(StrategyKind kind) {
        return ticked.get(kind);
    }

    public BooleanProperty oneAtATimeProperty() {
        return oneAtATime;
    }

    /** Two or more strategies ticked: Start races them side by side. */
    public BooleanBinding onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    public Comparison.Mode mode() {
        return oneAtATime.get() ? Comparison.Mode.ONE_AT_A_TIME : Comparison.Mode.AT_ONCE;
    }

    /** The strategies ticked: in the order they were given, if they still are those, else in {@link #ORDER}. */
    public List<StrategyKind> lineup() {
        List<StrategyKind> now = new ArrayList<>();
        for (StrategyKind kind : ORDER) {
            if (ticked.get(kind).get()) {
                now.add(kind);
            }
        }
        return listed.size() == now.size() && listed.containsAll(now) ? listed : now;
    }

    /** Ticks exactly these, in this order (from {@code ui --compare}); empty unticks all. */
    public void set(List<StrategyKind> strategies, boolean oneAfterAnother) {
        listed = List.copyOf(strategies);
        for (StrategyKind kind : ORDER) {
            ticked.get(kind).set(strategies.contains(kind));
        }
        oneAtATime.set(oneAfterAnother);
    }
}
