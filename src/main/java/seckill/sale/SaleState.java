package seckill.sale;

import java.util.List;

/**
 * The sale as Redis holds it at one moment, read in one round trip.
 *
 * @param total      {@code kill_total}, or -1 when no sale exists
 * @param sold       {@code kill_num}
 * @param winners    {@code LLEN kill_user}
 * @param ttlMillis  the flag's remaining time to live in ms; -2 gone, -1 no expiry
 * @param openedMs   when the sale was opened (epoch ms), or -1 when another client opened it without saying
 * @param fromIndex  index in {@code kill_user} of the first of {@code newWinners}
 * @param newWinners winners from {@code fromIndex} on (a bounded batch)
 * @param newTimes   their purchase times (epoch ms), parallel to newWinners; -1 where unknown
 * @param readAtMs   when this state was read (epoch ms)
 */
public record SaleState(long total, long sold, long winners, long ttlMillis, long openedMs, long fromIndex,
                        List<String> newWinners, List<Long> newTimes, long readAtMs) {

    public SaleState {
        newWinners = List.copyOf(newWinners);
        newTimes = List.copyOf(newTimes);
    }

    public boolean exists() {
        return total >= 0;
    }

    /** The flag is there: the sale takes orders. */
    public boolean isOpen() {
        return ttlMillis != -2;
    }

    public long stockLeft() {
        return Math.max(0, total - sold);
    }

    /** Items sold beyond the stock, by the counter or by the winners' list, whichever shows more. */
    public long oversold() {
        return exists() ? Math.max(0, Math.max(sold, winners) - total) : 0;
    }

    /** The index to read from next time. */
    public long nextIndex() {
        return fromIndex + newWinners.size();
    }
}
