package seckill.ui.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seckill.metrics.LatencySummary;
import seckill.metrics.MetricsSnapshot;
import seckill.report.Recording;
import seckill.sale.SaleState;

/**
 * A recording laid out for replay: what Redis held and what the client had counted at any recorded time, as the
 * poller would have read it then. Times are ms since the buyers were let in; nothing here keeps a clock.
 */
final class ReplayTimeline {
    private final long startedAt;
    private final long stock;
    private final double durationSettingMs;
    private final double spanMs;
    private final int scale;
    private final long endSold;
    private final long endWinners;
    /** The sale's flag had expired when it ended: its time ran out (else it was still open, as Redis had it). */
    private final boolean timeRanOut;
    /** Purchases in rank order: when each may show (never before the one ranked before it), and who bought. */
    private final double[] purchaseAt;
    private final List<String> purchaseUser = new ArrayList<>();
    /** When attempts settled (answered, or sent when the reply was lost), by outcome; sorted. */
    private final Map<String, double[]> settled = new HashMap<>();
    private final double[] allSettled;
    /** Attempts' latencies in the order of {@link #allSettled}. */
    private final double[] latencies;
    private final double[] usersDone;
    private final double[] usersUnknown;

    ReplayTimeline(Recording recording) {
        Map<String, Object> settings = recording.header().settings();
        startedAt = recording.header().startedAt();
        stock = number(settings.get("stock"), 0);
        durationSettingMs = number(settings.get("duration_s"), 0) * 1000.0;
        scale = Math.max(1, recording.header().sampledEvery());
        Map<String, Object> end = recording.end().fields();
        List<Recording.Purchase> purchases = recording.purchases();
        purchaseAt = new double[purchases.size()];
        double last = 0;
        for (int i = 0; i < purchases.size(); i++) {
            last = Math.max(last, purchases.get(i).t());
            purchaseAt[i] = last;
            purchaseUser.add(purchases.get(i).user());
        }
        endWinners = number(end.get("winners"), purchases.size());
        endSold = number(end.get("sold"), purchases.size());
        timeRanOut = "time_up".equals(end.get("ended_by"));
        List<Recording.Attempt> attempts = new ArrayList<>(recording.attempts());
        attempts.sort((a, b) -> Double.compare(settledAt(a), settledAt(b)));
        allSettled = new double[attempts.size()];
        latencies = new double[attempts.size()];
        Map<String, List<Double>> byOutcome = new HashMap<>();
        Map<Long, Recording.Attempt> lastOfUser = new HashMap<>();
        double lastAt = 0;
        for (int i = 0; i < attempts.size(); i++) {
            Recording.Attempt a = attempts.get(i);
            allSettled[i] = settledAt(a);
            latencies[i] = a.answered() < 0 ? Double.NaN : a.answered() - a.sent();
            byOutcome.computeIfAbsent(a.outcome(), k -> new ArrayList<>()).add(allSettled[i]);
            lastOfUser.merge(a.user(), a, (x, y) -> y.n() > x.n() ? y : x);
            lastAt = Math.max(lastAt, allSettled[i]);
        }
        byOutcome.forEach((outcome, times) -> settled.put(outcome, sorted(times)));
        usersDone = sorted(lastOfUser.values().stream().map(ReplayTimeline::settledAt).toList());
        usersUnknown = sorted(lastOfUser.values().stream().filter(a -> a.answered() < 0)
                .map(ReplayTimeline::settledAt).toList());
        double span = Math.max(recording.end().t(), lastAt);
        spanMs = Math.max(1, purchaseAt.length == 0 ? span : Math.max(span, purchaseAt[purchaseAt.length - 1]));
    }

    /** The recorded sale's length in ms: from the buyers let in to its end, or its last event if later. */
    double spanMs() {
        return spanMs;
    }

    long stock() {
        return stock;
    }

    /** Purchases Redis had recorded by then. */
    int purchasesBy(double t) {
        return countUpTo(purchaseAt, t);
    }

    /**
     * The sale as the poller would have read it at {@code t}, with the winners from {@code fromIndex} on; at the
     * end, the figures Redis held when the run ended.
     */
    SaleState state(double t, int fromIndex) {
        int bought = purchasesBy(t);
        boolean over = t >= spanMs;
        long winners = over ? Math.max(endWinners, bought) : bought;
        long sold = over ? endSold : Math.min(bought, endSold);
        long ttl = over && timeRanOut ? -2 : Math.max(0, Math.round(durationSettingMs - t));
        int from = Math.min(fromIndex, bought);
        List<Long> times = new ArrayList<>(bought - from);
        for (int i = from; i < bought; i++) {
            times.add(startedAt + Math.round(purchaseAt[i]));
        }
        return new SaleState(stock, sold, winners, ttl, startedAt, from, purchaseUser.subList(from, bought), times,
                startedAt + Math.round(t));
    }

    /**
     * What the client had counted by {@code t}, its rates over the {@code windowMs} before it (recorded time); with
     * {@code averages}, the whole sale's rates instead, as the local run's tiles show them once it has ended.
     */
    MetricsSnapshot metrics(double t, double windowMs, boolean averages) {
        double from = Math.max(0, t - windowMs);
        double seconds = averages ? Math.max(t, 1) / 1000.0 : Math.max(t - from, 1e-3) / 1000.0;
        double since = averages ? -1 : from;
        int upTo = countUpTo(allSettled, t);
        // the whole sale's latencies only once, at its end: a window's are enough while it plays
        LatencySummary interval = averages ? LatencySummary.EMPTY : latency(countUpTo(allSettled, from), upTo);
        LatencySummary overall = averages ? latency(0, upTo) : interval;
        long wins = count("won", t) + count("won_stranded", t);
        return new MetricsSnapshot(Math.round(t), (long) upTo * scale, wins, count("sold_out", t),
                count("closed", t), count("already_won", t), count("conflict", t),
                count("lost", t) + count("error", t), (long) countUpTo(usersDone, t) * scale, wins,
                (long) countUpTo(usersUnknown, t) * scale, count("won_stranded", t),
                (upTo - countUpTo(allSettled, since)) * scale / seconds,
                (count("won", t) + count("won_stranded", t) - count("won", since) - count("won_stranded", since))
                        / seconds,
                (count("conflict", t) - count("conflict", since)) / seconds, interval, overall);
    }

    private long count(String outcome, double t) {
        double[] times = settled.get(outcome);
        return times == null || t < 0 ? 0 : (long) countUpTo(times, t) * scale;
    }

    private LatencySummary latency(int from, int to) {
        double[] window = Arrays.stream(latencies, from, to).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (window.length == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(quantile(window, 0.5), quantile(window, 0.9), quantile(window, 0.99),
                quantile(window, 0.999), window[window.length - 1], window.length);
    }

    private static double quantile(double[] sorted, double q) {
        int at = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }

    private static double settledAt(Recording.Attempt a) {
        return a.answered() < 0 ? a.sent() : a.answered();
    }

    /** How many of the sorted times are at or before {@code t}. */
    static int countUpTo(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] sorted(List<Double> times) {
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }
}
