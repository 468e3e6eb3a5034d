package seckill.ui.shell;

import java.util.function.Consumer;

import seckill.ui.common.LocalText;
import seckill.ui.compare.ComparisonFlow;
import seckill.ui.live.LiveSaleModel;
import seckill.util.Verdict;

/** What a comparison's course means for the session: its phase and its status line. */
final class ComparisonSession implements ComparisonFlow.Session {
    private final SessionStatus status;
    private final LiveSaleModel live;
    private final Consumer<Throwable> failed;

    ComparisonSession(SessionStatus status, LiveSaleModel live, Consumer<Throwable> failed) {
        this.status = status;
        this.live = live;
        this.failed = failed;
    }

    @Override
    public boolean stopping() {
        return status.getPhase() == Phase.STOPPING;
    }

    @Override
    public void comparing(long users, int lanes) {
        status.say(LocalText.of("status.comparing", users, lanes));
    }

    @Override
    public void compared(Verdict verdict) {
        status.go(Phase.FINISHED);
        status.say(LocalText.of(verdict == Verdict.OK ? "status.compared" : "status.comparedBadly"));
        live.settle(); // ui --compare --screenshot --exit: the columns are final now
    }

    @Override
    public void failed(Throwable e) {
        failed.accept(e);
    }
}
