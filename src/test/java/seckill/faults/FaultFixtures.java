package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import redis.clients.jedis.Jedis;
import seckill.redis.PrivateRedis;
import seckill.sale.AuditResult;
import seckill.sale.SaleAudit;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;

/** What the fault tests share: a sale's settings and the audit after the fault. */
final class FaultFixtures {
    private FaultFixtures() {
    }

    /** A sale long enough for faults to land in it: arrivals spread over {@code spreadMs}. */
    static SimulationConfig sale(StrategyKind kind, long stock, long users, int pool, long spreadMs) {
        String prefix = "faults:{" + kind.cliName() + "-" + UUID.randomUUID().toString().substring(0, 8) + "}:";
        return SimulationConfig.builder().prefix(prefix).strategy(kind).load(stock, users, pool, 50)
                .spreadMs(spreadMs).seed(prefix.hashCode()).build();
    }

    /** Audits the sale on the server now, asserts every invariant, and returns the figures. */
    static AuditResult auditHolds(PrivateRedis server, SaleKeys keys, long stock) {
        AuditResult audit;
        try (Jedis jedis = server.admin()) {
            audit = new SaleAudit(keys).audit(jedis);
        }
        assertThat(audit.violations()).isEmpty();
        assertThat(audit.ok()).isTrue();
        assertThat(audit.total()).isEqualTo(stock);
        assertThat(audit.sold()).isLessThanOrEqualTo(stock).isEqualTo(audit.winners());
        assertThat(audit.uniqueWinners()).isEqualTo(audit.winners());
        assertThat(audit.oversold()).isZero();
        return audit;
    }

    /** One line of figures for the test's output file (surefire keeps it in target/surefire-reports). */
    static String figures(String fault, StrategyKind kind, AuditResult a) {
        return String.format("%-28s %-5s stock %d, sold %d, winners %d, distinct %d, oversold %d", fault,
                kind.cliName(), a.total(), a.sold(), a.winners(), a.uniqueWinners(), a.oversold());
    }
}
