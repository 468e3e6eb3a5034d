package seckill.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import seckill.redis.RedisUnavailableException;
import seckill.sale.SaleKeyException;
import seckill.sim.SimulationResult;
import seckill.util.ProblemException;

/** Redis's and the sale's failures as the dashboard hears them: {@link LabException}s, in its own words. */
final class LabErrors {
    private LabErrors() {
    }

    /** A lane's result as the dashboard hears it: Redis's and the sale's failures as {@link LabException}s. */
    static CompletionStage<SimulationResult> translated(CompletionStage<SimulationResult> result) {
        CompletableFuture<SimulationResult> out = new CompletableFuture<>();
        result.whenComplete((r, e) -> {
            if (e == null) {
                out.complete(r);
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                out.completeExceptionally(cause instanceof RuntimeException re ? translated(re) : cause);
            }
        });
        return out.minimalCompletionStage();
    }

    /** Redis's and the sale's failures as the dashboard hears them; anything else as it is. */
    static RuntimeException translated(RuntimeException e) {
        if (e instanceof RedisUnavailableException u) {
            return LabException.unreachable(u.problem(), u);
        }
        if (e instanceof SaleKeyException k) {
            return LabException.refused(k.problem());
        }
        if (e instanceof ProblemException p) {
            // what the process or the server cannot give the sale (open files, heap, replicas), checked before it
            return LabException.refused(p.problem());
        }
        return e;
    }
}
