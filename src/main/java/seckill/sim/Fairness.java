package seckill.sim;

/**
 * Did the first to arrive win? Among a run's first {@code stock} users to arrive (or all who arrived, when fewer
 * did), the share who won: 1.0 is first come, first served. A user arrives once, when its first attempt is sent
 * (after its wait for a spread or a pace); retries do not move it. Confirmed wins only: a user whose reply was
 * lost is not counted as a winner. See docs/ARCHITECTURE.md, "The JSON report".
 *
 * @param firstArrivals the users counted: {@code min(stock, users who arrived)}
 * @param wonAmongThem  how many of them won
 */
public record Fairness(long firstArrivals, long wonAmongThem) {
    /** No user arrived: there is nothing to judge. */
    public static final Fairness NONE = new Fairness(0, 0);

    public Fairness {
        if (firstArrivals < 0 || wonAmongThem < 0 || wonAmongThem > firstArrivals) {
            throw new IllegalArgumentException("fairness of " + wonAmongThem + " won among " + firstArrivals);
        }
    }

    /** From the ranks of arrival: {@code places} is the stock, {@code arrived} how many users arrived. */
    public static Fairness of(long places, long arrived, long wonAmongFirst) {
        return new Fairness(Math.min(places, arrived), wonAmongFirst);
    }

    public boolean known() {
        return firstArrivals > 0;
    }

    /** The share, from 0 to 1; NaN when no user arrived. */
    public double share() {
        return known() ? (double) wonAmongThem / firstArrivals : Double.NaN;
    }
}
