package seckill.app;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import seckill.util.Verdict;

/**
 * The command line's exit codes: the commands return them and every help page lists them. A verdict's number is the
 * {@link Verdict}'s own (a recording written by the window states it too); the signals' are here.
 */
public final class ExitCodes {
    public static final int OK = Verdict.OK.exitCode();
    public static final int FAILED = Verdict.FAILED.exitCode();
    public static final int USAGE = Verdict.REFUSED.exitCode();
    public static final int AUDIT_FAILED = Verdict.AUDIT_FAILED.exitCode();
    public static final int REDIS_UNAVAILABLE = Verdict.REDIS_UNAVAILABLE.exitCode();
    /** What the JVM exits with when a signal ends it (128 + the signal's number). */
    public static final int INTERRUPTED = 130;
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }

    /** The exit code of a verdict. */
    public static int of(Verdict verdict) {
        return verdict.exitCode();
    }

    /**
     * The exit code of a command whose sale (or merge) came out {@code outcome} but whose {@code --report} or
     * {@code --record} file could not be written: the outcome when it is one of trouble (3, 4, 130, 143), since it
     * says more; 1 instead of 0, since what was asked is not all done. Not 2: the file's name was checked before
     * anything was sold, and the sale did run.
     */
    public static int unwritten(int outcome) {
        return outcome == OK ? FAILED : outcome;
    }

    /** Each code and what it means, in order, as the help pages show them. */
    static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Integer.toString(OK), "done, and the audit holds");
        m.put(Integer.toString(FAILED), "an unexpected failure, a report or recording that could not be "
                + "written after a clean sale, or no display for the window");
        m.put(Integer.toString(USAGE), "bad arguments (the message names the option and its range), or settings "
                + "this process or server cannot hold: open files, heap, replicas (the message names the limit)");
        m.put(Integer.toString(AUDIT_FAILED), "the audit found a violation");
        m.put(Integer.toString(REDIS_UNAVAILABLE), "Redis unreachable, refused or lost");
        m.put(Integer.toString(INTERRUPTED) + ", " + TERMINATED, "stopped by SIGINT (Ctrl-C) or SIGTERM");
        return m;
    }

    /** Puts the list on the help page of the command and of every subcommand. */
    static void describeIn(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(meanings());
        commandLine.getSubcommands().values().forEach(ExitCodes::describeIn);
    }
}
