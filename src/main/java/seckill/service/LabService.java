package seckill.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import seckill.sale.AuditResult;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.ComparisonResult;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.students.ClassRoom;
import seckill.students.StudentsAddress;
import seckill.util.Problem;

/**
 * What the dashboard needs of the lab: a server to talk to, sales to run and to watch, their keys to check, reset
 * and audit, and files to write. Every call but {@link #close()} may block on Redis: call it off the FX thread.
 * Every call but {@link #connect} works on the server of the last successful {@code connect}.
 *
 * <p>Failures the person can act on are {@link LabException}s carrying a {@link Problem}, never a password.
 */
public interface LabService extends AutoCloseable {

    /**
     * Connects to the server, or keeps the connection when it is to the same URL.
     *
     * @param url      the URL as given, password and all, or null for the default chain ($REDIS_URL, local,
     *                 embedded)
     * @param embedded use an embedded redis-server whatever the URL
     * @param timeout  how long Redis may take to answer
     * @throws LabException {@link LabException.Reason#UNREACHABLE} when no server can be used
     */
    ServerInfo connect(String url, boolean embedded, Duration timeout);

    /**
     * Opens the sale (emptying its keys first unless it joins the open one) and starts playing its users; returns
     * at once with the running sale. Its feed of commands ({@link SaleRun#commands()}) is on from the first buyer
     * when {@code commandsOn}: a sale over in a second is over before a window could turn it on after.
     *
     * @throws LabException {@link LabException.Reason#REFUSED} when the settings cannot run on this server (the
     *                      event loop and TLS), {@link LabException.Reason#UNREACHABLE} when Redis is away
     */
    SaleRun startSale(SimulationConfig config, boolean commandsOn);

    /** As {@link #startSale(SimulationConfig, boolean)}, its feed of commands off. */
    default SaleRun startSale(SimulationConfig config) {
        return startSale(config, false);
    }

    /**
     * Follows the sale under these keys, in as many buckets as it records ({@code {T}:kill_meta}, one when it
     * records none; read again when the sale is opened anew): about ten snapshots a second go to the sink, on a
     * thread of the stream's own, until the stream is closed. A later stream's snapshots carry a greater
     * {@link PollSnapshot#source()}.
     */
    PollStream watch(SaleKeys keys, Consumer<PollSnapshot> sink);

    /**
     * As {@link #watch(SaleKeys, Consumer)}, the sale split into that many buckets ({@code --buckets}; 1: none):
     * a sale started here, whose record may not be written yet.
     */
    PollStream watch(SaleKeys keys, int buckets, Consumer<PollSnapshot> sink);

    /**
     * Keys of the sale (of each of the buckets it records) that exist with a type other than the sale needs (it
     * cannot be watched then).
     */
    List<Problem> wrongTypes(SaleKeys keys);

    /**
     * Deletes exactly the sale's keys (those of every bucket it records, and the record); returns how many
     * existed.
     */
    long reset(SaleKeys keys);

    /**
     * Checks the sale's invariants (each bucket's, for a sale in buckets) as Redis holds them now, whoever drove
     * it.
     */
    AuditResult audit(SaleKeys keys);

    /**
     * Writes the sale's winners as CSV (of every bucket it records, in the order they bought), whole or not at all;
     * returns the rows written.
     */
    long exportWinners(SaleKeys keys, Path file) throws IOException;

    /** Writes a run's JSON report, naming the server it ran on (password masked). */
    void exportReport(SimulationResult result, Path file) throws IOException;

    /**
     * Writes the recording of the last sale started here ({@link #startSale}: every local run is recorded, and only
     * the last one's attempts are kept), as {@code run --record} does: gzipped when the name ends in {@code .gz},
     * whole or not at all, its purchases as Redis holds them now, the polls the window drew for it, and its exit code
     * its verdict's.
     *
     * @throws IllegalStateException when the result is not the last local run's
     */
    void exportRecording(SimulationResult result, Path file) throws IOException;

    /**
     * Writes the recording of the last comparison started here ({@link #startComparison}: every lane recorded, with
     * the polls drawn for it) as {@code run --compare --record} does: every lane in one file, each event naming its
     * lane, the comparison's report and exit code at its end.
     *
     * @throws IllegalStateException when the result is not the last local comparison's
     */
    void exportComparisonRecording(ComparisonResult result, Path file) throws IOException;

    /**
     * Starts strategies side by side: the same users race on each, every one on a sale of its own under the
     * prefix plus its name and a colon (each emptied first unless the settings join open ones); returns at once.
     * Watch each lane's keys with {@link #watch} as any sale's.
     *
     * @param base       the settings; its strategy is replaced by each listed one, its seed shared by all
     * @param strategies each once, in the order the lanes are to be shown
     * @throws LabException             as {@link #startSale} does
     * @throws IllegalArgumentException for an empty list, or one naming a strategy twice
     */
    ComparisonRun startComparison(SimulationConfig base, List<StrategyKind> strategies, Comparison.Mode mode);

    /** Writes a comparison's JSON report (a {@code compare} list of run reports), naming the server. */
    void exportComparison(ComparisonResult result, Path file) throws IOException;

    /**
     * Follows the Redis Cluster the service is connected to, whichever that is now: a {@link ClusterView} about
     * twice a second to the sink, from a thread of its own, and nothing while the server is no cluster. Close it
     * to stop.
     */
    ClusterWatch watchCluster(Consumer<ClusterView> sink);

    /** A cluster being followed; closing it never waits, so the FX thread may. */
    interface ClusterWatch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Stops what runs and waits for it to end as a stopped run does (its sale closed, read back and audited), closes
     * the streams and lets go of the server (and of the embedded one).
     */
    @Override
    void close();

    /**
     * Opens a class room: a server on the class's network where students join from their phones
     * ({@link ClassRoom#url()}, its QR code's text) and tap Buy. From then on every sale started here
     * ({@link #startSale}) is the class's too: it waits for the students (it ends when sold out, when its time is up
     * or when stopped, not when its simulated users are done), its users may be 0, and its result counts them. A
     * class room open before is closed. Closed with the service, or by {@link ClassRoom#close()}.
     *
     * @param bind where the server listens ({@code --students [ADDR:]PORT}; {@link StudentsAddress#anyPort()} for a
     *             free port on the default route's address)
     * @throws IllegalArgumentException when it cannot listen there, in one line naming {@code --students}
     */
    default ClassRoom openClassRoom(StudentsAddress bind) {
        throw new UnsupportedOperationException("no class room on this lab");
    }

    /** The class room open now ({@link #openClassRoom}), or null. */
    default ClassRoom classRoom() {
        return null;
    }
}
