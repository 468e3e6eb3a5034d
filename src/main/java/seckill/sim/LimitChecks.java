package seckill.sim;

import seckill.util.Problem;
import seckill.util.Problem.Kind;
import seckill.util.ProblemException;
import seckill.util.ProcessLimits;

/**
 * What a sale's buyers need of this process, checked before anything is sold: a file (socket) each, and the
 * memory of their connections; a limit below that would make the sale fail midway as if Redis were lost, or spin
 * in the garbage collector. Each refusal is one line that names the limit and how to raise it or lower
 * {@code --pool}.
 */
final class LimitChecks {
    /**
     * Files kept free beside the buyers' connections: the loop's poller (an epoll and its wake-up pair), the lab's
     * own connections for opening, reading and auditing the sale, a report and a recording being written.
     */
    static final int SPARE_FILES = 32;
    /** Heap a threads buyer costs: its connection's in and out buffers (8 KiB each), its thread and its objects. */
    static final long THREAD_BUYER_BYTES = 24 * 1024;
    /** Direct memory a loop connection costs: its in and out buffers ({@link RespWire}). */
    static final long LOOP_CONNECTION_BYTES = 32 * 1024;
    /** Heap the lab needs besides its buyers: its classes' objects, metrics, the pool that reads the sale. */
    static final long BASE_HEAP_BYTES = 16L << 20;

    private LimitChecks() {
    }

    /**
     * @param runs    the runs whose buyers are connected at once (a comparison's, or one)
     * @param workers each run's buyers in play at once: {@code --pool}, or the users when fewer
     * @param pool    {@code --pool}, as the message names it
     * @throws ProblemException when the open files limit or the memory cannot hold them
     */
    static void check(EngineKind engine, int runs, int workers, long pool) {
        Problem p = files(runs, workers, pool, ProcessLimits.maxOpenFiles(), ProcessLimits.openFiles());
        if (p == null) {
            p = memory(engine, runs, workers, pool, ProcessLimits.maxHeapBytes(), ProcessLimits.maxDirectBytes());
        }
        if (p != null) {
            throw new ProblemException(p);
        }
    }

    /** The open files limit against a connection a buyer; null when it holds them, or is not known. */
    static Problem files(int runs, int workers, long pool, long limit, long open) {
        if (limit < 0 || open < 0) {
            return null;
        }
        long connections = (long) runs * workers;
        long needed = open + connections + SPARE_FILES;
        if (needed <= limit) {
            return null;
        }
        long fits = Math.max(0, limit - open - SPARE_FILES) / runs;
        return Problem.of(Kind.OPEN_FILES_LIMIT, limit, pool, needed, open, fits);
    }

    /** The heap (threads) or the direct memory (loop) against the buyers' connections; null when it holds them. */
    static Problem memory(EngineKind engine, int runs, int workers, long pool, long maxHeap, long maxDirect) {
        long connections = (long) runs * workers;
        if (engine == EngineKind.LOOP) {
            long needed = connections * LOOP_CONNECTION_BYTES;
            if (needed <= maxDirect - (1L << 20)) {
                return null;
            }
            long fits = Math.max(0, maxDirect - (1L << 20)) / LOOP_CONNECTION_BYTES / runs;
            return Problem.of(Kind.DIRECT_MEMORY_LIMIT, ProcessLimits.mib(maxDirect), pool,
                    ProcessLimits.mib(needed), fits);
        }
        long needed = BASE_HEAP_BYTES + connections * THREAD_BUYER_BYTES;
        if (needed <= maxHeap) {
            return null;
        }
        long fits = Math.max(0, maxHeap - BASE_HEAP_BYTES) / THREAD_BUYER_BYTES / runs;
        return Problem.of(Kind.HEAP_LIMIT, ProcessLimits.mib(maxHeap), pool, ProcessLimits.mib(needed), fits);
    }
}
