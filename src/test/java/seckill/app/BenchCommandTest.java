package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seckill.cli.RedisBenchmark;
import seckill.redis.TestRedis;

class BenchCommandTest {
    private final String prefix = TestRedis.prefix("bench");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void deleteOwnKeys() {
        for (String sub : new String[] {"bench:", "bench:rb:", "bench:poller:"}) {
            TestRedis.reset(prefix + sub);
        }
    }

    private int run(String... args) {
        return SeckillCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void printsOneRowPerStrategy_withTheAuditOfEach_andTheServerLimit() {
        int code = run("bench", "--redis", TestRedis.url(), "--prefix", prefix, "--users", "600", "--stock", "60",
                "--pool", "16", "--rounds", "1", "--limit-requests", "2000", "--poller-winners", "3000");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        for (String engine : new String[] {"threads", "loop"}) {
            String e = "\\(" + engine + "\\)";
            assertThat(text).containsPattern("(?m)^watch " + e + " .* 60 ✔$")
                    .containsPattern("(?m)^lua " + e + " .* 60 ✔$")
                    .containsPattern("(?m)^decr " + e + " .* 60 ✔$")
                    .containsPattern("(?m)^naive " + e + " .*✘ oversold")
                    .containsPattern("(?m)^lua " + e + " .* 2,000 ✔$");
            if (RedisBenchmark.find("redis-benchmark").isPresent()) {
                assertThat(text).containsPattern("Lab \\(" + engine + "\\) / redis-benchmark: \\d+\\.\\d\\d");
            }
        }
        assertThat(text).contains("round trips per tick   1 to 1");
    }

    @Test
    void rejectsAnOutOfRangeRoundCount() {
        assertThat(run("bench", "--redis", TestRedis.url(), "--rounds", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--rounds must be from 1 to 20");
    }
}
