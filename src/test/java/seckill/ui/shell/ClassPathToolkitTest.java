package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class ClassPathToolkitTest {
    @Test
    void dropsOnlyTheClassPathWarningOfJavaFxsGeneralLogger() {
        List<String> logged = new ArrayList<>();
        Handler seen = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger javafx = Logger.getLogger("javafx");
        javafx.addHandler(seen);
        try {
            ClassPathToolkit.quietModuleWarning();
            // as JavaFX logs: through System.Logger, by name
            System.Logger asJavaFxLogs = System.getLogger("javafx");
            asJavaFxLogs.log(System.Logger.Level.WARNING,
                    "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d'");
            asJavaFxLogs.log(System.Logger.Level.WARNING, "Loading FXML document with JavaFX API of version 99");
        } finally {
            javafx.removeHandler(seen);
        }
        assertThat(logged).containsExactly("Loading FXML document with JavaFX API of version 99");
    }
}
