package seckill.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnector;
import seckill.redis.TestRedis;
import seckill.report.RunReport;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.students.ClassRoom;
import seckill.students.StudentsAddress;

/** The window's way to a class: a class room opened on the service follows the next sale started there. */
class ClassRoomServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String prefix = TestRedis.prefix("service-class");
    private final RedisLabService service = new RedisLabService(RedisConnector.fromEnvironment());

    @AfterEach
    void cleanUp() {
        service.close();
        TestRedis.reset(prefix);
    }

    private static String post(String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aClassRoomFollowsTheNextSaleAndCountsInItsResult(@TempDir Path dir) throws Exception {
        service.connect(TestRedis.url(), false, Duration.ofSeconds(5));
        ClassRoom room = service.openClassRoom(StudentsAddress.parse("127.0.0.1:0"));
        assertThat(service.classRoom()).isSameAs(room);
        assertThat(room.url()).matches("http://127\\.0\\.0\\.1:\\d+/j/" + room.code());
        List<Integer> seen = new CopyOnWriteArrayList<>();
        room.addListener(() -> seen.add(room.joined()));
        String base = room.url().substring(0, room.url().indexOf("/j/"));
        String token = JSON.readTree(post(base + "/api/join", "{\"code\":\"" + room.code()
                + "\",\"name\":\"amy\"}", null)).get("token").asText();
        assertThat(seen).containsExactly(1);

        // the students buy beside 20 simulated users; the sale waits for them
        SaleRun run = service.startSale(SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA)
                .stock(30).users(20).pool(4).durationS(120).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(post(base + "/api/buy", "", token))
                .get("outcome").asText().equals("won"));
        await().atMost(Duration.ofSeconds(10)).until(() -> room.won() == 1);
        assertThat(room.students()).containsExactly(new ClassRoom.Student("amy", "stu:amy", room.winners().get(0)
                .rank()));
        assertThat(run.result().toCompletableFuture().isDone()).isFalse();
        run.stop();
        SimulationResult result = run.result().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(result.endedBy()).isEqualTo(EndReason.STOPPED);
        assertThat(result.students().joined()).isEqualTo(1);
        assertThat(result.students().won()).isEqualTo(1);
        RunReport report = RunReport.of(result, new RunReport.RedisInfo("redis://x", "7", false));
        assertThat(report.studentsJoined()).isEqualTo(1);
        assertThat(report.studentsWon()).isEqualTo(1);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(jedis.lrange(new SaleKeys(prefix).user(), 0, -1)).contains("stu:amy").hasSize(21);
        }

        Path csv = dir.resolve("winners.csv");
        assertThat(service.exportWinners(new SaleKeys(prefix), csv)).isEqualTo(21);
        assertThat(Files.readAllLines(csv)).anyMatch(line -> line.contains(",stu:amy,"));

        service.close();
        assertThat(room.isOpen()).isFalse();
    }
}
