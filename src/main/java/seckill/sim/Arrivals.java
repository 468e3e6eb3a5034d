package seckill.sim;

import java.util.concurrent.TimeUnit;

import seckill.metrics.SaleMetrics;

/**
 * When each user may begin, counted from the run's start: at once, at its place in a spread
 * ({@code --spread-ms}), or in a wave under a pace ({@code --pace}). Safe for any number of buyers at once.
 */
final class Arrivals {
    /**
     * Under a pace, buyers waiting for a wave that is still racing ask again on this clock, and a wave opens on it:
     * everyone waiting is told the same instant, so that a wave's buyers set off together.
     */
    static final long WAVE_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final SimulationConfig config;
    private final SaleMetrics metrics;
    private final Object waves = new Object();
    /** Under {@link #waves}: paced buyers let in and not yet done. */
    private long inPlay;
    /** Under {@link #waves}: users let in so far. */
    private long admitted;
    /** Under {@link #waves}: the buyers the wave now in play lets in, and how many it has let in. */
    private long waveSize;
    private long waveAdmitted;
    /**
     * Under {@link #waves}: users are taken in order, so those waiting when the wave opened are below this index;
     * a buyer done early that comes back with its next user waits for the next wave, as it would unpaced.
     */
    private long waveIndexEnd;
    /** Under {@link #waves}: wins when the wave opened, and whether every wave so far sold to all its buyers. */
    private long winsAtOpen;
    private boolean wholeWavesWin = true;
    /** Under {@link #waves}: when the next wave opens; {@code Long.MAX_VALUE} while the last one is still in play. */
    private long opensAt;
    private volatile long startNanos;

    /** @param metrics the run's, whose wins tell how far the sale is along its pace */
    Arrivals(SimulationConfig config, SaleMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** The run starts at that instant (on {@link System#nanoTime}): arrivals are spread from there. */
    void start(long nanos) {
        startNanos = nanos;
        synchronized (waves) {
            opensAt = nanos;
        }
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
     * when to ask again. With a spread, the user's arrival time. With a pace, users come as they do without one, a
     * wave of up to the pool at once racing at full contention, and only the time between waves is stretched: the
     * next wave opens once every buyer of the last is done and the sale has fallen behind its pace (items sold, or
     * users let in, in proportion to the time), so that it lasts about {@code --pace} seconds whatever the strategy.
     */
    long admitAt(long index, long now) {
        if (config.paceS() <= 0) {
            return arrivalNanos(index);
        }
        if (now - startNanos >= paceNanos() || metrics.wins() >= config.stock()) {
            // the pace has run its course (or the stock is gone, oversold even): whoever is left comes freely and
            // learns that it is sold out or closed, which ends the run
            synchronized (waves) {
                return admit(now);
            }
        }
        synchronized (waves) {
            // a wave stays open until all its buyers are in: on a busy machine some wake later than the instant
            // that opened it, and a wave cut short would race fewer buyers than the pool
            if (waveAdmitted < waveSize && index < waveIndexEnd) {
                return admit(now);
            }
            if (now < opensAt || waveAdmitted < waveSize) {
                return opensAt == Long.MAX_VALUE ? nextTick(now) : opensAt;
            }
            long wins = metrics.wins();
            waveSize = waveSize(wins);
            winsAtOpen = wins;
            waveAdmitted = 0;
            waveIndexEnd = admitted + config.workers();
            opensAt = Long.MAX_VALUE;
            return admit(now);
        }
    }

    private long admit(long now) {
        waveAdmitted++;
        admitted++;
        inPlay++;
        return now;
    }

    /**
     * Up to the pool, as many as there are users left. When every buyer of a wave wins (lua, or naive until the
     * end), the stock would go in whole waves and the last would find as many items as buyers: no race for them, and
     * naive would sell exactly its stock. So the wave before is cut to leave half a pool of items to a whole last wave.
     */
    private long waveSize(long wins) {
        long size = Math.min(config.workers(), config.users() - admitted);
        long left = config.stock() - wins;
        long half = (config.workers() + 1) / 2;
        if (wholeWavesWin && left > half && left <= config.workers() + half) {
            size = Math.min(size, left - half);
        }
        return Math.max(1, size);
    }

    /** A paced user is done: once every buyer of its wave is, the next wave is given its instant. */
    void leftPlay(Turn turn) {
        if (!turn.paced) {
            return;
        }
        turn.paced = false;
        synchronized (waves) {
            inPlay--;
            if (inPlay > 0 || waveAdmitted < waveSize || opensAt != Long.MAX_VALUE) {
                return;
            }
            long wins = metrics.wins();
            wholeWavesWin &= wins - winsAtOpen >= waveSize;
            opensAt = nextTick(Math.max(System.nanoTime(), dueNanos(wins)));
        }
    }

    /** When the sale is behind its pace again: items sold, or users let in, in proportion to the time. */
    private long dueNanos(long wins) {
        double share = Math.max((double) wins / config.stock(), (double) admitted / config.users());
        return startNanos + (long) (Math.min(1.0, share) * paceNanos());
    }

    /** The first tick of the wave clock after that instant. */
    private long nextTick(long nanos) {
        return startNanos + ((nanos - startNanos) / WAVE_TICK_NANOS + 1) * WAVE_TICK_NANOS;
    }

    private long paceNanos() {
        return TimeUnit.SECONDS.toNanos(config.paceS());
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
