package seckill.ui.shell;

import java.util.logging.Logger;

/**
 * JavaFX warns at every start that it was "loaded from 'unnamed module'": the jar carries it on the class path, as
 * one runnable file must (a module path needs the JavaFX modules beside the jar). That configuration is the one
 * this app is built and tested with, so its warning says nothing a teacher can act on. JavaFX logs it on its general
 * logger ({@code javafx}, through {@link System.Logger}, which is {@code java.util.logging} here); a filter there
 * drops that one message and lets every other warning through.
 */
final class ClassPathToolkit {
    static final String WARNING = "Unsupported JavaFX configuration";
    /** Held: java.util.logging keeps loggers only weakly, and a logger made again would have lost its filter. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private ClassPathToolkit() {
    }

    /** Before the toolkit starts. */
    static void quietModuleWarning() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(WARNING));
    }
}
