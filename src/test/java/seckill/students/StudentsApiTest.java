package seckill.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.EndReason;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/** The phones' API over real HTTP, on a sale on the real Redis. */
class StudentsApiTest {
    private final String prefix = TestRedis.prefix("students-api");
    private final ClassSale sale = new ClassSale(prefix);
    private final ClassRoom room = sale.room;

    @AfterEach
    void close() {
        sale.close();
    }

    private static SimulationConfig.Builder classAlone(long stock) {
        return SimulationConfig.builder().strategy(StrategyKind.LUA).stock(stock).users(0).durationS(120);
    }

    @Test
    void joinsWithTheCodeAndRefusesAWrongCodeATakenNameAndABadName() {
        Phone amy = new Phone(room);
        Phone.Answer joined = amy.join(room.code(), "Amy");
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.field("token")).matches("[A-Za-z0-9_-]{22}");
        assertThat(joined.body().get("player").get("user_id").asText()).isEqualTo("stu:Amy");
        assertThat(room.code()).matches("[" + Secrets.CODE_ALPHABET + "]{6}");

        Phone other = new Phone(room);
        assertThat(other.join("AAAAAA".equals(room.code()) ? "BBBBBB" : "AAAAAA", "Bob").status()).isEqualTo(403);
        assertThat(other.join(room.code(), "aMY").status()).isEqualTo(409);
        for (String bad : List.of("", "   ", "a".repeat(17), "<b>bold</b>", "<img src=x onerror=alert(1)>",
                "a\u202Eb", "tab\tname", "a;b", "\u0000")) {
            Phone.Answer refused = other.join(room.code(), bad);
            assertThat(refused.status()).as("name %s", bad).isEqualTo(422);
            assertThat(refused.field("error")).isEqualTo("bad_name");
        }
        assertThat(other.join(room.code(), "小明").status()).isEqualTo(201);
        // NFC: e and a combining accent is the same name as é
        assertThat(new Phone(room).join(room.code(), "Ren\u00e9").status()).isEqualTo(201);
        assertThat(new Phone(room).join(room.code(), "Rene\u0301").status()).isEqualTo(409);
        assertThat(room.students()).extracting(ClassRoom.Student::name).containsExactly("Amy", "René", "小明");
    }

    @Test
    void wrongCodesFromOneAddressAreLimited() {
        Phone guesser = new Phone(room);
        String wrong = room.code().equals("AAAAAA") ? "BBBBBB" : "AAAAAA";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < ClassRoom.WRONG_CODES_PER_MINUTE + 2; i++) {
            statuses.add(guesser.join(wrong, "guess" + i).status());
        }
        assertThat(statuses.subList(0, ClassRoom.WRONG_CODES_PER_MINUTE)).containsOnly(403);
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(429);
        // even the right code is refused from that address for a while
        assertThat(guesser.join(room.code(), "Honest").status()).isEqualTo(429);
    }

    @Test
    void tapsBeforeAnySaleAreNotOpenAndATapNeedsAToken() {
        Phone amy = new Phone(room);
        amy.join(room.code(), "amy");
        Phone.Answer tap = amy.buy();
        assertThat(tap.status()).isEqualTo(200);
        assertThat(tap.field("outcome")).isEqualTo("not_open");
        assertThat(amy.post("/api/buy", null, null).status()).isEqualTo(401);
        assertThat(amy.post("/api/buy", null, "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void studentsWinInOrderThenHearAlreadyWonSoldOutAndClosed() {
        sale.start(classAlone(2));
        Phone amy = new Phone(room);
        Phone bob = new Phone(room);
        Phone cat = new Phone(room);
        amy.join(room.code(), "amy");
        bob.join(room.code(), "bob");
        cat.join(room.code(), "cat");
        await().atMost(Duration.ofSeconds(30)).until(() -> sale.simulation.humans().isOpen());
        assertThat(amy.buyUntilDone()).isEqualTo("won");
        assertThat(bob.buyUntilDone()).isEqualTo("won");
        Phone.Answer again = amy.buy();
        assertThat(again.field("outcome")).isEqualTo("already_won");
        assertThat(again.field("rank")).isEqualTo("1");
        assertThat(bob.buy().field("rank")).isEqualTo("2");
        assertThat(cat.buyUntilDone()).isEqualTo("sold_out");

        SimulationResult result = sale.result();
        assertThat(result.endedBy()).isEqualTo(EndReason.SOLD_OUT);
        assertThat(result.students().joined()).isEqualTo(3);
        assertThat(result.students().won()).isEqualTo(2);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(jedis.lrange(new SaleKeys(prefix).user(), 0, -1)).containsExactly("stu:amy", "stu:bob");
        }
        assertThat(room.winners()).extracting(ClassRoom.Student::name).containsExactly("amy", "bob");
        assertThat(room.winners()).extracting(ClassRoom.Student::rank).containsExactly(1L, 2L);

        Phone late = new Phone(room);
        late.join(room.code(), "late");
        assertThat(late.buy().field("outcome")).isEqualTo("sold_out");
    }

    @Test
    void aStoppedSaleIsClosedToTheStudents() {
        sale.start(classAlone(5));
        Phone amy = new Phone(room);
        amy.join(room.code(), "amy");
        await().atMost(Duration.ofSeconds(30)).until(() -> sale.simulation.humans().isOpen());
        sale.simulation.stop();
        assertThat(sale.result().endedBy()).isEqualTo(EndReason.STOPPED);
        assertThat(amy.buy().field("outcome")).isEqualTo("closed");
    }

    @Test
    void aPlayerTapsAtMostFiveTimesASecond() {
        Phone amy = new Phone(room);
        amy.join(room.code(), "amy");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(amy.buy().status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
    }

    @Test
    void stateAndEventsCarryTheRoomAndTheCallersOwnResult() throws Exception {
        sale.start(classAlone(3));
        Phone amy = new Phone(room);
        amy.join(room.code(), "amy");
        await().atMost(Duration.ofSeconds(30)).until(() -> sale.simulation.humans().isOpen());
        assertThat(amy.buyUntilDone()).isEqualTo("won");
        await().atMost(Duration.ofSeconds(10)).until(() -> amy.state().body().get("sold").asLong() == 1
                && amy.state().body().get("winners").size() == 1);
        Phone.Answer state = amy.state();
        assertThat(state.body().get("open").asBoolean()).isTrue();
        assertThat(state.body().get("stock").asLong()).isEqualTo(3);
        assertThat(state.body().get("left").asLong()).isEqualTo(2);
        assertThat(state.body().get("players").asLong()).isEqualTo(1);
        assertThat(state.body().get("me").get("outcome").asText()).isEqualTo("won");
        assertThat(state.body().get("me").get("rank").asLong()).isEqualTo(1);
        assertThat(state.body().get("winners").get(0).get("name").asText()).isEqualTo("amy");
        assertThat(new Phone(room).state().body().has("me")).isFalse();

        HttpRequest events = amy.request("/api/events?token=" + amy.token(), null)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(events,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("event: state");
            String data = lines.readLine();
            assertThat(data).startsWith("data: {").contains("\"me\":{\"name\":\"amy\"").contains("\"outcome\":\"won\"");
        }
    }

    @Test
    void aKickedStudentsTokenStopsWorking() {
        Phone amy = new Phone(room);
        amy.join(room.code(), "amy");
        List<Integer> changes = new ArrayList<>();
        room.addListener(() -> changes.add(room.joined()));
        assertThat(room.kick("AMY")).isTrue();
        assertThat(room.kick("amy")).isFalse();
        assertThat(amy.buy().status()).isEqualTo(401);
        assertThat(room.joined()).isZero();
        assertThat(changes).containsExactly(0);
        assertThat(new Phone(room).join(room.code(), "amy").status()).isEqualTo(201);
    }

    @Test
    void aSharedNetworkIsKeptOut() throws IOException, InterruptedException {
        Phone amy = new Phone(room);
        Phone.Answer page = Phone.send(amy.request("/j/" + room.code(), null)
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").GET().build());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<html lang=\"zh\">").doesNotContain("http://", "https://", "style=\"");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.response().headers().map().keySet())
                .noneMatch(h -> h.toLowerCase().startsWith("access-control"));

        // DNS rebinding: a page of another name that resolves here is refused
        Phone.Answer rebound = rawRequest(amy.base(), "GET /api/state HTTP/1.1\r\nHost: evil.example:80\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.text()).contains("wrong_host");

        Phone.Answer big = amy.post("/api/join", Map.of("code", room.code(), "name", "x".repeat(2_000)), null);
        assertThat(big.status()).isEqualTo(413);

        Phone.Answer missing = Phone.send(amy.request("/api/nothing", null).GET().build());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.field("error")).isEqualTo("not_found");
        Phone.Answer broken = amy.post("/api/join", null, null);
        assertThat(broken.status()).isEqualTo(400);
        for (Phone.Answer a : List.of(missing, broken, big, rebound)) {
            assertThat(a.text()).doesNotContain("Exception", "at seckill.", "at io.javalin", "redis://");
        }
        assertThat(amy.join(room.code(), "amy").text()).doesNotContain("redis", "6379");
    }

    /** One request written by hand, with whatever Host it names. */
    private static Phone.Answer rawRequest(String base, String request) throws IOException {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Phone.Answer(status, null, text, null);
        }
    }
}
