package seckill.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in this JVM, as a person would type it; each run's output is kept until the next run. */
public final class CliSession {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line and returns its exit code. */
    public int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return SeckillCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** What the last run printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What the last run printed on standard error. */
    public String err() {
        return err.toString();
    }
}
