package seckill.sim;

import java.util.List;

/**
 * One round trip's commands as a buyer sent them, or their replies as they came back: a line of the sampled feed of
 * what the sale sends ({@link CommandFeed}), to read beside {@code redis-cli MONITOR}.
 *
 * @param epochMicros when, on this client's wall clock, in microseconds since 1970 (MONITOR's own unit)
 * @param userId      the buyer
 * @param reply       true for the replies, false for the commands sent
 * @param parts       the commands as {@code redis-cli} shows them, or one reply each
 */
public record FeedLine(long epochMicros, String userId, boolean reply, List<String> parts) {
    public FeedLine {
        parts = List.copyOf(parts);
    }
}
