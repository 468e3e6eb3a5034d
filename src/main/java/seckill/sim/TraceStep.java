package seckill.sim;

import java.util.List;

import seckill.sale.Outcome;

/**
 * One round trip of a traced buyer. Times are ms since the run's buyers were let in (for a sale the run opened, its
 * opening), on this client's clock.
 *
 * @param attempt    which attempt of the user, from 1 (a retry after a conflict or a fault is the next)
 * @param sentMs     when the commands went
 * @param sent       the commands, as {@code redis-cli} shows them
 * @param answeredMs when the last reply came; -1 when none did (the connection failed)
 * @param replies    the replies, as {@code redis-cli} shows them, one per command
 * @param outcome    what the attempt decided with this round trip, or null when another round trip follows
 * @param cause      why it lost (or, for naive, why it oversold), when the trace can tell; else null
 * @param fault      the connection's failure that ended this round trip, else null
 */
public record TraceStep(int attempt, double sentMs, List<String> sent, double answeredMs, List<String> replies,
                        Outcome outcome, TraceCause cause, String fault) {
    public TraceStep {
        sent = List.copyOf(sent);
        replies = List.copyOf(replies);
    }
}
