package seckill.app;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.SettingsRules;
import seckill.util.Problem;

/**
 * {@code --compare LIST}: strategies side by side, each on its own keys under the prefix plus its name and a colon
 * ({@code --prefix demo:} gives {@code demo:watch:kill_num}). {@code run} races them; {@code status}, {@code audit}
 * and {@code reset} act on each one's keys.
 */
public class CompareOptions {
    @Option(names = "--compare", paramLabel = "LIST", converter = FieldConverters.StrategyList.class,
            description = "Strategies side by side, e.g. naive,watch,lua: each on its own keys, the prefix plus its "
                    + "name and a colon (demo:watch:kill_num). Not with --strategy.")
    Lineup lineup;

    /** The strategies of {@code --compare}, in the order listed, each once (a picocli value of its own, not a list). */
    record Lineup(List<StrategyKind> strategies) {
    }

    /**
     * Exit 2 for {@code --compare} with {@code --strategy} or {@code --start-at}, or {@code --one-at-a-time} without
     * {@code --compare} ({@link SettingsRules#compareProblem}).
     */
    public void check(CommandSpec spec, boolean oneAtATime, boolean startAtGiven) {
        Problem wrong = SettingsRules.compareProblem(given(),
                spec.commandLine().getParseResult().hasMatchedOption("--strategy"), oneAtATime, startAtGiven);
        if (wrong != null) {
            throw new ParameterException(spec.commandLine(), wrong.english());
        }
    }

    public boolean given() {
        return lineup != null;
    }

    public List<StrategyKind> strategies() {
        return lineup.strategies();
    }

    /**
     * The sales a command acts on: with {@code --compare}, each listed strategy's, in the order listed; else the one
     * under the prefix.
     */
    public List<SaleKeys> sales(String prefix) {
        return given() ? strategies().stream().map(kind -> Comparison.saleKeys(prefix, kind)).toList()
                : List.of(new SaleKeys(prefix));
    }

    /** The strategy whose sale is under those keys, with --compare; null without. */
    public StrategyKind strategyAt(int index) {
        return given() ? strategies().get(index) : null;
    }
}
