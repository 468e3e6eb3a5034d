package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import picocli.CommandLine;
import seckill.sim.ConfigField;
import seckill.sim.SimulationConfig;
import seckill.ui.form.FormViewModel;
import seckill.ui.shell.LaunchOptions;

/** The command line's defaults and help, the form and the engine all read one table: {@link ConfigField}. */
class SaleOptionsTableTest {
    private static CommandLine cli() {
        return SeckillCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static RunOptions parsedRun(String... args) {
        CommandLine cl = cli();
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed = cl.parseArgs(all);
        return ((RunCommand) parsed.subcommand().commandSpec().userObject()).sale;
    }

    @Test
    void runWithoutOptionsIsTheTablesSale() {
        RunCommand run = (RunCommand) cli().parseArgs("run").subcommand().commandSpec().userObject();
        SimulationConfig fromCli = run.sale.toBuilder(run.redis).seed(0).build();
        assertThat(fromCli).isEqualTo(SimulationConfig.defaults());
        assertThat(parsedRun().seedGiven()).isFalse();
    }

    @Test
    void theFormStartsFromTheSameSale() {
        FormViewModel form = new FormViewModel();
        form.fill(LaunchOptions.defaults().formStart());
        assertThat(form.toConfig().toBuilder().seed(0).build()).isEqualTo(SimulationConfig.defaults());
        assertThat(form.seed().textProperty().get()).as("no seed given: a new one each run").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ConfigField.class)
    void everyHelpLineStatesTheTablesRangeAndDefault(ConfigField field) {
        for (String command : new String[] {"run", "ui"}) {
            CommandLine.Model.OptionSpec option = cli().getSubcommands().get(command).getCommandSpec()
                    .findOption(field.option());
            assertThat(option).as(command + " " + field.option()).isNotNull();
            String help = String.join(" ", option.description());
            assertThat(help).as(command + " " + field.option()).contains(field.rangeText());
            if (field == ConfigField.SEED) {
                assertThat(option.defaultValue()).isNull();
            } else {
                assertThat(option.defaultValueString()).isEqualTo(Long.toString(field.defaultValue()));
                assertThat(cli().getSubcommands().get(command).getUsageMessage().replaceAll("\\s+", " "))
                        .contains(field.rangeText() + " (default: " + field.defaultValue() + ")");
            }
        }
    }

    @Test
    void benchKeepsItsOwnLoad() {
        CommandLine bench = cli().getSubcommands().get("bench");
        assertThat(bench.getCommandSpec().findOption("--users").defaultValueString()).isEqualTo("20000");
        assertThat(Arrays.toString(bench.getCommandSpec().findOption("--users").description()))
                .contains("Buyers per strategy");
    }
}
