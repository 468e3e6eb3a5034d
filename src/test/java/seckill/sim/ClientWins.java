package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import seckill.sale.Outcome;

/**
 * What the client told its users, read from the run's attempt log ({@link Simulation#record}) rather than from the
 * result's own count: who heard "won", and whose fate it never heard (a reply lost to a fault, so the purchase may
 * or may not have been made). Held against {@code kill_user} afterwards.
 *
 * @param won     users an attempt answered with a win
 * @param unknown users with an attempt whose reply was lost
 */
public record ClientWins(Set<String> won, Set<String> unknown) {

    /** Records every attempt of that simulation; call before it runs, {@link #of} once it has. */
    public static AttemptLog record(Simulation simulation) {
        AttemptLog log = simulation.record(AttemptLog.DEFAULT_CAP);
        assertThat(log.every()).as("every user recorded").isEqualTo(1);
        return log;
    }

    public static ClientWins of(AttemptLog log) {
        Attempts attempts = log.attempts();
        assertThat(attempts).as("the run's attempts").isNotNull();
        Set<String> won = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < attempts.size(); i++) {
            int outcome = attempts.outcome(i);
            if (outcome == Outcome.WON.ordinal() || outcome == Outcome.WON_STRANDED.ordinal()) {
                won.add(attempts.userId(i));
            } else if (attempts.lost(i)) {
                unknown.add(attempts.userId(i));
            }
        }
        return new ClientWins(Set.copyOf(won), Set.copyOf(unknown));
    }

    /**
     * No acknowledged win lost and none made up: something was won, every win told is in {@code inRedis}, and every
     * winner there was told or lost its reply.
     */
    public void assertExactlyIn(Set<String> inRedis) {
        assertThat(won).as("acknowledged wins").isNotEmpty();
        assertThat(lostIn(inRedis)).as("acknowledged wins missing from kill_user").isEmpty();
        assertThat(unexplainedIn(inRedis)).as("wins in kill_user nobody was told of").isEmpty();
    }

    /** Acknowledged wins Redis does not hold. */
    public Set<String> lostIn(Set<String> inRedis) {
        Set<String> lost = new HashSet<>(won);
        lost.removeAll(inRedis);
        return lost;
    }

    /** Winners in Redis the client neither acknowledged nor lost a reply for: wins it never made. */
    public Set<String> unexplainedIn(Set<String> inRedis) {
        Set<String> stray = new HashSet<>(inRedis);
        stray.removeAll(won);
        stray.removeAll(unknown);
        return stray;
    }
}
