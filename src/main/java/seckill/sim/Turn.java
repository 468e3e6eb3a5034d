package seckill.sim;

/** One user in play: the tries left after conflicts, and the run of connection faults they are in. */
final class Turn {
    final String userId;
    int conflictsLeft;
    boolean afterFault;
    long faultSince;
    int faultStreak;

    Turn(String userId, int retries) {
        this.userId = userId;
        this.conflictsLeft = retries;
    }
}
