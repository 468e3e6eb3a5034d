package seckill.ui.live;

/**
 * One line of the winners table. Small on purpose: a sale of 100 000 winners keeps 100 000 of these.
 *
 * @param rank        1 for the first buyer
 * @param userId      as the buying client wrote it
 * @param msSinceOpen when the item was bought, counted from the sale's opening; -1 when unknown
 * @param beyondStock  this winner's item was not in stock: the sale oversold it (the naive strategy's lesson)
 */
public record WinnerRow(long rank, String userId, long msSinceOpen, boolean beyondStock) {
}
