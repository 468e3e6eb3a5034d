package seckill.sim;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import seckill.metrics.SaleMetrics;
import seckill.sale.Outcome;
import seckill.sale.SaleKeys;

/**
 * What an attempt's outcome means for its user and for the run, booked in the run's metrics: a win, a user
 * turned away, a conflict to try again, a sale sold out or closed, which ends the run. Safe for any number of
 * buyers at once, except for a {@link Turn}, which belongs to the one buyer playing it.
 */
final class Outcomes {
    private final SaleMetrics metrics;
    private final boolean claimMeansWon;
    private final int buckets;
    private final RunEnd end;
    private final Winners winners;
    /** The buckets a buyer was told were sold out ({@code --buckets}); the sale is over once all are. */
    private final Set<Integer> soldOutBuckets = ConcurrentHashMap.newKeySet();
    /** When the first buyer was told the stock was gone (on {@link System#nanoTime}), 0 until then. */
    private volatile long soldOutNanos;

    /**
     * @param claimMeansWon a user found already in {@code kill_buyers} has an item (the strategy writes both in one
     *                      step); false when it claims the user first and sells the item after
     */
    Outcomes(SaleMetrics metrics, boolean claimMeansWon, int buckets, RunEnd end, Winners winners) {
        this.metrics = metrics;
        this.claimMeansWon = claimMeansWon;
        this.buckets = buckets;
        this.end = end;
        this.winners = winners;
    }

    /** Books the outcome of one attempt; true when the user is done. */
    boolean book(Turn turn, Outcome outcome) {
        switch (outcome) {
            case WON, WON_STRANDED -> {
                metrics.won();
                if (outcome == Outcome.WON_STRANDED) {
                    metrics.strandedSold();
                }
                userWon(turn);
                return true;
            }
            case ALREADY_WON -> {
                alreadyWon(turn);
                return true;
            }
            case SOLD_OUT -> {
                soldOut(turn);
                return true;
            }
            case CLOSED -> {
                metrics.closed();
                metrics.userDone(false);
                end.end(EndReason.TIME_UP);
                return true;
            }
            case CONFLICT -> {
                return conflict(turn);
            }
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    private void alreadyWon(Turn turn) {
        metrics.alreadyWon();
        if (!turn.afterFault) {
            metrics.userDone(false);
        } else if (claimMeansWon) {
            // after a lost reply this is our own earlier attempt, and the claim was the sale itself
            userWon(turn);
        } else {
            // the claim comes before the item: whether the lost attempt got one is not known
            metrics.userUnknown();
        }
    }

    private void soldOut(Turn turn) {
        metrics.soldOut();
        metrics.userDone(false);
        if (!allBucketsSoldOut(turn)) {
            // another bucket may still have stock for its users: only this bucket's are turned away
            return;
        }
        if (end.end(EndReason.SOLD_OUT)) {
            soldOutNanos = System.nanoTime();
        }
    }

    /** True when the user is done: out of retries, or the run has ended meanwhile. */
    private boolean conflict(Turn turn) {
        metrics.conflict();
        if (turn.conflictsLeft-- <= 0 || end.hasEnded()) {
            metrics.userDone(false);
            return true;
        }
        return false;
    }

    /** With buckets, notes the user's bucket as sold out; true once every bucket is (always with one). */
    private boolean allBucketsSoldOut(Turn turn) {
        if (buckets == 1) {
            return true;
        }
        soldOutBuckets.add(SaleKeys.bucketOf(turn.userId, buckets));
        return soldOutBuckets.size() == buckets;
    }

    private void userWon(Turn turn) {
        winners.won(turn);
        metrics.userDone(true);
    }

    /** When the first buyer was told the stock was gone (on {@link System#nanoTime}), 0 until then. */
    long soldOutNanos() {
        return soldOutNanos;
    }
}
