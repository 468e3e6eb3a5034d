package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import seckill.app.ExitCodes;
import seckill.app.CliSession;
import seckill.redis.PrivateRedis;

/** status and audit only read: they work where writing is refused, and still find every violation. */
@Tag("faults")
@DisplayName("status and audit on a replica, as a read-only user, on a server out of memory")
class ReadOnlyAuditTest {
    private static final String PREFIX = "ro:";

    private final CliSession session = new CliSession();

    private int cli(String... args) {
        return session.run(args);
    }

    /** A sale of 20 that then gets one win too many, by a user who had already won. */
    private void brokenSale(PrivateRedis server) {
        assertThat(cli("run", "--redis", server.url(), "--prefix", PREFIX, "--strategy", "lua", "--stock", "20",
                "--users", "100", "--pool", "4")).as(session.err()).isZero();
        try (Jedis admin = server.admin()) {
            admin.rpush(PREFIX + "kill_user", admin.lindex(PREFIX + "kill_user", 3));
            admin.incr(PREFIX + "kill_num");
        }
    }

    private void auditFindsBothViolations(String url) {
        assertThat(cli("audit", "--redis", url, "--prefix", PREFIX)).as(session.out() + " " + session.err())
                .isEqualTo(ExitCodes.AUDIT_FAILED);
        assertThat(session.out()).contains("oversold: kill_num 21 > kill_total 20")
                .contains("users won twice: 1 extra win(s)");
        assertThat(cli("status", "--redis", url, "--prefix", PREFIX)).as(session.err()).isZero();
        assertThat(session.out()).contains("21 / 20");
    }

    @Test
    void aUserAllowedToReadOnly() {
        try (PrivateRedis server = PrivateRedis.start()) {
            brokenSale(server);
            try (Jedis admin = server.admin()) {
                admin.aclSetUser("reader", "on", ">read-pw", "~*", "+@read", "+@connection", "+info");
            }
            auditFindsBothViolations("redis://reader:read-pw@127.0.0.1:" + server.port());
        }
    }

    @Test
    void aReplica() {
        try (PrivateRedis primary = PrivateRedis.start()) {
            brokenSale(primary);
            try (PrivateRedis replica = PrivateRedis.start("--replicaof", "127.0.0.1 " + primary.port())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try (Jedis r = replica.admin()) {
                        return r.info("replication").contains("master_link_status:up")
                                && "21".equals(r.get(PREFIX + "kill_num"));
                    }
                });
                auditFindsBothViolations(replica.url());
            }
        }
    }

    @Test
    void aServerOutOfMemory() {
        try (PrivateRedis server = PrivateRedis.start()) {
            brokenSale(server);
            try (Jedis admin = server.admin()) {
                admin.configSet("maxmemory", "1");
            }
            auditFindsBothViolations(server.url());
        }
    }

    @Test
    void aSaleThatCannotBeWrittenNamesTheCause_notExecAbort() {
        try (PrivateRedis server = PrivateRedis.start()) {
            try (Jedis admin = server.admin()) {
                admin.configSet("maxmemory", "1");
            }
            assertThat(cli("run", "--redis", server.url(), "--prefix", PREFIX, "--strategy", "watch"))
                    .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertThat(session.err()).contains("OOM").contains(PREFIX + "kill_total").doesNotContain("EXECABORT")
                    .doesNotContain("\tat ");
        }
    }
}
