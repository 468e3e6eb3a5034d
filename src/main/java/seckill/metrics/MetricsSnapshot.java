package seckill.metrics;

/**
 * The counters at one moment, with the rates and latency of the interval since the previous snapshot.
 *
 * @param elapsedMs     since the metrics started
 * @param attempts      purchase attempts, retries included
 * @param wins          attempts that sold an item
 * @param soldOut       attempts refused: no stock
 * @param closed        attempts refused: the sale had closed
 * @param alreadyWon    attempts refused: the user had already won
 * @param conflicts     optimistic transactions that lost the race
 * @param errors        attempts that failed on a Redis error (retried or not)
 * @param usersDone     users who finished (won, lost, or unknown)
 * @param usersWon      users confirmed to have got an item
 * @param usersUnknown  users whose last reply was lost, so that whether they got an item is not known
 * @param strandedSold  wins of items a lost connection had stranded (decr), sold rather than left unsold
 * @param attemptsPerS  in the interval
 * @param winsPerS      in the interval
 * @param conflictsPerS in the interval
 * @param interval      latency of the interval's attempts
 * @param overall       latency of all attempts so far
 */
public record MetricsSnapshot(long elapsedMs, long attempts, long wins, long soldOut, long closed, long alreadyWon,
                              long conflicts, long errors, long usersDone, long usersWon, long usersUnknown,
                              long strandedSold, double attemptsPerS, double winsPerS, double conflictsPerS,
                              LatencySummary interval, LatencySummary overall) {

    public static final MetricsSnapshot ZERO = new MetricsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            LatencySummary.EMPTY, LatencySummary.EMPTY);

    public long usersLost() {
        return usersDone - usersWon - usersUnknown;
    }
}
