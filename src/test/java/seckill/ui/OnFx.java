package seckill.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.testfx.util.WaitForAsyncUtils;

/** Reads and actions on the FX thread for the window tests, waiting at most 10 s for each. */
final class OnFx {
    private OnFx() {
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void onFx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }
}
