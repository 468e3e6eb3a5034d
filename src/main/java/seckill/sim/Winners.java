package seckill.sim;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The users this client told they won, and the line of arrivals they won from: the wins are checked against
 * Redis after the run, the line tells whether the first to arrive won. Safe for any number of buyers at once.
 */
final class Winners {
    private final ArrivalLine line;
    /** Every user told it won: the wins this client acknowledged, checked against Redis after the run. */
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

    /** @param stock how many of the first arrivals fairness looks at */
    Winners(long stock) {
        this.line = new ArrivalLine(stock);
    }

    /** The user sends its first attempt now: it takes its place in the line of arrivals (retries keep it). */
    void arrives(Turn turn) {
        if (turn.arrival < 0) {
            turn.arrival = line.arrive();
            if (turn.trace != null) {
                turn.trace.arrival = turn.arrival;
            }
        }
    }

    /** The user was told it won. */
    void won(Turn turn) {
        acknowledged.add(turn.userId);
        line.won(turn.arrival);
    }

    /** The sale's own stock, when the run joined one: fairness looks at that many first arrivals. */
    void saleStock(long stock) {
        line.places(stock);
    }

    /** Did the first to arrive win: so far, or at the end. */
    Fairness fairness() {
        return line.fairness();
    }

    /** The users told they won, so far. */
    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
