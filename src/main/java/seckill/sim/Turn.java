package seckill.sim;

/** One user in play: the tries left after conflicts, and the run of connection faults they are in. */
final class Turn {
    final String userId;
    int conflictsLeft;
    boolean afterFault;
    long faultSince;
    int faultStreak;
    /** Let in by the pace: counted among the buyers in play until done. */
    boolean paced;
    /** The user's rank of arrival (its first attempt sent), from 0; -1 until it arrives. */
    long arrival = -1;

    Turn(String userId, int retries) {
        this.userId = userId;
        this.conflictsLeft = retries;
    }
}
