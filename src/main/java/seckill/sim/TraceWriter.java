package seckill.sim;

/**
 * A purchase that bears on a traced round trip: who bought, when, and which item.
 *
 * @param userId who bought
 * @param atMs   when, in ms since the run's buyers were let in (the buying client's clock); for a purchase read back
 *               from {@code kill_time}, to the ms
 * @param item   which item: {@code kill_num} after its INCR, from 1
 */
public record TraceWriter(String userId, double atMs, long item) {
}
