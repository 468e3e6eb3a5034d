package seckill.ui.live;

import static seckill.ui.common.Formats.UNKNOWN;
import static seckill.ui.common.Formats.count;
import static seckill.ui.common.Formats.millis;
import static seckill.ui.common.Formats.perSecond;

import seckill.ui.common.Formats;

/** What each tile shows, in the order the view lays them out. */
record TileTexts(String stockLeft, String sold, String winners, String oversold, String attemptsPerS,
                 String conflicts, String p99, String timeLeft, boolean alarm) {

    /**
     * The tiles' texts for these figures; {@code closed} is the word for a sale whose flag is gone, {@code soldOut}
     * for one with no stock left: its time left no longer counts down as if it could still sell.
     */
    static TileTexts of(Figures f, String closed, String soldOut) {
        if (!f.exists()) {
            return new TileTexts(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, false);
        }
        return new TileTexts(signed(f.stockLeft()), count(f.sold()) + " / " + count(f.total()), count(f.winners()),
                count(f.oversold()), perSecond(f.attemptsPerS()), f.conflicts() < 0 ? UNKNOWN : count(f.conflicts()),
                millis(f.p99Ms()), f.ttlMillis() != -2 && f.stockLeft() <= 0 ? soldOut
                        : Formats.timeLeft(f.ttlMillis(), closed),
                f.oversold() > 0);
    }

    /** {@code −150}: a figure below zero with a real minus sign, readable from the back of the room. */
    private static String signed(long n) {
        return n < 0 ? "\u2212" + count(-n) : count(n);
    }
}
