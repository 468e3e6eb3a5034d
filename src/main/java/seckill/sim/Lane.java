package seckill.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import seckill.redis.Batch;
import seckill.sale.Attempt;

/**
 * One of the {@link EventLoop}'s buyers: its connection and where its conversation is. With routes, the connection
 * in use goes to the master {@code at}, and the lane keeps its connections to the other masters it has reached
 * parked (not read from: nothing is asked on them) until a user needs them. Used by the loop's one thread only.
 */
final class Lane {
    enum State { IDLE, ARRIVING, CONNECTING, DELAYED, AWAITING, BACKOFF, DONE }

    /** A lane's connection to another master, idle until a user of a bucket there comes. */
    private record Parked(SocketChannel channel, SelectionKey key, boolean greeted, InetSocketAddress at) {
    }

    SocketChannel channel;
    SelectionKey key;
    InetSocketAddress at;
    private List<Parked> parked;
    final RespWire wire = new RespWire();
    final Batch batch = new Batch();
    State state = State.IDLE;
    Turn turn;
    long index;
    Attempt attempt;
    /** The connection in use has been sent the greeting. */
    boolean greeted;
    long attemptStart;
    long callSince;
    long wakeAt;

    /** The lane's next round trip goes to that master: on its connection parked there, if any, else a new one. */
    void route(InetSocketAddress to) {
        if (channel != null && to.equals(at)) {
            return;
        }
        if (parked == null) {
            parked = new ArrayList<>(2);
        }
        if (channel != null) {
            key.interestOps(0);
            parked.add(new Parked(channel, key, greeted, at));
            channel = null;
            key = null;
        }
        at = to;
        for (int i = 0; i < parked.size(); i++) {
            Parked p = parked.get(i);
            if (p.at().equals(to)) {
                parked.remove(i);
                channel = p.channel();
                key = p.key();
                greeted = p.greeted();
                wire.discardInput();
                return;
            }
        }
    }

    /**
     * Opens a new connection to {@code to}, registered with the selector; true when it is connected already,
     * false when the selector tells when it is.
     */
    boolean open(Selector selector, InetSocketAddress to) throws IOException {
        SocketChannel opened = SocketChannel.open();
        channel = opened;
        opened.configureBlocking(false);
        opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
        opened.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        greeted = false;
        wire.discardInput();
        callSince = System.nanoTime();
        boolean connected = opened.connect(to);
        key = opened.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
        return connected;
    }

    /** Writes what the connection takes now, and asks to be told when it takes more if some is left. */
    void flush() throws IOException {
        int ops = wire.flush(channel) ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Closes the lane's connections, the one in use and any parked. */
    void close() {
        closeChannel();
        if (parked != null) {
            parked.forEach(p -> close(p.channel()));
            parked.clear();
        }
    }

    /** Closes the connection in use only. */
    void closeChannel() {
        if (channel != null) {
            close(channel);
            channel = null;
            key = null;
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
