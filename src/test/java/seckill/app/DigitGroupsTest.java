package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import seckill.sim.ConfigField;
import seckill.ui.form.FieldViewModel;

/** The command line takes a number as the form does: "20,000" is twenty thousand, "1,5" is refused in both. */
class DigitGroupsTest {
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        return SeckillCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private RunOptions parsed(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        Object parsed = cli().parseArgs(all).subcommand().commandSpec().userObject();
        return parsed instanceof RunCommand run ? run.sale : ((UiCommand) parsed).sale;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "ui"})
    void wellFormedDigitGroupsAreTaken(String command) {
        assertThat(parsed(command, "--stock", "20,000").stock).isEqualTo(20_000);
        assertThat(parsed(command, "--users", "1_000").users).isEqualTo(1_000);
        assertThat(parsed(command, "--users", "1,000,000").users).isEqualTo(1_000_000);
        assertThat(parsed(command, "--stock", "20，000").stock).as("a full-width comma").isEqualTo(20_000);
    }

    @Test
    void aMalformedGroupIsABadArgument_namingTheOptionAndItsRange() {
        int code = cli().execute("run", "--stock", "1,5");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--stock").contains("from 1 to 100,000,000").contains("'1,5'")
                .doesNotContain("Exception");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"20,000", "1_000", "20，000", "1,000,000", " 7 ", "1,5", "1,00", "1,0000", ",100", "100,",
        "1__000", "0", "-3", "abc", "", "99999999999999999999"})
    void theCommandLineAndTheFormAgreeOnEveryText(String text) {
        FieldViewModel form = new FieldViewModel(ConfigField.STOCK, false);
        form.textProperty().set(text);
        CommandLine cl = cli();
        boolean taken;
        try {
            cl.parseArgs("run", "--stock", text);
            taken = true;
        } catch (CommandLine.ParameterException refused) {
            taken = false;
        }
        assertThat(taken).as("the command line takes '%s' as the form does", text).isEqualTo(form.isValid());
        if (taken) {
            RunCommand run = cl.getSubcommands().get("run").getCommand();
            assertThat(run.sale.stock).isEqualTo(form.value().getAsLong());
        }
    }
}
