package seckill.sale;

/** What one purchase attempt did. */
public enum Outcome {
    /** The user got an item. */
    WON,
    /** The user got an item that a lost connection had stranded on decr's gate, and that would else stay unsold. */
    WON_STRANDED,
    /** No stock left. */
    SOLD_OUT,
    /** The sale's flag has expired (or was never set). */
    CLOSED,
    /** The user is already among the winners: one item per user. */
    ALREADY_WON,
    /** An optimistic transaction lost the race (EXEC returned null); the user may retry. */
    CONFLICT;

    /** The user holds an item now (won it, or had won it before). */
    public boolean holdsItem() {
        return this == WON || this == WON_STRANDED || this == ALREADY_WON;
    }
}
