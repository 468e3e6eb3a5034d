package seckill.students;

import seckill.sim.HumanBuyers;

/** One student in the class room: a name, its user id in the sale, its token, and its last answer in this sale. */
final class Player {
    final String name;
    final String userId;
    final String token;
    /** The last answer to a tap in the sale followed now, or null when none (a new sale forgets it). */
    private volatile HumanBuyers.Answer last;
    /** The item won in the sale followed now (from 1), or -1. */
    private volatile long rank = -1;

    Player(String name, String token) {
        this.name = name;
        this.userId = StudentNames.userId(name);
        this.token = token;
    }

    HumanBuyers.Answer last() {
        return last;
    }

    long rank() {
        return rank;
    }

    boolean won() {
        return rank > 0;
    }

    /** Keeps the answer; true when it is the player's first win in this sale. */
    synchronized boolean answered(HumanBuyers.Answer answer) {
        last = answer;
        boolean holds = answer.tap() == HumanBuyers.Tap.WON || answer.tap() == HumanBuyers.Tap.ALREADY_WON;
        if (holds && rank <= 0) {
            rank = Math.max(1, answer.rank());
            return true;
        }
        return false;
    }

    /** A new sale: nothing answered yet. */
    synchronized void forget() {
        last = null;
        rank = -1;
    }
}
