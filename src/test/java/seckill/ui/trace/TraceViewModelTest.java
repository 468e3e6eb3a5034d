package seckill.ui.trace;

import seckill.ui.trace.TraceViewModel.Step;
import seckill.ui.trace.TraceViewModel.Role;
import seckill.ui.trace.TraceViewModel.Arrow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import seckill.sale.Outcome;
import seckill.sim.RoundTripKind;
import seckill.sim.Trace;
import seckill.sim.TraceCause;
import seckill.sim.TraceStep;
import seckill.sim.TraceWriter;
import seckill.ui.common.LocalText;

/** The timeline without a toolkit or a clock: built from constructed traces, stepped and replayed by hand. */
class TraceViewModelTest {
    private static final String P = "t:";
    private static final List<String> WATCH = List.of("WATCH t:kill_flag t:kill_num t:kill_total t:kill_buyers",
            "MGET t:kill_flag t:kill_num t:kill_total", "SISMEMBER t:kill_buyers u1");
    private static final List<String> WATCH_REPLIES = List.of("OK", "1) \"1\" 2) \"39\" 3) \"50\"", "(integer) 0");
    private static final List<String> EXEC = List.of("MULTI", "INCR t:kill_num", "RPUSH t:kill_user u1",
            "SADD t:kill_buyers u1", "RPUSH t:kill_time 1796049463133", "EXEC");

    private static List<String> execReplies(String last) {
        return List.of("OK", "QUEUED", "QUEUED", "QUEUED", "QUEUED", last);
    }

    /** u1 watches at 10 ms, u9 buys item 40 at {@code writtenMs}, u1's EXEC comes back nil at 12 ms. */
    private static Trace aborted(double writtenMs) {
        TraceCause cause = new TraceCause(TraceCause.Kind.WATCH_BROKEN, 39,
                List.of(new TraceWriter("u9", writtenMs, 40)), 1);
        return new Trace("u1", 116, 5, List.of(
                new TraceStep(1, 10.0, WATCH, 10.5, WATCH_REPLIES, null, null, null),
                new TraceStep(1, 10.6, EXEC, 12.0, execReplies("(nil)"), Outcome.CONFLICT, cause, null)));
    }

    private static Trace won(String user, long arrival, double at) {
        return new Trace(user, arrival, arrival, List.of(
                new TraceStep(1, at, WATCH, at + 0.4, WATCH_REPLIES, null, null, null),
                new TraceStep(1, at + 0.5, EXEC, at + 1, execReplies("1) (integer) 34"), Outcome.WON, null, null)));
    }

    private static TraceViewModel watchModel(Trace... traces) {
        TraceViewModel model = new TraceViewModel();
        model.show(List.of(traces), P);
        return model;
    }

    private static List<RoundTripKind> kinds(TraceViewModel model) {
        return model.stepsProperty().get().stream().map(Step::kind).toList();
    }

    @Test
    void drawsTheOtherBuyersPurchaseBetweenTheWatchAndTheAbortedExec() {
        // the explained buyer comes first, though it arrived later
        TraceViewModel model = watchModel(won("u2", 1, 3.0), aborted(11.0));
        assertThat(model.isAvailable()).isTrue();
        assertThat(model.lifelinesProperty().get()).extracting(TraceViewModel.Lifeline::name)
                .containsExactly("u1", "u2", "Redis", "u9");
        assertThat(model.lifelinesProperty().get()).extracting(TraceViewModel.Lifeline::role)
                .containsExactly(Role.BUYER, Role.BUYER, Role.REDIS, Role.OTHER);
        assertThat(model.lifelinesProperty().get().get(0).outcome()).isEqualTo(Outcome.CONFLICT);

        List<Step> steps = model.stepsProperty().get();
        assertThat(steps).extracting(Step::arrow).containsExactly(Arrow.SEND, Arrow.REPLY, Arrow.SEND, Arrow.REPLY,
                Arrow.SEND, Arrow.REPLY, Arrow.SEND, Arrow.WRITE, Arrow.REPLY);
        assertThat(steps).extracting(Step::lifeline).containsExactly(1, 1, 1, 1, 0, 0, 0, 3, 0);
        assertThat(steps).extracting(Step::atMs).containsExactly(3.0, 3.4, 3.5, 4.0, 10.0, 10.5, 10.6, 11.0, 12.0);
        // keys without the prefix; a run of QUEUED said once
        assertThat(steps.get(4).lines().get(0)).isEqualTo("WATCH kill_flag kill_num kill_total kill_buyers");
        assertThat(steps.get(8).lines()).containsExactly("OK", "QUEUED ×4", "(nil)");
        assertThat(steps.get(7).lines()).containsExactly("40");
        assertThat(steps.get(8).outcome()).isEqualTo(Outcome.CONFLICT);
    }

    @Test
    void aPurchaseStampedToTheMsBeforeTheWatchStillLandsBetweenTheWatchAndTheExec() {
        // kill_time is to the ms: 9 ms may stand for 10.2; the write happened after the WATCH read kill_num = 39
        List<Step> early = watchModel(aborted(9.0)).stepsProperty().get();
        assertThat(early).extracting(Step::arrow).containsExactly(Arrow.SEND, Arrow.WRITE, Arrow.REPLY, Arrow.SEND,
                Arrow.REPLY);
        assertThat(early.get(1).atMs()).isEqualTo(9.0); // shown at its own time
        List<Step> late = watchModel(aborted(13.0)).stepsProperty().get();
        assertThat(late).extracting(Step::arrow).containsExactly(Arrow.SEND, Arrow.REPLY, Arrow.SEND, Arrow.WRITE,
                Arrow.REPLY);
    }

    @Test
    void stepsForwardAndBackWithTheKindAndTheWordsOfEachStep() {
        TraceViewModel model = watchModel(aborted(11.0));
        assertThat(model.getCurrent()).isZero();
        assertThat(model.currentKindProperty().get()).isEqualTo(RoundTripKind.WATCH_READ);
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.send.watch_read", "u1",
                "+10.0 ms"));
        assertThat(model.positionProperty().get()).isEqualTo(LocalText.of("trace.position", 1, 5));
        model.previous();
        assertThat(model.getCurrent()).isZero();

        model.next();
        model.next();
        assertThat(model.currentKindProperty().get()).isEqualTo(RoundTripKind.EXEC);
        model.next();
        assertThat(model.currentStepProperty().get().arrow()).isEqualTo(Arrow.WRITE);
        assertThat(model.currentKindProperty().get()).as("none of u1's code").isEqualTo(RoundTripKind.OTHER);
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.write.watch", "u9", "+11.0 ms",
                "40", "u1", 39L));
        model.next();
        assertThat(model.currentKindProperty().get()).isEqualTo(RoundTripKind.EXEC);
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.reply.aborted", "u1", "+12.0 ms",
                39L, "u9", 40L, "+11.0 ms"));
        model.next();
        assertThat(model.getCurrent()).isEqualTo(4);
        model.previous();
        assertThat(model.getCurrent()).isEqualTo(3);
        model.first();
        assertThat(model.getCurrent()).isZero();
        model.last();
        assertThat(model.getCurrent()).isEqualTo(4);
    }

    @Test
    void replaysOneStepPerTickedSecondAtTheChosenSpeedAndStopsAtTheEnd() {
        TraceViewModel model = watchModel(aborted(11.0));
        model.tick(5);
        assertThat(model.getCurrent()).as("not playing: ticks do nothing").isZero();
        model.play();
        assertThat(model.isPlaying()).isTrue();
        model.tick(0.5);
        assertThat(model.getCurrent()).isZero();
        model.tick(0.5);
        assertThat(model.getCurrent()).isEqualTo(1);
        model.faster();
        assertThat(model.speedProperty().get()).isEqualTo(2.0);
        model.tick(0.5);
        assertThat(model.getCurrent()).isEqualTo(2);
        model.togglePlay();
        model.tick(10);
        assertThat(model.getCurrent()).as("paused").isEqualTo(2);
        model.togglePlay();
        model.tick(10);
        assertThat(model.getCurrent()).isEqualTo(4);
        assertThat(model.isPlaying()).as("stops at the last step").isFalse();
        model.play();
        assertThat(model.getCurrent()).as("from the end, a replay starts over").isZero();
        model.slower();
        model.slower();
        assertThat(model.speedProperty().get()).isEqualTo(0.5);
        model.tick(1.9);
        assertThat(model.getCurrent()).isZero();
        model.tick(0.1);
        assertThat(model.getCurrent()).isEqualTo(1);
    }

    @Test
    void showsAFewBuyersAtATimeAndPagesThroughTheRest() {
        TraceViewModel model = watchModel(won("a", 0, 1), won("b", 1, 2), won("c", 2, 3), won("d", 3, 4),
                won("e", 4, 5));
        assertThat(model.buyersShownProperty().get()).isEqualTo(LocalText.of("trace.buyersShown", 1, 3, 5));
        assertThat(model.lifelinesProperty().get()).extracting(TraceViewModel.Lifeline::name)
                .containsExactly("a", "b", "c", "Redis");
        model.next();
        model.nextBuyers();
        assertThat(model.lifelinesProperty().get()).extracting(TraceViewModel.Lifeline::name)
                .containsExactly("d", "e", "Redis");
        assertThat(model.buyersShownProperty().get()).isEqualTo(LocalText.of("trace.buyersShown", 4, 5, 5));
        assertThat(model.getCurrent()).isZero();
        assertThat(model.stepsProperty().get()).hasSize(8);
        model.nextBuyers();
        assertThat(model.firstBuyerProperty().get()).isEqualTo(3);
        model.previousBuyers();
        assertThat(model.firstBuyerProperty().get()).isZero();
    }

    @Test
    void naiveShowsTheOtherBuyerWhoReadTheSameStockAndWroteToo() {
        List<String> read = List.of("EXISTS t:kill_flag", "GET t:kill_num", "GET t:kill_total",
                "SISMEMBER t:kill_buyers u1");
        List<String> write = List.of("INCR t:kill_num", "RPUSH t:kill_user u1", "SADD t:kill_buyers u1",
                "RPUSH t:kill_time 1796049481608");
        TraceCause same = new TraceCause(TraceCause.Kind.SAME_READ, 152,
                List.of(new TraceWriter("u7", 541.0, 175), new TraceWriter("u8", 542.8, 176)), 34);
        Trace t = new Trace("u1", 186, 186, List.of(
                new TraceStep(1, 472.3, read, 506.5, List.of("(integer) 1", "\"152\"", "\"200\"", "(integer) 0"),
                        null, null, null),
                new TraceStep(1, 511.8, write, 533.9, List.of("(integer) 209", "(integer) 209", "(integer) 1",
                        "(integer) 209"), Outcome.WON, same, null)));
        TraceViewModel model = new TraceViewModel();
        model.show(List.of(t), P);
        assertThat(kinds(model)).containsExactly(RoundTripKind.NAIVE_READ, RoundTripKind.NAIVE_READ,
                RoundTripKind.NAIVE_WRITE, RoundTripKind.NAIVE_WRITE, RoundTripKind.OTHER);
        assertThat(model.stepsProperty().get().get(4).arrow()).isEqualTo(Arrow.WRITE);
        assertThat(model.lifelinesProperty().get()).extracting(TraceViewModel.Lifeline::name)
                .containsExactly("u1", "Redis", "u7");
        model.last();
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.write.sameRead", "u7", "+541.0 ms",
                "175", "u1", 152L));
        model.previous();
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.reply.sameRead", "u1", "+533.9 ms",
                152L, "u7", 33L));
    }

    @Test
    void naivePrefersAWriterOnScreenAndDrawsAnotherBuyersPurchaseOnce() {
        List<String> read = List.of("GET t:kill_num");
        List<String> write = List.of("INCR t:kill_num");
        TraceCause forU1 = new TraceCause(TraceCause.Kind.SAME_READ, 0,
                List.of(new TraceWriter("u5", 3.0, 1), new TraceWriter("u2", 4.0, 2)), 2);
        TraceCause forU2 = new TraceCause(TraceCause.Kind.SAME_READ, 0,
                List.of(new TraceWriter("u5", 3.0, 1), new TraceWriter("u1", 5.0, 3)), 2);
        TraceCause forU3 = new TraceCause(TraceCause.Kind.SAME_READ, 0, List.of(new TraceWriter("u5", 3.0, 1)), 1);
        Trace u1 = new Trace("u1", 1, 1, List.of(new TraceStep(1, 1, read, 2, List.of("\"0\""), null, null, null),
                new TraceStep(1, 4.5, write, 5, List.of("(integer) 3"), Outcome.WON, forU1, null)));
        Trace u2 = new Trace("u2", 2, 2, List.of(new TraceStep(1, 1.1, read, 2.1, List.of("\"0\""), null, null, null),
                new TraceStep(1, 3.5, write, 4, List.of("(integer) 2"), Outcome.WON, forU2, null)));
        Trace u3 = new Trace("u3", 3, 3, List.of(new TraceStep(1, 1.2, read, 2.2, List.of("\"0\""), null, null, null),
                new TraceStep(1, 5.5, write, 6, List.of("(integer) 4"), Outcome.WON, forU3, null)));
        TraceViewModel model = new TraceViewModel();
        model.show(List.of(u1, u2, u3), P);
        // u5 is not traced: its one purchase is drawn once, though it explains u3's write only
        assertThat(model.stepsProperty().get()).filteredOn(s -> s.arrow() == Arrow.WRITE).hasSize(1);
        Step reply = model.stepsProperty().get().stream().filter(s -> s.arrow() == Arrow.REPLY
                && s.cause() == forU1).findFirst().orElseThrow();
        while (model.currentStepProperty().get() != reply) {
            model.next();
        }
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.reply.sameRead", "u1", "+5.0 ms",
                0L, "u2", 1L));
    }

    @Test
    void aRunWithoutTracesLeavesNothingToShow() {
        TraceViewModel model = watchModel(aborted(11.0));
        model.show(null);
        assertThat(model.isAvailable()).isFalse();
        assertThat(model.getCurrent()).isEqualTo(-1);
        assertThat(model.currentKindProperty().get()).isNull();
        assertThat(model.captionProperty().get()).isNull();
        model.next();
        model.play();
        assertThat(model.isPlaying()).isFalse();
    }

    @Test
    void tellsEachStrategysRoundTripsApartAndSaysThem() {
        List<String> claim = List.of("EXISTS t:kill_flag", "SADD t:kill_buyers u1");
        List<String> commit = List.of("EVALSHA c447988d 7 t:kill_flag t:kill_total t:kill_num t:kill_user "
                + "t:kill_buyers t:kill_time t:kill_stock u1 1796049463133 1");
        Trace decr = new Trace("u1", 1, 1, List.of(
                new TraceStep(1, 1, claim, 2, List.of("(integer) 1", "(integer) 1"), null, null, null),
                new TraceStep(1, 3, List.of("DECR t:kill_stock"), 4, List.of("(integer) 6"), null, null, null),
                new TraceStep(1, 5, commit, 6, List.of("(integer) 0"), Outcome.WON, null, null)));
        TraceViewModel model = new TraceViewModel();
        model.show(List.of(decr), P);
        assertThat(kinds(model)).containsExactly(RoundTripKind.DECR_CLAIM, RoundTripKind.DECR_CLAIM,
                RoundTripKind.DECR_COUNT, RoundTripKind.DECR_COUNT, RoundTripKind.DECR_COMMIT,
                RoundTripKind.DECR_COMMIT);
        model.next();
        model.next();
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.send.decr_count", "u1", "+3.0 ms"));
        model.last();
        model.previous();
        // both scripts are said alike: the checks and the sale in one atomic step
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.send.evalsha", "u1", "+5.0 ms"));
        Trace lua = new Trace("u2", 2, 2, List.of(new TraceStep(1, 1, List.of("EVALSHA 4aaa0f20 6 t:kill_flag"), 2,
                List.of("(integer) 0"), Outcome.WON, null, null)));
        model.show(List.of(lua), P);
        assertThat(kinds(model)).containsExactly(RoundTripKind.PURCHASE_SCRIPT, RoundTripKind.PURCHASE_SCRIPT);
        assertThat(model.captionProperty().get()).isEqualTo(LocalText.of("trace.send.evalsha", "u2", "+1.0 ms"));
    }
}
