package seckill.ui.compare;

import java.util.ArrayList;
import java.util.List;

import seckill.sale.StrategyKind;
import seckill.service.ComparisonRun;
import seckill.service.LabService;
import seckill.service.PollStream;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationConfig;
import seckill.ui.common.BackgroundTasks;
import seckill.ui.common.Face;
import seckill.ui.common.Handoff;
import seckill.util.Verdict;

/**
 * A comparison from its start to its verdict: the lanes started on a worker, a stream per lane showing its keys in
 * {@link CompareViewModel}, each lane's end and the comparison's result. Every callback comes through the session's
 * {@link Handoff}, on the thread that drains it; a later comparison makes an earlier one's snapshots and results
 * stale (they number up by generation).
 */
@Face
public final class ComparisonFlow {
    /** What the session hears of a comparison; on the draining thread. */
    public interface Session {
        /** Whether the person asked to stop while the lanes were starting. */
        boolean stopping();

        /** The lanes run. */
        void comparing(long users, int lanes);

        /** Every lane has ended. */
        void compared(Verdict verdict);

        void failed(Throwable e);
    }

    /** What the start job hands back: the lanes running, and a stream per lane showing its keys. */
    private record Started(ComparisonRun run, List<PollStream> polls) {
    }

    private final LabService service;
    private final BackgroundTasks tasks;
    private final Handoff handoff;
    private final CompareViewModel compare;
    /** The comparison running, from when its job started it until every lane has ended. */
    private ComparisonRun comparison;
    /** A stream per lane of the comparison on screen. */
    private List<PollStream> polls = List.of();
    /** Which comparison the lanes' snapshots belong to: a later one ignores an earlier one's. */
    private long generation;
    /** How the last comparison came out, for ui --exit; null when the last sale was a single one. */
    private Verdict verdict;

    public ComparisonFlow(LabService service, BackgroundTasks tasks, Handoff handoff, CompareViewModel compare) {
        this.service = service;
        this.tasks = tasks;
        this.handoff = handoff;
        this.compare = compare;
    }

    /**
     * Races the strategies side by side, each on its own keys under the prefix plus its name: the same users on
     * every one, at once or one after another.
     *
     * @param connect the worker's first step: the session's server, connected if need be
     */
    public void start(SimulationConfig base, List<StrategyKind> lineup, Comparison.Mode mode, Runnable connect,
                      Session session) {
        compare.begin(lineup, mode);
        long mine = ++generation;
        tasks.run(() -> {
            connect.run();
            return startLanes(base, lineup, mode, mine);
        }, started -> running(started, base, mine, session), session::failed);
    }

    /** Worker: the lanes started, and a stream following each. */
    private Started startLanes(SimulationConfig base, List<StrategyKind> lineup, Comparison.Mode mode, long mine) {
        ComparisonRun started = service.startComparison(base, lineup, mode);
        List<PollStream> polls = new ArrayList<>();
        try {
            for (int i = 0; i < started.lanes().size(); i++) {
                int lane = i;
                ComparisonRun.Lane l = started.lanes().get(i);
                PollStream stream = service.watch(l.keys(), base.buckets(), snapshot -> handoff.post(() -> {
                    if (mine == generation) {
                        compare.apply(lane, snapshot);
                    }
                }));
                stream.follow(l.run().metrics());
                polls.add(stream);
            }
        } catch (RuntimeException | Error e) {
            started.stop();
            polls.forEach(PollStream::close);
            throw e;
        }
        return new Started(started, polls);
    }

    private void running(Started started, SimulationConfig base, long mine, Session session) {
        comparison = started.run();
        polls = started.polls();
        if (session.stopping()) {
            comparison.stop();
        } else {
            session.comparing(base.users(), comparison.lanes().size());
        }
        for (int i = 0; i < comparison.lanes().size(); i++) {
            int lane = i;
            PollStream stream = started.polls().get(i);
            tasks.follow(comparison.lanes().get(i).run().result(), r -> {
                stream.follow(null);
                if (mine == generation) {
                    compare.laneEnded(lane, r);
                }
            }, e -> { }); // the comparison's own result says what failed
        }
        tasks.follow(comparison.result(), r -> ended(r, mine, session), session::failed);
    }

    private void ended(ComparisonResult r, long mine, Session session) {
        comparison = null;
        if (mine != generation) {
            return;
        }
        compare.ended(r);
        verdict = r.verdict();
        session.compared(verdict);
    }

    /** Stops the lanes running, if any: each ends as a stopped run. */
    public void stop() {
        if (comparison != null) {
            comparison.stop();
        }
    }

    /** Stops the lanes and forgets them: a job failed, or the window closes. */
    public void abandon() {
        stop();
        comparison = null;
    }

    /** The lanes' streams stop: their sale is no longer on screen. */
    public void closeStreams() {
        polls.forEach(PollStream::close);
        polls = List.of();
    }

    /** Another sale takes the screen: the columns go, and the last verdict with them. */
    public void leave() {
        compare.leave();
        verdict = null;
    }

    /** How the last comparison came out, or null when the sale on screen is a single one. */
    public Verdict verdict() {
        return verdict;
    }
}
