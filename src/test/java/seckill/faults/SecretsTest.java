package seckill.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import seckill.app.ExitCodes;
import seckill.app.CliSession;
import seckill.redis.PrivateRedis;
import seckill.sale.SaleKeys;
import seckill.util.Resources;

@Tag("faults")
@DisplayName("Secrets and safety: passwords, ACL users, TLS; no FLUSHALL, FLUSHDB or KEYS; the script's keys")
class SecretsTest {
    private static final String PASSWORD = "pw-Xq7-never-shown";

    private final CliSession session = new CliSession();

    private int cli(String... args) {
        return session.run(args);
    }

    /** Runs every command against the server; each must succeed and none may show the password anywhere. */
    private void everyCommandWorksAndNoneShowsThePassword(String url, Path dir, String... extra) throws IOException {
        Path report = dir.resolve("report.json");
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("run", "--stock", "5", "--users", "40", "--pool", "4", "--strategy", "lua", "--report",
                        report.toString()),
                List.of("run", "--join", "--users", "10", "--pool", "2", "--strategy", "watch"),
                List.of("status"), List.of("status", "--json"), List.of("audit"), List.of("reset")));
        if (!url.startsWith("rediss:")) {
            // the event loop logs in (AUTH, with the ACL user when there is one) on each of its own connections
            commands.add(1, List.of("run", "--engine", "loop", "--stock", "30", "--users", "60", "--pool", "6",
                    "--strategy", "decr"));
        }
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--redis", url, "--prefix", "secret:"));
            args.addAll(List.of(extra));
            int code = cli(args.toArray(String[]::new));
            assertThat(code).as(command + ": " + session.err()).isZero();
            assertThat(session.out() + session.err()).as(command.get(0)).doesNotContain(PASSWORD);
        }
        assertThat(Files.readString(report)).doesNotContain(PASSWORD);
        if (url.contains("@")) {
            assertThat(Files.readString(report)).contains(":***@");
        }
    }

    @Test
    void aPasswordProtectedServerWorks_andThePasswordIsNeverShown(@TempDir Path dir) throws IOException {
        try (PrivateRedis server = PrivateRedis.start("--requirepass", PASSWORD)) {
            everyCommandWorksAndNoneShowsThePassword(server.url(), dir);

            assertThat(cli("status", "--redis", "redis://:wrong-" + PASSWORD + "@127.0.0.1:" + server.port()))
                    .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertOneLineSaying("authentication failed");
            assertThat(cli("audit", "--redis", "redis://127.0.0.1:" + server.port()))
                    .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertOneLineSaying("authentication failed");
        }
    }

    @Test
    void anAclUserWorks_andAWrongPasswordExits4SayingAuthenticationFailed(@TempDir Path dir) throws IOException {
        try (PrivateRedis server = PrivateRedis.start()) {
            try (Jedis admin = server.admin()) {
                admin.aclSetUser("alice", "on", ">" + PASSWORD, "~secret:*", "+@all");
                // the default user keeps its connection but loses every key: only alice can run the sale
                admin.aclSetUser("default", "resetkeys");
            }
            everyCommandWorksAndNoneShowsThePassword("redis://alice:" + PASSWORD + "@127.0.0.1:" + server.port(),
                    dir);

            assertThat(cli("run", "--redis", "redis://alice:not-" + PASSWORD + "@127.0.0.1:" + server.port()))
                    .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertOneLineSaying("authentication failed");
            assertThat(session.err()).contains("redis://alice:***@127.0.0.1:" + server.port());
        }
    }

    @ParameterizedTest(name = "{0} engine")
    @ValueSource(strings = {"threads", "loop"})
    void aMissingPermissionIsNamed_notTakenForAWrongPassword(String engine) {
        try (PrivateRedis server = PrivateRedis.start()) {
            try (Jedis admin = server.admin()) {
                admin.aclSetUser("bob", "on", ">" + PASSWORD, "~*", "+@all", "-evalsha");
            }
            String url = "redis://bob:" + PASSWORD + "@127.0.0.1:" + server.port();
            assertThat(cli("run", "--redis", url, "--strategy", "lua", "--stock", "5", "--users", "20", "--pool", "2",
                    "--engine", engine)).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertThat(session.err()).contains("refused a command this user may not run").contains("NOPERM")
                    .containsIgnoringCase("evalsha").doesNotContain("authentication").doesNotContain(PASSWORD)
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aPasswordGivenToAServerWithoutOneIsAnAuthenticationFailure() {
        try (PrivateRedis server = PrivateRedis.start()) {
            assertThat(cli("status", "--redis", "redis://:" + PASSWORD + "@127.0.0.1:" + server.port()))
                    .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
            assertOneLineSaying("authentication failed");
        }
    }

    private void assertOneLineSaying(String what) {
        assertThat(session.out()).isEmpty();
        assertThat(session.err().strip()).startsWith("error: --redis: ").contains(what).doesNotContain("\n")
                .doesNotContain(PASSWORD).doesNotContain("\tat ");
    }

    @Nested
    @DisplayName("TLS (rediss://) against a redis-server with --tls-port")
    class Tls {
        @TempDir
        Path dir;

        @Test
        void worksWithTheCaGiven_andChecksTheCertificateAndTheName() throws Exception {
            Assumptions.assumeTrue(PrivateRedis.hasSystemBinary(),
                    "TLS needs the system's redis-server: the embedded one is built without TLS");
            Assumptions.assumeTrue(makeCertificates(dir), "TLS needs openssl on the PATH to make a test CA");
            PrivateRedis server;
            try {
                server = PrivateRedis.startTls(dir.resolve("server.pem"), dir.resolve("server.key"));
            } catch (IllegalStateException e) {
                Assumptions.abort("this redis-server does not speak TLS: " + e.getMessage());
                return;
            }
            try (server) {
                String ca = dir.resolve("ca.pem").toString();
                everyCommandWorksAndNoneShowsThePassword(server.url(), dir, "--tls-ca", ca);

                // trusting only the JVM's CAs, the private certificate is refused
                assertThat(cli("status", "--redis", server.url())).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
                assertThat(session.err().strip()).contains("--redis").contains("TLS").doesNotContain("\n");
                // the certificate names localhost, not 127.0.0.1: the name is checked, not only the signature
                assertThat(cli("status", "--redis", "rediss://127.0.0.1:" + server.port(), "--tls-ca", ca))
                        .isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
                assertThat(session.err().strip()).contains("TLS").doesNotContain("\n");
                // the event loop speaks plain TCP only, and says so
                assertThat(cli("run", "--redis", server.url(), "--tls-ca", ca, "--prefix", "secret:", "--engine",
                        "loop")).isEqualTo(ExitCodes.USAGE);
                assertThat(session.err().strip()).isEqualTo("error: --engine loop speaks plain TCP only; for "
                        + "rediss:// (TLS) use --engine threads");
            }
            try (PrivateRedis plain = PrivateRedis.start()) {
                assertThat(cli("status", "--redis", plain.url(), "--tls-ca", dir.resolve("ca.pem").toString()))
                        .isEqualTo(ExitCodes.USAGE);
                assertThat(session.err()).contains("--tls-ca applies to rediss:// URLs only");
            }
        }

        /** A throwaway CA and a server certificate for {@code localhost} signed by it; false without openssl. */
        private boolean makeCertificates(Path dir) throws Exception {
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n"
                    + "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
            String ec = "ec_paramgen_curve:prime256v1";
            return openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "ca.key",
                    "-out", "ca.pem", "-days", "2", "-subj", "/CN=seckill test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign")
                    && openssl(dir, "req", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "server.key",
                    "-out", "server.csr", "-subj", "/CN=localhost")
                    && openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        }

        private boolean openssl(Path dir, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("openssl"));
            command.addAll(List.of(args));
            Process p;
            try {
                p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            } catch (IOException noOpenssl) {
                return false;
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        }
    }

    @Test
    void theProgramNeverRunsFlushallFlushdbOrKeys_andTouchesNoKeyButTheSales(@TempDir Path dir) throws IOException {
        try (PrivateRedis server = PrivateRedis.start()) {
            try (Jedis admin = server.admin()) {
                admin.set("bystander", "untouched");
                admin.configResetStat();
            }
            for (String strategy : List.of("watch", "lua", "decr", "naive")) {
                assertThat(cli("run", "--redis", server.url(), "--prefix", "safe:", "--strategy", strategy,
                        "--stock", "20", "--users", "200", "--pool", "8", "--report", dir.resolve("r.json")
                                .toString())).isIn(ExitCodes.OK, ExitCodes.AUDIT_FAILED);
                assertThat(cli("run", "--redis", server.url(), "--prefix", "safe:", "--strategy", strategy,
                        "--join", "--users", "50", "--pool", "4")).isIn(ExitCodes.OK, ExitCodes.AUDIT_FAILED);
            }
            assertThat(cli("status", "--redis", server.url(), "--prefix", "safe:", "--json")).isZero();
            assertThat(cli("audit", "--redis", server.url(), "--prefix", "safe:")).isIn(ExitCodes.OK,
                    ExitCodes.AUDIT_FAILED);

            Set<String> saleKeys = new HashSet<>(new SaleKeys("safe:").all());
            saleKeys.add("bystander");
            try (Jedis admin = server.admin()) {
                assertThat(allKeys(admin)).isSubsetOf(saleKeys).contains("bystander", "safe:kill_user");
                assertThat(admin.get("bystander")).isEqualTo("untouched");
            }
            assertThat(cli("reset", "--redis", server.url(), "--prefix", "safe:")).isZero();
            try (Jedis admin = server.admin()) {
                assertThat(allKeys(admin)).containsExactly("bystander");
                String stats = admin.info("commandstats");
                assertThat(stats).contains("cmdstat_evalsha", "cmdstat_exec", "cmdstat_decr", "cmdstat_del")
                        .doesNotContain("cmdstat_flushall", "cmdstat_flushdb", "cmdstat_keys:");
            }
        }
    }

    private static Set<String> allKeys(Jedis jedis) {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1_000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    @Test
    void thePurchaseScriptReachesKeysOnlyThroughKEYS() {
        String script = Resources.text("/seckill/sale/purchase.lua");
        Matcher calls = Pattern.compile("redis\\.(p?call)\\(\\s*'([A-Z]+)'\\s*,\\s*([^,)]+)").matcher(script);
        int count = 0;
        while (calls.find()) {
            count++;
            assertThat(calls.group(3).strip()).as(calls.group()).matches("KEYS\\[[1-6]\\]");
        }
        assertThat(count).isGreaterThanOrEqualTo(8);
        // no other way into the keyspace: no KEYS/SCAN/dynamic key names, no globals reaching outside
        String code = script.replaceAll("--[^\\n]*", "");
        assertThat(code).doesNotContainIgnoringCase("'KEYS'").doesNotContainIgnoringCase("'SCAN'")
                .doesNotContain("..").doesNotContain("redis.call(KEYS").doesNotContain("_G");
    }
}
