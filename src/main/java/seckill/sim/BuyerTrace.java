package seckill.sim;

import java.util.ArrayList;
import java.util.List;

import seckill.redis.Batch;
import seckill.redis.RespText;
import seckill.sale.Attempt;
import seckill.sale.Outcome;

/**
 * One sampled buyer's round trips as they happen, turned into a {@link Trace} when the run is over. Written by the
 * one buyer playing the user (a thread, or the loop) and read after the engine has finished.
 */
final class BuyerTrace {
    /** A round trip being recorded. */
    static final class Step {
        final int attempt;
        final long sentNanos;
        final List<String> sent;
        long answeredNanos;
        List<String> replies = List.of();
        Outcome outcome;
        long soldSeen = -1;
        long soldAfter = -1;
        String fault;
        TraceCause cause;

        Step(int attempt, long sentNanos, List<String> sent) {
            this.attempt = attempt;
            this.sentNanos = sentNanos;
            this.sent = sent;
        }

        TraceStep toStep(long startNanos) {
            return new TraceStep(attempt, ms(sentNanos, startNanos), sent,
                    answeredNanos == 0 ? -1 : ms(answeredNanos, startNanos), replies, outcome, cause, fault);
        }
    }

    final String userId;
    final long index;
    final List<Step> steps = new ArrayList<>();
    /** The user's rank of arrival, once it has arrived. */
    long arrival = -1;
    private int attempt = 1;

    BuyerTrace(String userId, long index) {
        this.userId = userId;
        this.index = index;
    }

    void sending(Batch batch) {
        steps.add(new Step(attempt, System.nanoTime(), batch.describe()));
    }

    void answered(List<Object> replies) {
        Step step = last();
        step.answeredNanos = System.nanoTime();
        List<String> text = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            text.add(RespText.reply(reply));
        }
        step.replies = text;
    }

    void decided(Attempt decided, Outcome outcome) {
        Step step = last();
        step.outcome = outcome;
        step.soldSeen = decided.soldSeen();
        step.soldAfter = decided.soldAfter();
        attempt++;
    }

    /** The round trip failed: its connection, or an error reply that ends the run. */
    void faulted(RuntimeException e) {
        if (!steps.isEmpty() && last().attempt == attempt) {
            last().fault = String.valueOf(e.getMessage());
        }
        attempt++;
    }

    private Step last() {
        return steps.get(steps.size() - 1);
    }

    Trace toTrace(long startNanos) {
        return new Trace(userId, index, arrival, steps.stream().map(s -> s.toStep(startNanos)).toList());
    }

    static double ms(long nanos, long startNanos) {
        return Math.round((nanos - startNanos) / 1_000.0) / 1_000.0;
    }
}
