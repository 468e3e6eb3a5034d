package seckill.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The order in which a run's users arrived, kept as cheaply as the engines need: a rank per user (one counter step
 * as it sends its first attempt) and a count of the winners whose rank was among the first {@code places}. Nothing
 * per user is held, so memory stays flat in the number of users; the count is exact. Thread-safe.
 */
final class ArrivalLine {
    private final AtomicLong arrived = new AtomicLong();
    private final LongAdder wonAmongFirst = new LongAdder();
    private volatile long places;

    /** @param places how many of the first arrivals fairness looks at: the stock */
    ArrivalLine(long places) {
        this.places = places;
    }

    /** The stock as the sale holds it, when it differs from the settings' (a joined sale). */
    void places(long stock) {
        places = stock;
    }

    /** A user arrives: its rank, from 0. */
    long arrive() {
        return arrived.getAndIncrement();
    }

    /** The user of that rank won (a rank below 0: a user who never arrived, which cannot win). */
    void won(long rank) {
        if (rank >= 0 && rank < places) {
            wonAmongFirst.increment();
        }
    }

    /** So far, or at the end; safe while users still arrive (the wins are read first, so they never outnumber). */
    Fairness fairness() {
        long won = wonAmongFirst.sum();
        return Fairness.of(places, arrived.get(), won);
    }
}
