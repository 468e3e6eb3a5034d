package seckill.ui.form;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import seckill.redis.RedisTarget;
import seckill.sim.EngineKind;
import seckill.sim.SettingsRules;
import seckill.ui.common.LocalText;
import seckill.util.Problem;

/**
 * The rules between the form's rows, as {@link SettingsRules} states them for the engine and the command line, each
 * said under the row to change. A rule is looked at once every number it reads is one: until then, that number's own
 * row says what is wrong with it.
 */
final class RowRules {
    private RowRules() {
    }

    /** A pace beside a spread, or longer than the sale: said under the pace. */
    static ObjectBinding<LocalText> pace(FieldViewModel pace, FieldViewModel spreadMs, FieldViewModel duration) {
        return between(() -> SettingsRules.paceProblem(number(pace), number(spreadMs), number(duration)),
                List.of(pace, spreadMs, duration));
    }

    /** Buckets without a prefix to number them in, more of them than the stock, or beside a trace. */
    static ObjectBinding<LocalText> buckets(FieldViewModel buckets, FieldViewModel stock, FieldViewModel trace,
                                            ObservableStringValue prefix) {
        return between(() -> SettingsRules.bucketsProblem(prefix.get(), number(buckets), number(stock),
                number(trace)), List.of(buckets, stock, trace), prefix);
    }

    /**
     * The engine against the replicas the sale must wait for (from the command line: the form has no field for them)
     * and against the server the URL names (the event loop speaks no TLS); a URL left to the environment is checked
     * when the sale starts.
     */
    static ObjectBinding<LocalText> engine(ObservableObjectValue<EngineKind> engine, ObservableLongValue waitReplicas,
                                           ObservableObjectValue<RedisTarget> server) {
        return Bindings.createObjectBinding(() -> {
            Problem p = SettingsRules.engineProblem(engine.get(), waitReplicas.get());
            if (p == null && server.get() != null) {
                p = SettingsRules.engineProblem(engine.get(), server.get());
            }
            return shown(p);
        }, engine, waitReplicas, server);
    }

    /** What is wrong with the row's own number, else what is wrong with it beside the rest of the form. */
    static ObservableValue<LocalText> ownFirst(FieldViewModel row, ObservableValue<LocalText> together) {
        return Bindings.createObjectBinding(() -> row.errorProperty().get() != null ? row.errorProperty().get()
                : together.getValue(), row.errorProperty(), together);
    }

    private static ObjectBinding<LocalText> between(Supplier<Problem> rule, List<FieldViewModel> reads,
                                                    Observable... more) {
        List<Observable> dependencies = new ArrayList<>(List.of(more));
        reads.forEach(f -> dependencies.add(f.textProperty()));
        return Bindings.createObjectBinding(() -> reads.stream().allMatch(FieldViewModel::isValid)
                ? shown(rule.get()) : null, dependencies.toArray(Observable[]::new));
    }

    private static long number(FieldViewModel field) {
        return field.value().getAsLong();
    }

    private static LocalText shown(Problem p) {
        return p == null ? null : LocalText.of("error.problem", p);
    }
}
