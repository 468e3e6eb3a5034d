package seckill.ui.shell;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import seckill.sale.SaleKeys;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.ui.common.Formats;
import seckill.ui.common.LocalText;
import seckill.ui.form.FieldViewModel;
import seckill.ui.form.FormViewModel;
import seckill.ui.lessons.LessonViewModel;
import seckill.ui.live.LiveSaleModel;
import seckill.ui.live.VerdictModel;

/**
 * Nothing stale: once a lesson is chosen or a setting changes while nothing runs, the sale on screen is the last one,
 * not the one set. Its figures, verdict and charts stay, dimmed under a caption that says what it was and to press
 * Start; the next sale to take the screen clears it.
 */
final class StaleScreen {
    private final SessionStatus status;
    private final LiveSaleModel live;
    private final VerdictModel verdict;
    private final SaleOnScreen onScreen;

    StaleScreen(FormViewModel form, LessonViewModel lessons, SessionStatus status, LiveSaleModel live,
                VerdictModel verdict, SaleOnScreen onScreen) {
        this.status = status;
        this.live = live;
        this.verdict = verdict;
        this.onScreen = onScreen;
        InvalidationListener changed = this::changed;
        for (FieldViewModel f : form.fields()) {
            f.textProperty().addListener(changed);
        }
        form.strategyProperty().addListener(changed);
        form.engineProperty().addListener(changed);
        form.prefixProperty().addListener(changed);
        lessons.lessonProperty().addListener((obs, was, chosen) -> {
            if (chosen != null) {
                changed(obs);
            }
        });
    }

    private void changed(Observable what) {
        if (!status.getPhase().isQuiet() || live.staleProperty().get() != null || !somethingOnScreen()) {
            return;
        }
        live.stale(caption());
    }

    private boolean somethingOnScreen() {
        return live.showsASale() || verdict.auditProperty().get() != null || verdict.endedProperty().get() != null;
    }

    /** What the sale on screen was: the local run's settings, else the prefix watched. */
    private LocalText caption() {
        SimulationResult r = verdict.resultProperty().get();
        if (r != null) {
            SimulationConfig c = r.config();
            return LocalText.of("stale.run", c.strategy().cliName(), Formats.count(c.stock()),
                    Formats.count(c.users()));
        }
        SaleKeys keys = onScreen.keys();
        return LocalText.of("stale.watched", keys.prefix());
    }
}
