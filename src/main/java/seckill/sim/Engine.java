package seckill.sim;

/**
 * Plays the buyers: {@code pool} of them at a time, each on a connection of its own with one request in flight,
 * taking users from the rules until the rules say the run has ended. The engines differ in how a buyer waits for
 * its reply, never in what it sends or how an outcome counts.
 */
interface Engine {
    /**
     * Plays every user, or until the run ends; returns when every buyer has left and closed its connection. The
     * engine marks the start ({@link BuyerRules#start()}) when its first users may arrive.
     */
    void play(BuyerRules rules);
}
