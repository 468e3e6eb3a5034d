package seckill.sale;

/**
 * One item sold, as the sale's lists hold it.
 *
 * @param position its place in {@code kill_user}, from 0 (the item {@code position + 1})
 * @param userId   who bought it, or null when the list is not that long
 * @param atMs     when (epoch ms, the buying client's clock, from {@code kill_time}), or -1 when unknown
 */
public record Purchase(long position, String userId, long atMs) {
    public boolean exists() {
        return userId != null;
    }
}
