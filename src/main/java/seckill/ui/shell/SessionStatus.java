package seckill.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import seckill.service.LabException;
import seckill.service.ServerInfo;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.LocalText;
import seckill.ui.form.FormViewModel;
import seckill.ui.live.VerdictModel;

/**
 * Where the session is ({@link Phase}), what last happened, and what the buttons may do now: the status bar, the
 * form's buttons and the menu bind to this. Only {@link DashboardViewModel} moves it.
 */
public final class SessionStatus {
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.DISCONNECTED);
    /** What last happened, for the status bar. */
    private final ReadOnlyObjectWrapper<LocalText> news = new ReadOnlyObjectWrapper<>(this, "news",
            LocalText.of("status.ready"));
    private final ObjectBinding<LocalText> message;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canChangeSale;

    SessionStatus(FormViewModel form) {
        canStart = Bindings.createBooleanBinding(() -> form.isAllValid() && phase.get().isQuiet(),
                form.allValidProperty(), phase);
        canStop = Bindings.createBooleanBinding(() -> phase.get().canStop(), phase);
        canChangeSale = Bindings.createBooleanBinding(() -> phase.get().isQuiet(), phase);
        message = Bindings.createObjectBinding(() -> {
            FormViewModel.Invalid wrong = form.firstInvalid();
            return wrong != null && phase.get().isQuiet() ? LocalText.of("status.invalid", wrong.name(),
                    wrong.problem()) : news.get();
        }, form.firstInvalidProperty(), phase, news);
    }

    /** Moves the session on; a move {@link Phase#next()} does not allow is a bug. */
    void go(Phase next) {
        if (!phase.get().canGoTo(next)) {
            throw new IllegalStateException("the dashboard cannot go from " + phase.get() + " to " + next);
        }
        phase.set(next);
    }

    /**
     * Any job's failure, said in the window's language: refused (the settings or the keys), Redis away (the server is
     * forgotten: "not connected" beside an earlier server's address would tell a wrong story) or a bug; the session
     * goes quiet.
     */
    void failed(Throwable e, VerdictModel verdict, ServerModel server) {
        boolean redisAway = false;
        if (e instanceof LabException lab && lab.reason() == LabException.Reason.REFUSED) {
            verdict.troubled(VerdictModel.Trouble.REFUSED, english(lab));
            say(LocalText.of("status.refused", lab.problem()));
            server.troubled(news());
        } else if (e instanceof LabException lab) {
            redisAway = true;
            server.forget();
            verdict.troubled(VerdictModel.Trouble.REDIS, english(lab));
            say(LocalText.of("status.connectFailed", lab.problem()));
            server.troubled(news());
        } else {
            verdict.troubled(VerdictModel.Trouble.INTERNAL);
            say(LocalText.of("status.failed", BackgroundTasks.describe(e)));
        }
        if (!phase.get().isQuiet()) {
            go(redisAway || !server.isReached() ? Phase.DISCONNECTED : Phase.IDLE);
        }
    }

    private static String english(LabException lab) {
        return lab.problem() == null ? lab.getMessage() : lab.problem().english();
    }

    /** A job reached the server: the status bar names it, unless "Stopping…" says more. */
    void connected(ServerInfo info, ServerModel server) {
        server.reached(info);
        if (phase.get() != Phase.STOPPING) {
            say(LocalText.of(info.embedded() ? "status.embedded" : "status.connected", info.maskedUrl()));
        }
    }

    void say(LocalText what) {
        news.set(what);
    }

    /** What last happened, or null. */
    LocalText news() {
        return news.get();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase getPhase() {
        return phase.get();
    }

    /**
     * The status bar's message: while nothing runs and a field of the form is wrong, which and why (Start cannot
     * start until it is fixed); else what last happened.
     */
    public ObjectBinding<LocalText> messageProperty() {
        return message;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /**
     * Reset, watch and connect: only while nothing runs. Start can be asked for then too: with a field of the form
     * wrong, it shows that field instead of starting.
     */
    public BooleanBinding canChangeSaleProperty() {
        return canChangeSale;
    }
}
