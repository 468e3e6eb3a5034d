package seckill.app;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import seckill.redis.RedisTarget;
import seckill.sim.ConfigField;
import seckill.redis.RedisUnavailableException;
import seckill.sale.SaleKeyException;

/** The command line; the only place (besides the window) that talks to people. */
@Command(name = "seckill-lab", mixinStandardHelpOptions = true, versionProvider = SeckillCli.Version.class,
        resourceBundle = "seckill.app.SaleOptionHelp",
        description = "A Redis flash sale (秒杀) under load: strategies side by side, invariants proven.",
        subcommands = {UiCommand.class, RunCommand.class, StatusCommand.class, AuditCommand.class, ResetCommand.class,
            BenchCommand.class, MergeCommand.class, CommandLine.HelpCommand.class},
        footer = "")
public final class SeckillCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: ui, run, status, audit, reset, merge or bench");
    }

    /** Prints the version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SeckillCli.class.getPackage().getImplementationVersion();
            return new String[] {"Seckill Lab " + (v == null ? "dev" : v)};
        }
    }

    public static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** The command line, with its exit codes wired: bad arguments 2, Redis unreachable 4. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SeckillCli());
        cl.setDefaultValueProvider(new SaleOptionHelp());
        ExitCodes.describeIn(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            // the arguments quoted may be a URL given to a wrong option: its password is masked all the same
            where.getErr().println("error: " + ConfigField.oneLine(RedisTarget.maskAll(ex.getMessage())));
            where.getErr().println("Try '" + where.getCommandSpec().qualifiedName() + " --help' for the options "
                    + "and their ranges.");
            where.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, where, parseResult) -> {
            PrintWriter e = where.getErr();
            int code;
            if (ex instanceof RedisUnavailableException) {
                e.println("error: " + RedisTarget.maskAll(ex.getMessage()));
                code = ExitCodes.REDIS_UNAVAILABLE;
            } else if (ex instanceof SaleKeyException || ex instanceof IllegalArgumentException) {
                e.println("error: " + RedisTarget.maskAll(ex.getMessage()));
                code = ExitCodes.USAGE;
            } else {
                e.println("error: unexpected " + ex.getClass().getSimpleName() + ": "
                        + RedisTarget.maskAll(ex.getMessage()));
                if (System.getenv("SECKILL_DEBUG") != null) {
                    // for developers chasing a bug; people get the one line above
                    ex.printStackTrace(e);
                }
                code = ExitCodes.FAILED;
            }
            e.flush();
            return code;
        });
        return cl;
    }

    /** Runs a command line on the process's standard streams and returns its exit code. */
    public static int execute(String[] args) {
        return execute(args, utf8(System.out), utf8(System.err));
    }

    /** Runs a command line, the window's when it names no command, and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(withDefaultCommand(cl, args));
    }

    /**
     * The arguments with {@code ui} in front when they name no command: nothing at all, or options that are not
     * the lab's own ({@code --help}, {@code --version}), as in {@code java -jar seckill-lab.jar --prefix demo:}.
     */
    static String[] withDefaultCommand(CommandLine cl, String[] args) {
        boolean noCommand = args.length == 0
                || args[0].startsWith("-") && !cl.getCommandSpec().optionsMap().containsKey(args[0]);
        if (!noCommand) {
            return args;
        }
        String[] withUi = new String[args.length + 1];
        withUi[0] = "ui";
        System.arraycopy(args, 0, withUi, 1, args.length);
        return withUi;
    }
}
