package seckill.app;

/**
 * The jar's entry point. Not a JavaFX {@code Application}, so the fat jar starts on a plain classpath; with no
 * command (or {@code ui}) it opens the dashboard, otherwise it runs the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"ui"} : args;
        System.exit(SeckillCli.execute(effective));
    }
}
