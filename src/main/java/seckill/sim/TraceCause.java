package seckill.sim;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a traced attempt came out as it did, where the sale's own record can tell.
 *
 * <p>{@link Kind#WATCH_BROKEN}: an EXEC that a WATCH aborted. The purchase that changed the watched keys is the first
 * one after the WATCH: {@code kill_num} read with the WATCH was {@code soldSeen}, and every purchase writes
 * {@code kill_num} and {@code kill_user} in one step, so it is {@code kill_user[soldSeen]}, read back from Redis. No
 * purchase there: the flag expired, or another client wrote a watched key.
 *
 * <p>{@link Kind#SAME_READ}: a naive purchase that read {@code kill_num = soldSeen} and wrote, as other buyers did
 * who read the same figure: each decided there was stock for it, and all sold.
 *
 * @param kind     which explanation
 * @param soldSeen {@code kill_num} as the attempt read it
 * @param writers  the purchases that explain it (for {@link Kind#SAME_READ}, the first few of them)
 * @param count    how many purchases explain it in all ({@code writers} may list fewer)
 */
public record TraceCause(Kind kind, long soldSeen, List<TraceWriter> writers, long count) {
    /** The most purchases a cause lists; {@code count} says how many there were. */
    public static final int MOST_LISTED = 10;

    public enum Kind { WATCH_BROKEN, SAME_READ }

    public TraceCause {
        writers = List.copyOf(writers);
    }

    /** One line of English (the window words it in its own bundles). */
    public String english() {
        return switch (kind) {
            case WATCH_BROKEN -> writers.isEmpty()
                    ? "EXEC aborted: no purchase came after the WATCH (kill_num was " + soldSeen + "): the sale's "
                    + "flag expired, or another client wrote a watched key"
                    : "EXEC aborted: after the WATCH (kill_num was " + soldSeen + "), " + describe(writers.get(0))
                    + " changed kill_num";
            case SAME_READ -> "same read: kill_num = " + soldSeen + " was read by " + writers.stream()
                    .map(TraceCause::describe).collect(Collectors.joining(", "))
                    + (count > writers.size() ? " and " + (count - writers.size()) + " more" : "")
                    + (count == 1 ? " too, and both wrote" : " too, and all wrote");
        };
    }

    private static String describe(TraceWriter w) {
        return w.userId() + " (item " + w.item() + String.format(Locale.ROOT, " at +%.1f ms)", w.atMs());
    }
}
