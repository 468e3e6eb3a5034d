package seckill.app;

/**
 * The jar's entry point. Not a JavaFX {@code Application}, so the fat jar starts on a plain classpath; with no
 * command (or {@code ui}, or only options: {@code --prefix demo:}) it opens the dashboard, otherwise it runs the
 * command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SeckillCli.execute(args));
    }
}
