package seckill.ui.live;

import seckill.students.ClassRoom;

/**
 * One line of the winners table. Small on purpose: a sale of 100 000 winners keeps 100 000 of these.
 *
 * @param rank        1 for the first buyer
 * @param userId      as the buying client wrote it
 * @param msSinceOpen when the item was bought, counted from the sale's opening; -1 when unknown
 * @param beyondStock  this winner's item was not in stock: the sale oversold it (the naive strategy's lesson)
 */
public record WinnerRow(long rank, String userId, long msSinceOpen, boolean beyondStock) {

    /** Whether this winner is a student who joined from their phone. */
    public boolean student() {
        return userId != null && userId.startsWith(ClassRoom.USER_PREFIX);
    }

    /** The name the table shows: a student's nickname alone, anyone else's user id as written. */
    public String shownName() {
        return student() ? userId.substring(ClassRoom.USER_PREFIX.length()) : userId;
    }
}
