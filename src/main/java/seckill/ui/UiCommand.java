package seckill.ui;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import seckill.cli.RedisOptions;
import seckill.cli.RunOptions;

/** {@code ui}: opens the dashboard, its form filled from the same options as {@code run}. */
@Command(name = "ui", mixinStandardHelpOptions = true, description = "Open the dashboard (the default command).")
public final class UiCommand implements Callable<Integer> {
    @Mixin
    RunOptions sale;

    @Mixin
    RedisOptions redis;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("the dashboard is not built yet");
    }
}
