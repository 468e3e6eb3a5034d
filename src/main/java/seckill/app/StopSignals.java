package seckill.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the first asks the sale to stop, so that the run still reads the sale
 * back, audits it, prints its summary and writes its report, then exits 130 or 143; a second one ends the process
 * at once. Where the platform has no such signal the JVM's own handling stays (a plain exit).
 */
final class StopSignals implements AutoCloseable {

    private final AtomicInteger received = new AtomicInteger();
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    /** Handles both signals until closed; {@code stop} runs on the first. */
    StopSignals(Runnable stop) {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> {
                    int code = 128 + s.getNumber();
                    if (!received.compareAndSet(0, code)) {
                        Runtime.getRuntime().halt(code); // asked twice: no more waiting
                    }
                    stop.run();
                });
                signals.add(signal);
                previous.add(before);
            } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
                // no such signal on this platform, or the JVM keeps it (-Xrs): its own handling applies
            }
        }
    }

    /** 130 after SIGINT, 143 after SIGTERM, 0 when no signal came. */
    int exitCode() {
        return received.get();
    }


    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
