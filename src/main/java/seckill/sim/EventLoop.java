package seckill.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import redis.clients.jedis.exceptions.JedisConnectionException;
import seckill.redis.Batch;
import seckill.redis.RawCalls;
import seckill.redis.RespReader;
import seckill.sale.Attempt;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.util.Problem;

/**
 * The {@link LoopEngine}'s one run: {@code pool} connections, each with one buyer and at most one round trip in
 * flight, driven by a {@link Selector} on the thread that calls {@link #run()}.
 *
 * <p>The rules are the threads' own ({@link BuyerRules#settle}, {@link BuyerRules#fault}): a user tries again
 * after a conflict up to the retries, and after a connection fault on a fresh connection, with backoff, until
 * Redis has been away longer than {@code --redis-timeout}. A stop lets the attempts in flight finish; one still
 * waiting a second later is cut.
 */
final class EventLoop {
    private static final long WATCH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int BUFFER_BYTES = 16 * 1024;

    private enum State { IDLE, ARRIVING, CONNECTING, DELAYED, AWAITING, BACKOFF, DONE }

    /**
     * One buyer's connection and where its conversation is. With routes, the connection in use goes to the master
     * {@code at}, and the lane keeps its connections to the other masters it has reached parked (not read from:
     * nothing is asked on them) until a user needs them.
     */
    private static final class Lane {
        SocketChannel channel;
        SelectionKey key;
        InetSocketAddress at;
        List<Parked> parked;
        // direct: the channel reads and writes them without a copy
        ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
        ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES);
        final Batch batch = new Batch();
        final List<Object> replies = new ArrayList<>();
        State state = State.IDLE;
        Turn turn;
        long index;
        Attempt attempt;
        boolean greeted;
        int greetingReplies;
        int expected;
        long attemptStart;
        long callSince;
        long wakeAt;
    }

    /** A lane's connection to another master, idle until a user of a bucket there comes. */
    private record Parked(SocketChannel channel, SelectionKey key, boolean greeted, InetSocketAddress at) {
    }

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
    private Selector selector;
    private int live;
    private long earliestWake = Long.MAX_VALUE;
    private long abandonedAt;

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
            long nextWatch = System.nanoTime() + WATCH_EVERY_NANOS;
            while (live > 0) {
                long now = System.nanoTime();
                long wake = Math.min(earliestWake, nextWatch);
                long waitMs = (wake - now + 999_999) / 1_000_000;
                // the keys are handed over as they are found, without a selected-key set to fill and empty
                if (waitMs <= 0) {
                    selector.selectNow(this::ready);
                } else {
                    selector.select(this::ready, waitMs);
                }
                now = System.nanoTime();
                if (now >= earliestWake || now >= nextWatch) {
                    sweep(now);
                    nextWatch = now + WATCH_EVERY_NANOS;
                }
            }
        } catch (IOException e) {
            // the selector itself failed: nothing a retry would mend
            rules.fail(Problem.of(Problem.Kind.LOOP_FAILED, String.valueOf(e.getMessage())));
        } finally {
            for (Lane lane : lanes) {
                if (lane != null) {
                    close(lane);
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
                flush(lane);
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
        if (abandonedAt == 0 && rules.isAbandoned()) {
            abandonedAt = now;
        }
        earliestWake = Long.MAX_VALUE;
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
        boolean abandoned = abandonedAt != 0;
        if (abandoned && lane.state != State.DELAYED) {
            // the run was stopped or lost Redis: a user waiting to arrive or to retry is not played
            done(lane);
        } else if (now >= lane.wakeAt) {
            switch (lane.state) {
                case ARRIVING -> arrive(lane, now);
                case BACKOFF -> beginAttempt(lane);
                default -> send(lane);
            }
        } else {
            earliestWake = Math.min(earliestWake, lane.wakeAt);
        }
    }

    private void overdue(Lane lane, long now) {
        long waited = now - lane.callSince;
        if (waited > limitNanos) {
            rules.callTimedOut();
            done(lane);
        } else if (abandonedAt != 0 && waited > BuyerRules.CUT_AFTER_END_NANOS) {
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
                route(lane, routes.address(lane.turn.userId));
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

    /** The lane's next round trip goes to that master: on its connection parked there, if any, else a new one. */
    private static void route(Lane lane, InetSocketAddress to) {
        if (lane.channel != null && to.equals(lane.at)) {
            return;
        }
        if (lane.parked == null) {
            lane.parked = new ArrayList<>(2);
        }
        if (lane.channel != null) {
            lane.key.interestOps(0);
            lane.parked.add(new Parked(lane.channel, lane.key, lane.greeted, lane.at));
            lane.channel = null;
            lane.key = null;
        }
        lane.at = to;
        for (int i = 0; i < lane.parked.size(); i++) {
            Parked p = lane.parked.get(i);
            if (p.at().equals(to)) {
                lane.parked.remove(i);
                lane.channel = p.channel();
                lane.key = p.key();
                lane.greeted = p.greeted();
                lane.in.clear();
                return;
            }
        }
    }

    private void connect(Lane lane) throws IOException {
        SocketChannel channel = SocketChannel.open();
        lane.channel = channel;
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        lane.greeted = false;
        lane.in.clear();
        lane.callSince = System.nanoTime();
        if (channel.connect(routes != null ? lane.at : address.get())) {
            lane.key = channel.register(selector, SelectionKey.OP_READ, lane);
            send(lane);
        } else {
            lane.key = channel.register(selector, SelectionKey.OP_CONNECT, lane);
            lane.state = State.CONNECTING;
        }
    }

    /** Sends the batch the attempt wrote (after the greeting, on a new connection), or waits first if asked. */
    private void send(Lane lane) throws IOException {
        if (lane.state != State.DELAYED && lane.batch.delayNanos() > 0) {
            setTimer(lane, State.DELAYED, System.nanoTime() + lane.batch.delayNanos());
            return;
        }
        ByteBuffer out = lane.out;
        out.clear();
        lane.greetingReplies = 0;
        if (!lane.greeted) {
            out = greeting.encodeTo(out);
            lane.greetingReplies = greeting.size();
            lane.greeted = true;
        }
        out = lane.batch.encodeTo(out);
        out.flip();
        if (lane.turn != null && lane.turn.observed) {
            lane.turn.sending(lane.batch);
        }
        lane.out = out;
        lane.expected = lane.greetingReplies + lane.batch.size();
        lane.replies.clear();
        lane.state = State.AWAITING;
        lane.callSince = System.nanoTime();
        flush(lane);
    }

    private void flush(Lane lane) throws IOException {
        lane.channel.write(lane.out);
        int ops = lane.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (lane.key.interestOps() != ops) {
            lane.key.interestOps(ops);
        }
    }

    private void receive(Lane lane) throws IOException {
        ByteBuffer in = lane.in;
        if (lane.channel.read(in) < 0) {
            throw new JedisConnectionException("Unexpected end of stream.");
        }
        if (lane.state != State.AWAITING) {
            // nothing is asked on this connection: whatever came is not ours to read
            in.clear();
            return;
        }
        in.flip();
        while (lane.replies.size() < lane.expected) {
            Object reply = RespReader.read(in);
            if (reply == RespReader.INCOMPLETE) {
                break;
            }
            lane.replies.add(reply);
        }
        in.compact();
        if (lane.replies.size() < lane.expected) {
            if (!in.hasRemaining()) {
                lane.in = ByteBuffer.allocateDirect(in.capacity() * 2).put(in.flip());
            }
            return;
        }
        answered(lane);
    }

    /** A round trip is complete: the attempt reads its replies and writes the next round trip, or decides. */
    private void answered(Lane lane) throws IOException {
        List<Object> replies = lane.replies;
        if (lane.greetingReplies > 0) {
            RawCalls.check(replies.subList(0, lane.greetingReplies));
            replies = replies.subList(lane.greetingReplies, replies.size());
        }
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
        rules.attempted(lane.attemptStart);
        if (rules.settle(lane.turn, outcome)) {
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
        closeChannel(lane);
        RuntimeException error = e instanceof IOException || e instanceof UncheckedIOException
                ? new JedisConnectionException(e) : (RuntimeException) e;
        // on a cluster this may read the slot map (at most every 100 ms, a few ms on this thread); else nothing
        reroute.accept(error);
        if (lane.turn == null) {
            done(lane);
            return;
        }
        rules.attempted(lane.attemptStart);
        long delayMs = rules.fault(lane.turn, error);
        if (delayMs < 0) {
            done(lane);
        } else {
            setTimer(lane, State.BACKOFF, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs));
        }
    }

    private void setTimer(Lane lane, State state, long at) {
        lane.state = state;
        lane.wakeAt = at;
        earliestWake = Math.min(earliestWake, at);
    }

    private void done(Lane lane) {
        if (lane.state == State.DONE) {
            return;
        }
        close(lane);
        lane.state = State.DONE;
        live--;
        rules.activeChanged(-1);
    }

    /** Closes the lane's connections, the one in use and any parked. */
    private static void close(Lane lane) {
        closeChannel(lane);
        if (lane.parked != null) {
            lane.parked.forEach(p -> close(p.channel()));
            lane.parked.clear();
        }
    }

    private static void closeChannel(Lane lane) {
        if (lane.channel != null) {
            close(lane.channel);
            lane.channel = null;
            lane.key = null;
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a broken connection may fail; it is gone either way
        }
    }
}
