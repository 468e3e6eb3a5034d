package seckill.sale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import redis.clients.jedis.Jedis;

/**
 * Checks a sale: {@code kill_num <= kill_total}; {@code LLEN kill_user == kill_num}; no id twice in
 * {@code kill_user}. Works on any sale that uses the keys, whoever drove it.
 */
public final class SaleAudit {
    private static final int CHUNK = 10_000;

    private final SaleKeys keys;

    public SaleAudit(SaleKeys keys) {
        this.keys = keys;
    }

    public AuditResult audit(Jedis jedis) {
        SaleState state = new SaleReader(keys).read(jedis);
        List<String> violations = new ArrayList<>();
        if (!state.exists()) {
            violations.add("no sale: " + keys.total() + " does not exist");
            return new AuditResult(false, violations, -1, state.sold(), state.winners(), 0, 0);
        }
        if (state.sold() > state.total()) {
            violations.add("oversold: kill_num " + state.sold() + " > kill_total " + state.total()
                    + " (" + (state.sold() - state.total()) + " too many)");
        }
        if (state.winners() != state.sold()) {
            violations.add("kill_user holds " + state.winners() + " winners but kill_num is " + state.sold());
        }
        Set<String> seen = new HashSet<>();
        long repeats = 0;
        String firstRepeat = null;
        for (long from = 0; from < state.winners(); from += CHUNK) {
            for (String id : jedis.lrange(keys.user(), from, from + CHUNK - 1)) {
                if (!seen.add(id)) {
                    repeats++;
                    if (firstRepeat == null) {
                        firstRepeat = id;
                    }
                }
            }
        }
        if (repeats > 0) {
            violations.add("users won twice: " + repeats + " extra win(s) in kill_user, first by user " + firstRepeat);
        }
        return new AuditResult(violations.isEmpty(), violations, state.total(), state.sold(), state.winners(),
                seen.size(), state.oversold());
    }
}
