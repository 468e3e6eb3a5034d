package seckill.ui.live;

/**
 * The numbers on the tiles, at one moment. Values the dashboard cannot know (the client's own counters while it
 * watches another client's sale) are -1 or NaN, and the tiles show a dash.
 *
 * @param exists       a sale is open under the prefix
 * @param stockLeft    the stock less what was sold: below zero when the sale oversold
 * @param ttlMillis    the flag's time to live; -2 closed, -1 no expiry
 * @param conflicts    lost optimistic transactions of the local run, or -1
 * @param attemptsPerS of the local run, or NaN
 * @param p99Ms        latency of the local run's last interval, or NaN
 */
public record Figures(boolean exists, long total, long sold, long stockLeft, long winners, long oversold,
                      long ttlMillis, long conflicts, double attemptsPerS, double p99Ms) {

    public static final Figures NONE = new Figures(false, -1, 0, 0, 0, 0, -2, -1, Double.NaN, Double.NaN);
}
