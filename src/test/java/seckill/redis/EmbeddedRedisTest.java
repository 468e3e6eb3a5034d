package seckill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;

class EmbeddedRedisTest {
    @Test
    void startsInATemporaryFolderWhosePathHasASpace_andRemovesItsFolder(@TempDir Path tmp) throws Exception {
        // as under a Windows user named "Jo Doe": redis.conf would split an unquoted path there
        Path root = Files.createDirectory(tmp.resolve("Jo Doe")).toRealPath();
        try (EmbeddedRedis redis = EmbeddedRedis.start(root);
                Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(jedis.configGet("dir").get("dir"))
                    .startsWith(root.resolve("seckill-embedded-redis-").toString());
        }
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aConfigValueIsQuotedWithItsBackslashesAndQuotesEscaped() {
        assertThat(EmbeddedRedis.configString("C:\\Users\\Jo Doe\\Temp"))
                .isEqualTo("\"C:\\\\Users\\\\Jo Doe\\\\Temp\"");
        assertThat(EmbeddedRedis.configString("a\"b")).isEqualTo("\"a\\\"b\"");
    }
}
