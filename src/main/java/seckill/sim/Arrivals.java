package seckill.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import seckill.metrics.SaleMetrics;

/**
 * When each user may begin, counted from the run's start: at once, at its place in a spread
 * ({@code --spread-ms}), or in a wave under a pace ({@code --pace}). Safe for any number of buyers at once.
 */
final class Arrivals {
    /** Under a pace, waves start on this clock, so that a wave's buyers set off at the same instant. */
    static final long WAVE_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A sale is paced in about this many waves: each a crowd racing for what is left. */
    static final int WAVES = 8;

    private final SimulationConfig config;
    private final SaleMetrics metrics;
    /** Paced buyers let in and not yet done. */
    private final AtomicLong pacedInPlay = new AtomicLong();
    private final Object waves = new Object();
    /** The tick of the wave now letting buyers in, and how many it let in. */
    private long waveTick = -1;
    private long waveAdmitted;
    private long waveCrowd;
    private volatile long startNanos;

    /** @param metrics the run's, whose wins tell how far the sale is behind its pace */
    Arrivals(SimulationConfig config, SaleMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** The run starts at that instant (on {@link System#nanoTime}): arrivals are spread from there. */
    void start(long nanos) {
        startNanos = nanos;
    }

    long startNanos() {
        return startNanos;
    }

    /** True when users do not all arrive at once: a spread or a pace decides when each may begin. */
    boolean staggered() {
        return config.spreadMs() > 0 || config.paceS() > 0;
    }

    /**
     * When the user of that index may begin, asked at {@code now}: {@code now} (or earlier) to begin at once, else
     * when to ask again. With a spread, the user's arrival time. With a pace, users come in waves of a crowd each
     * ({@code stock / 8}, at most the pool): a new wave starts, on the tick clock, once the last one's whole crowd
     * has come and is done and the sale has fallen behind its pace (items sold in proportion to the time). The
     * users let in by one wave set off at the same instant and race; for the last few items a rush of three crowds
     * comes, so that a naive sale still oversells where everyone wants what is left.
     */
    long admitAt(long index, long now) {
        if (config.paceS() <= 0) {
            return arrivalNanos(index);
        }
        if (now - startNanos >= TimeUnit.SECONDS.toNanos(config.paceS()) || metrics.wins() >= config.stock()) {
            // the pace has run its course (or the stock is gone, oversold even): whoever is left comes freely and
            // learns that it is sold out or closed, which ends the run
            return now;
        }
        long tick = (now - startNanos) / WAVE_TICK_NANOS;
        synchronized (waves) {
            // a wave stays open until its whole crowd is in: on a busy machine its buyers may come later than the
            // tick that opened it, and a wave cut short would let the pace fall behind and call waves of a few
            if (waveAdmitted < waveCrowd) {
                waveAdmitted++;
                pacedInPlay.incrementAndGet();
                return now;
            }
            long wins = metrics.wins();
            if (tick != waveTick && pacedInPlay.get() == 0 && wins < paceTarget(now)) {
                long crowd = crowd();
                waveCrowd = config.stock() - wins <= crowd ? Math.min(config.workers(), 3 * crowd) : crowd;
                waveTick = tick;
                waveAdmitted = 1;
                pacedInPlay.incrementAndGet();
                return now;
            }
        }
        return startNanos + (tick + 1) * WAVE_TICK_NANOS;
    }

    /** How many buyers one wave lets in. */
    private long crowd() {
        return Math.max(1, Math.min(config.workers(), (config.stock() + WAVES - 1) / WAVES));
    }

    /** Items that should be sold by {@code now} for the sale to last {@code --pace} seconds. */
    private long paceTarget(long now) {
        double share = Math.min(1.0, (double) (now - startNanos) / TimeUnit.SECONDS.toNanos(config.paceS()));
        return (long) Math.ceil(config.stock() * share);
    }

    /** A paced user is done: the next wave may come once every buyer of this one is. */
    void leftPlay(Turn turn) {
        if (turn.paced) {
            turn.paced = false;
            pacedInPlay.decrementAndGet();
        }
    }

    /**
     * When (on {@link System#nanoTime}) the user arrives, with arrivals spread evenly over {@code --spread-ms};
     * one arriving after the sale closes arrives at the close, to be told it is closed.
     */
    private long arrivalNanos(long index) {
        long spreadNanos = TimeUnit.MILLISECONDS.toNanos(config.spreadMs());
        long arrival = (long) ((double) index / config.users() * spreadNanos);
        return startNanos + Math.min(arrival, TimeUnit.SECONDS.toNanos(config.durationS()));
    }
}
