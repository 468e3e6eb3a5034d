package seckill.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.app.CliProcess;
import seckill.app.CliSession;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;

/** {@code --students} on the command line: bad values exit 2; a class's sale runs until it sells out. */
class StudentsCliTest {
    private static final Pattern JOIN = Pattern.compile("Students join at (http://\\S+/j/([A-Z0-9]{6}))");
    private final String prefix = TestRedis.prefix("students-cli");
    private final CliSession cli = new CliSession();

    @AfterEach
    void deleteOwnKeys() {
        TestRedis.reset(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "-1", "127.0.0.1:", "1.2.3.4:99999", "a:b:80", "[::1]", "bad host:80",
            ""})
    void aBadAddressExitsTwoNamingTheOptionAndTheForm(String value) {
        for (String command : List.of("run", "ui")) {
            assertThat(cli.run(command, "--students", value, "--prefix", prefix)).isEqualTo(2);
            assertThat(cli.err()).contains("--students").contains("[ADDR:]PORT").doesNotContain("Exception");
        }
    }

    @Test
    void noSimulatedUserNeedsAClassAndAClassBuysInOneSaleOnly() {
        assertThat(cli.run("run", "--users", "0", "--prefix", prefix, "--redis", TestRedis.url())).isEqualTo(2);
        assertThat(cli.err()).contains("--users").contains("cannot be 0");
        assertThat(cli.run("run", "--students", "127.0.0.1:0", "--compare", "lua,decr", "--prefix", prefix,
                "--redis", TestRedis.url())).isEqualTo(2);
        assertThat(cli.err()).contains("--students").contains("--compare");
    }

    @Test
    void aClassAloneBuysUntilTheSaleSellsOut(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out.txt");
        Path report = dir.resolve("report.json");
        Process run = CliProcess.start(output, "run", "--students", "127.0.0.1:0", "--users", "0", "--stock", "2",
                "--strategy", "watch", "--duration", "120", "--prefix", prefix, "--redis", TestRedis.url(),
                "--report", report.toString());
        try {
            // the address is printed (and flushed) while the sale waits for the class
            await().atMost(Duration.ofSeconds(60)).until(() -> JOIN.matcher(Files.readString(output)).find());
            Matcher m = JOIN.matcher(Files.readString(output));
            assertThat(m.find()).isTrue();
            Phone amy = new Phone(m.group(1));
            Phone bob = new Phone(m.group(1));
            assertThat(amy.join(m.group(2), "amy").status()).isEqualTo(201);
            assertThat(bob.join(m.group(2), "bob").status()).isEqualTo(201);
            assertThat(amy.buyUntilDone()).isEqualTo("won");
            assertThat(bob.buyUntilDone()).isEqualTo("won");
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            run.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(run.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Students    2 joined, 2 won").contains("Ended by    sold_out")
                .doesNotContain(TestRedis.url());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("students_joined").asLong()).isEqualTo(2);
        assertThat(json.get("students_won").asLong()).isEqualTo(2);
        assertThat(json.get("users").asLong()).isZero();
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(jedis.lrange(new SaleKeys(prefix).user(), 0, -1)).containsExactly("stu:amy", "stu:bob");
        }
    }
}
