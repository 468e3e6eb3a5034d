package seckill.sim;

import java.util.List;

import seckill.sale.Outcome;

/**
 * One sampled buyer's conversation with Redis ({@code --trace N}): every round trip of every attempt, with what
 * was sent, what came back and when, and why an attempt lost where a trace can tell (see {@link TraceCause}).
 *
 * @param userId    the user's id
 * @param userIndex its place among the run's users, from 0 (the same user on every strategy of a comparison)
 * @param arrival   its rank of arrival, from 0 ({@link Fairness}); -1 when it never sent an attempt
 * @param steps     its round trips, in order
 */
public record Trace(String userId, long userIndex, long arrival, List<TraceStep> steps) {
    public Trace {
        steps = List.copyOf(steps);
    }

    /** How the user's last attempt ended, or null when none was decided (the run ended, or a fault). */
    public Outcome outcome() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).outcome() != null) {
                return steps.get(i).outcome();
            }
        }
        return null;
    }
}
