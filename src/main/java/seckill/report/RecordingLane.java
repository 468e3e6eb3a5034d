package seckill.report;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import seckill.metrics.MetricsSnapshot;
import seckill.sale.Purchase;
import seckill.sale.SaleState;
import seckill.sim.Attempts;

/**
 * One sale's timed events on their way into a recording: its attempts (by time sent), Redis's purchases (by rank)
 * and the window's polls (in the order taken), merged in time order, each kept in its own order; a purchase or an
 * attempt goes before a poll of the same time. A comparison's lanes are merged again by {@link #nextNanos()}, each
 * counted from its own start, every line naming its lane.
 */
final class RecordingLane {
    private final Attempts attempts;
    private final List<Purchase> purchases;
    private final List<RecordingWriter.Polled> polls;
    private final long startedAt;
    /** The lane's name on each line, or null for one sale's recording. */
    private final String lane;
    private int a;
    private int p;
    private int q;

    RecordingLane(RecordingWriter.Lane sale, String lane) {
        this.attempts = sale.attempts();
        this.purchases = sale.purchases() == null ? List.of() : sale.purchases();
        this.polls = sale.polls();
        this.startedAt = attempts.startEpochMs();
        this.lane = lane;
    }

    /** When the next event happened, ns since the lane's start; {@link Long#MAX_VALUE} when none is left. */
    long nextNanos() {
        return Math.min(Math.min(attemptNanos(), purchaseNanos()), pollNanos());
    }

    boolean hasNext() {
        return a < attempts.size() || p < purchases.size() || q < polls.size();
    }

    /** Writes the next event (one line). */
    void writeNext(JsonGenerator json) throws IOException {
        long attempt = attemptNanos();
        long purchase = purchaseNanos();
        if (p < purchases.size() && purchase <= attempt && purchase <= pollNanos()) {
            purchase(json, purchases.get(p++));
        } else if (a < attempts.size() && attempt <= pollNanos()) {
            attempt(json, a++);
        } else {
            poll(json, polls.get(q++));
        }
    }

    private long attemptNanos() {
        return a < attempts.size() ? attempts.sentNanos(a) : Long.MAX_VALUE;
    }

    private long purchaseNanos() {
        if (p >= purchases.size()) {
            return Long.MAX_VALUE;
        }
        Purchase next = purchases.get(p);
        return next.atMs() < 0 ? Long.MIN_VALUE : (next.atMs() - startedAt) * 1_000_000;
    }

    private long pollNanos() {
        return q < polls.size() ? (polls.get(q).atMs() - startedAt) * 1_000_000 : Long.MAX_VALUE;
    }

    private void start(JsonGenerator json, String t, String type) throws IOException {
        json.writeStartObject();
        json.writeFieldName("t");
        json.writeNumber(t);
        json.writeStringField("type", type);
        if (lane != null) {
            json.writeStringField("lane", lane);
        }
    }

    private static void finish(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void attempt(JsonGenerator json, int i) throws IOException {
        start(json, RecordingWriter.ms(attempts.sentNanos(i)), "attempt");
        json.writeNumberField("user", attempts.userIndex(i));
        json.writeStringField("id", attempts.userId(i));
        json.writeNumberField("n", attempts.attempt(i));
        json.writeFieldName("sent");
        json.writeNumber(RecordingWriter.ms(attempts.sentNanos(i)));
        json.writeFieldName("answered");
        json.writeNumber(attempts.lost(i) ? "-1" : RecordingWriter.ms(attempts.answeredNanos(i)));
        json.writeStringField("outcome", attempts.outcomeName(i));
        finish(json);
    }

    private void purchase(JsonGenerator json, Purchase bought) throws IOException {
        start(json, Long.toString(bought.atMs() < 0 ? -1 : bought.atMs() - startedAt), "purchase");
        json.writeNumberField("rank", bought.position() + 1);
        json.writeStringField("user", bought.userId());
        finish(json);
    }

    private void poll(JsonGenerator json, RecordingWriter.Polled polled) throws IOException {
        start(json, Long.toString(polled.atMs() - startedAt), "poll");
        SaleState s = polled.state();
        if (s == null) {
            json.writeBooleanField("lost", true);
        } else {
            json.writeNumberField("stock", s.total());
            json.writeNumberField("sold", s.sold());
            json.writeNumberField("left", s.stockLeft());
            json.writeNumberField("oversold", s.oversold());
            json.writeNumberField("winners", s.winners());
            json.writeNumberField("ttl_ms", s.ttlMillis());
        }
        MetricsSnapshot m = polled.metrics();
        if (m != null) {
            json.writeNumberField("attempts", m.attempts());
            json.writeNumberField("wins", m.wins());
            json.writeNumberField("conflicts", m.conflicts());
        }
        finish(json);
    }
}
