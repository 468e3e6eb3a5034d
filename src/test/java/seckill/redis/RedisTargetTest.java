package seckill.redis;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import seckill.util.Problem;
import seckill.util.Problem.Kind;

class RedisTargetTest {
    @Test
    void parsesUserPasswordHostPortAndDatabase() {
        RedisTarget t = RedisTarget.parse("redis://alice:s3cret@db.example:6380/2");
        assertThat(t.host()).isEqualTo("db.example");
        assertThat(t.port()).isEqualTo(6380);
        assertThat(t.user()).isEqualTo("alice");
        assertThat(t.password()).isEqualTo("s3cret");
        assertThat(t.database()).isEqualTo(2);
        assertThat(t.tls()).isFalse();
    }

    @Test
    void rediss_meansTls_andPortDefaultsTo6379() {
        RedisTarget t = RedisTarget.parse("rediss://cache.local");
        assertThat(t.tls()).isTrue();
        assertThat(t.port()).isEqualTo(6379);
    }

    @Test
    void masksThePasswordEverywhereItPrints() {
        RedisTarget t = RedisTarget.parse("redis://alice:s3cret@h:1/3");
        assertThat(t.masked()).isEqualTo("redis://alice:***@h:1/3");
        assertThat(t.toString()).doesNotContain("s3cret");
        assertThat(RedisTarget.parse("redis://:pw@h:2").masked()).isEqualTo("redis://:***@h:2");
    }

    @Test
    void decodesPercentEncodedPasswords() {
        assertThat(RedisTarget.parse("redis://u:p%40ss@h:1").password()).isEqualTo("p@ss");
    }

    @Test
    void rejectsMalformedUrlsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> RedisTarget.parse("http://u:topsecret@h:1"))
                .hasMessageContaining("redis://").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> RedisTarget.parse("redis://h:99999")).hasMessageContaining("port");
        assertThatThrownBy(() -> RedisTarget.parse("redis://h:1/abc")).hasMessageContaining("database");
        assertThatThrownBy(() -> RedisTarget.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RedisTarget.parse("redis:// bad host")).hasMessageContaining("malformed");
    }

    @Test
    void saysWhatIsWrongAsAProblem_whoseEnglishLineIsTheMessage() {
        assertThat(RedisTarget.problemWith("redis://h:99999")).isEqualTo(Problem.of(Kind.URL_PORT, 99_999));
        assertThat(RedisTarget.problemWith("redis://h:1/-1")).isEqualTo(Problem.of(Kind.URL_NEGATIVE_DATABASE, -1));
        assertThat(RedisTarget.problemWith("redis://:pw@h:1/x")).isEqualTo(Problem.of(Kind.URL_DATABASE, "x"));
        assertThat(RedisTarget.problemWith("rediss://:pw@h:1/2")).isNull();
        assertThatThrownBy(() -> RedisTarget.parse("ftp://h")).isInstanceOfSatisfying(RedisUrlException.class,
                e -> assertThat(e).hasMessage(e.problem().english())
                        .hasMessage("Redis URL must start with redis:// or rediss://; expected "
                                + "redis://[user:password@]host:port[/db] or rediss://…"));
    }

    @Test
    void aPlusInAPasswordIsAPlus_asRedisCliTakesIt_andEscapesStillWork() {
        assertThat(RedisTarget.parse("redis://:a+b@h:1").password()).isEqualTo("a+b");
        assertThat(RedisTarget.parse("redis://:a%2Bb%40c%3Ad@h:1").password()).isEqualTo("a+b@c:d");
        assertThat(RedisTarget.parse("redis://u%3Ax:p@h:1").user()).isEqualTo("u:x");
        assertThatThrownBy(() -> RedisTarget.parse("redis://:50%off@h:1")).hasMessageContaining("malformed")
                .hasMessageNotContaining("50%off");
    }

    @Test
    void anEmptyPortOrOptionsAfterAQuestionMarkAreRefused_notIgnored() {
        assertThatThrownBy(() -> RedisTarget.parse("redis://127.0.0.1:")).hasMessageContaining("empty port");
        assertThatThrownBy(() -> RedisTarget.parse("redis://:pw@127.0.0.1:/1")).hasMessageContaining("empty port");
        assertThatThrownBy(() -> RedisTarget.parse("redis://127.0.0.1:6379?db=1")).hasMessageContaining("/N");
        assertThatThrownBy(() -> RedisTarget.parse("redis://h:1/2?password=hunter2"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisTarget.parse("redis://h:1#x")).hasMessageContaining("'#'");
    }

    @Test
    void masksEveryUrlInAnyText() {
        assertThat(RedisTarget.maskAll("Unknown options: '--redis-url', 'redis://:S3CRET@127.0.0.1:6410'"))
                .isEqualTo("Unknown options: '--redis-url', 'redis://:***@127.0.0.1:6410'");
        assertThat(RedisTarget.maskAll("a rediss://alice:p/w@x@h:1/2 and REDIS://pw@h b"))
                .isEqualTo("a rediss://alice:***@h:1/2 and REDIS://***@h b");
        String once = RedisTarget.maskAll("redis://alice:pw@h:1");
        assertThat(RedisTarget.maskAll(once)).as("masking twice changes nothing").isEqualTo(once)
                .isEqualTo(RedisTarget.parse("redis://alice:pw@h:1").masked());
        assertThat(RedisTarget.maskAll("redis://h:1 has no secret")).isEqualTo("redis://h:1 has no secret");
    }

    @Test
    void aClustersSeedsShareTheSchemeTheCredentialsAndTheDatabase() {
        List<RedisTarget> seeds = RedisTarget.parseSeeds("redis://alice:pa,ss@h1:7001, h2:7002/0");
        assertThat(seeds).extracting(RedisTarget::host).containsExactly("h1", "h2");
        assertThat(seeds).extracting(RedisTarget::port).containsExactly(7001, 7002);
        assertThat(seeds).allMatch(t -> "alice".equals(t.user()) && "pa,ss".equals(t.password()));
        assertThat(RedisTarget.parseSeeds("redis://h:1")).containsExactly(RedisTarget.parse("redis://h:1"));
        assertThatThrownBy(() -> RedisTarget.parseSeeds("redis://h1:1,,h2:2"))
                .hasMessageContaining("empty seed");
    }
}
