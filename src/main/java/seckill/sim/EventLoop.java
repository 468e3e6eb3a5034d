package seckill.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import redis.clients.jedis.exceptions.JedisConnectionException;
import seckill.redis.Batch;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.sim.Lane.State;
import seckill.util.Problem;

/**
 * The {@link LoopEngine}'s one run: {@code pool} connections, each with one buyer and at most one round trip in
 * flight, driven by a {@link Selector} on the thread that calls {@link #run()}.
 *
 * <p>The rules are the threads' own ({@link BuyerRules#settle}, {@link BuyerRules#fault}): a user tries again
 * after a conflict up to the retries, and after a connection fault on a fresh connection, with backoff, until
 * Redis has been away longer than {@code --redis-timeout}. A stop lets the attempts in flight finish; one still
 * waiting a second later is cut.
 *
 * <p>This class plays the buyers' conversations; a {@link Lane} keeps one buyer's connections, a {@link RespWire}
 * its bytes, and the {@link LoopClock} when the timers and limits are looked at.
 */
final class EventLoop {
    private final BuyerRules rules;
    private final PurchaseStrategy strategy;
    /** Where a new connection goes: the server, or on a cluster the master that holds the sale now. */
    private final Supplier<InetSocketAddress> address;
    /** Null, or where each user goes (a sale in buckets on a cluster): then per attempt, not per connection. */
    private final BuyerRoutes routes;
    /** Told of every fault, so that on a cluster the next connection finds the sale's slot where it is now. */
    private final Consumer<Throwable> reroute;
    private final Batch greeting;
    private final long limitNanos;
    private final Lane[] lanes;
    private final LoopClock clock = new LoopClock();
    private Selector selector;
    private int live;

    /**
     * @param routes   where each user's attempts go, or null when all go to {@code address}
     * @param greeting what is said on every new connection, ahead of its first commands
     */
    EventLoop(BuyerRules rules, PurchaseStrategy strategy, Supplier<InetSocketAddress> address, BuyerRoutes routes,
              Consumer<Throwable> reroute, Batch greeting) {
        this.rules = rules;
        this.strategy = strategy;
        this.address = address;
        this.routes = routes;
        this.reroute = reroute;
        this.greeting = greeting;
        this.limitNanos = rules.callLimitNanos();
        this.lanes = new Lane[rules.config().workers()];
    }

    /** Plays every user, or until the run ends; returns when every connection is closed. */
    void run() {
        try (Selector s = Selector.open()) {
            selector = s;
            live = lanes.length;
            rules.activeChanged(live);
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new Lane();
                nextUser(lanes[i]);
            }
            clock.start(System.nanoTime());
            while (live > 0) {
                long waitMs = clock.waitMillis(System.nanoTime());
                // the keys are handed over as they are found, without a selected-key set to fill and empty
                if (waitMs <= 0) {
                    selector.selectNow(this::ready);
                } else {
                    selector.select(this::ready, waitMs);
                }
                long now = System.nanoTime();
                if (clock.isDue(now)) {
                    sweep(now);
                }
            }
        } catch (IOException e) {
            // the selector itself failed: nothing a retry would mend
            rules.fail(Problem.of(Problem.Kind.LOOP_FAILED, String.valueOf(e.getMessage())));
        } finally {
            for (Lane lane : lanes) {
                if (lane != null) {
                    lane.close();
                }
            }
            rules.activeChanged(-live);
            live = 0;
        }
    }

    private void ready(SelectionKey key) {
        Lane lane = (Lane) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                lane.channel.finishConnect();
                send(lane);
                return;
            }
            if (key.isWritable()) {
                lane.flush();
            }
            if (key.isValid() && key.isReadable()) {
                receive(lane);
            }
        } catch (IOException | RuntimeException e) {
            fault(lane, e);
        }
    }

    /** Timers that are due, and the limits: a call waiting too long, a run that has ended. */
    private void sweep(long now) {
        clock.look(now, rules.isAbandoned());
        for (Lane lane : lanes) {
            try {
                switch (lane.state) {
                    case ARRIVING, BACKOFF, DELAYED -> timer(lane, now);
                    case CONNECTING, AWAITING -> overdue(lane, now);
                    default -> {
                        // nothing to watch
                    }
                }
            } catch (IOException | RuntimeException e) {
                fault(lane, e);
            }
        }
    }

    private void timer(Lane lane, long now) throws IOException {
        if (clock.isAbandoned() && lane.state != State.DELAYED) {
            // the run was stopped or lost Redis: a user waiting to arrive or to retry is not played
            done(lane);
        } else if (now >= lane.wakeAt) {
            switch (lane.state) {
                case ARRIVING -> arrive(lane, now);
                case BACKOFF -> beginAttempt(lane);
                default -> send(lane);
            }
        } else {
            clock.wakeAt(lane.wakeAt);
        }
    }

    private void overdue(Lane lane, long now) {
        long waited = now - lane.callSince;
        if (waited > limitNanos) {
            rules.callTimedOut();
            done(lane);
        } else if (clock.isAbandoned() && waited > BuyerRules.CUT_AFTER_END_NANOS) {
            done(lane);
        }
    }

    private void nextUser(Lane lane) {
        long index = rules.takeUser();
        if (index < 0) {
            done(lane);
            return;
        }
        lane.turn = rules.newTurn(index);
        lane.index = index;
        if (rules.arrivalsWait()) {
            arrive(lane, System.nanoTime());
        } else {
            beginAttempt(lane);
        }
    }

    /** The user begins now if it may (its arrival, or its wave under a pace), else waits on a timer. */
    private void arrive(Lane lane, long now) {
        if (rules.hasEnded()) {
            // sold out or closed meanwhile: a user still waiting to arrive is not played, as on the threads
            done(lane);
            return;
        }
        long at = rules.admitAt(lane.index, now);
        if (at - now <= 0) {
            beginAttempt(lane);
        } else {
            setTimer(lane, State.ARRIVING, at);
        }
    }

    private void beginAttempt(Lane lane) {
        if (lane.turn.afterFault && rules.isAbandoned()) {
            rules.abandoned(lane.turn);
            done(lane);
            return;
        }
        rules.arrives(lane.turn);
        lane.attemptStart = System.nanoTime();
        lane.batch.clear();
        lane.attempt = strategy.begin(lane.turn.userId, lane.batch);
        try {
            if (routes != null) {
                lane.route(routes.address(lane.turn.userId));
            }
            if (lane.channel == null) {
                connect(lane);
            } else {
                send(lane);
            }
        } catch (IOException | RuntimeException e) {
            fault(lane, e);
        }
    }

    private void connect(Lane lane) throws IOException {
        if (lane.open(selector, routes != null ? lane.at : address.get())) {
            send(lane);
        } else {
            lane.state = State.CONNECTING;
        }
    }

    /** Sends the batch the attempt wrote (after the greeting, on a new connection), or waits first if asked. */
    private void send(Lane lane) throws IOException {
        if (lane.state != State.DELAYED && lane.batch.delayNanos() > 0) {
            setTimer(lane, State.DELAYED, System.nanoTime() + lane.batch.delayNanos());
            return;
        }
        lane.wire.encode(lane.greeted ? null : greeting, lane.batch);
        lane.greeted = true;
        if (lane.turn != null && lane.turn.observed) {
            lane.turn.sending(lane.batch);
        }
        lane.state = State.AWAITING;
        lane.callSince = System.nanoTime();
        lane.flush();
    }

    private void receive(Lane lane) throws IOException {
        RespWire wire = lane.wire;
        wire.fill(lane.channel);
        if (lane.state != State.AWAITING) {
            // nothing is asked on this connection: whatever came is not ours to read
            wire.discardInput();
            return;
        }
        if (wire.parse()) {
            answered(lane);
        }
    }

    /** A round trip is complete: the attempt reads its replies and writes the next round trip, or decides. */
    private void answered(Lane lane) throws IOException {
        List<Object> replies = lane.wire.replies();
        boolean observed = lane.turn.observed;
        if (observed) {
            lane.turn.answered(replies);
        }
        lane.batch.clear();
        Outcome outcome = lane.attempt.next(replies, lane.batch);
        if (outcome == null) {
            send(lane);
            return;
        }
        if (observed) {
            lane.turn.decided(lane.attempt, outcome);
        }
        lane.state = State.IDLE;
        if (rules.settle(lane.turn, lane.attemptStart, outcome)) {
            lane.turn = null;
            nextUser(lane);
        } else {
            beginAttempt(lane);
        }
    }

    /** The connection failed or Redis answered with an error: as a thread would, by the same rules. */
    private void fault(Lane lane, Throwable e) {
        if (lane.state == State.DONE) {
            return;
        }
        // only the connection that failed: those parked at other masters are as good as they were
        lane.closeChannel();
        RuntimeException error = e instanceof IOException || e instanceof UncheckedIOException
                ? new JedisConnectionException(e) : (RuntimeException) e;
        // on a cluster this may read the slot map (at most every 100 ms, a few ms on this thread); else nothing
        reroute.accept(error);
        if (lane.turn == null) {
            done(lane);
            return;
        }
        long delayMs = rules.fault(lane.turn, lane.attemptStart, error);
        if (delayMs < 0) {
            done(lane);
        } else {
            setTimer(lane, State.BACKOFF, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs));
        }
    }

    private void setTimer(Lane lane, State state, long at) {
        lane.state = state;
        lane.wakeAt = at;
        clock.wakeAt(at);
    }

    private void done(Lane lane) {
        if (lane.state == State.DONE) {
            return;
        }
        lane.close();
        lane.state = State.DONE;
        live--;
        rules.activeChanged(-1);
    }
}
