package seckill.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;

/**
 * Every safe strategy with students tapping over HTTP beside simulated buyers: nobody wins twice, nothing is
 * oversold, read from Redis itself; the students' wins are in Redis and in the result.
 */
class StudentsInvariantTest {
    private static final int STUDENTS = 12;
    private static final long STOCK = 60;

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class, names = {"WATCH", "LUA", "DECR"})
    void studentsAndSimulatedBuyersNeverOversellNorWinTwice(StrategyKind strategy) {
        assertThat(strategy.isSafe()).isTrue();
        String prefix = TestRedis.prefix("students-" + strategy.cliName());
        ExecutorService phones = Executors.newFixedThreadPool(STUDENTS);
        try (ClassSale sale = new ClassSale(prefix)) {
            List<Phone> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                Phone phone = new Phone(sale.room);
                assertThat(phone.join(sale.room.code(), "s" + i).status()).isEqualTo(201);
                students.add(phone);
            }
            // the simulated users arrive over three seconds, so that the students' taps meet them
            sale.start(SimulationConfig.builder().strategy(strategy).stock(STOCK).users(400).pool(16)
                    .retries(strategy == StrategyKind.WATCH ? 1_000 : 0).spreadMs(3_000).durationS(120));
            // open, or already over when the simulated buyers were quicker
            await().atMost(Duration.ofSeconds(30)).until(() -> sale.simulation.humans().isOpen()
                    || sale.simulation.humans().hasEnded());
            List<CompletableFuture<String>> outcomes = students.stream()
                    .map(p -> CompletableFuture.supplyAsync(p::buyUntilDone, phones)).toList();
            List<String> told;
            try {
                told = outcomes.stream().map(CompletableFuture::join).toList();
            } catch (RuntimeException e) {
                try (Jedis jedis = TestRedis.connection().borrow()) {
                    SaleKeys k = new SaleKeys(prefix);
                    throw new IllegalStateException("num " + jedis.get(k.num()) + " total " + jedis.get(k.total())
                            + " flag " + jedis.pttl(k.flag()) + " open " + sale.simulation.humans().isOpen()
                            + " ended " + sale.simulation.humans().hasEnded() + " metrics "
                            + sale.simulation.metrics().sample(), e);
                }
            }
            assertThat(told).allMatch(o -> o.equals("won") || o.equals("sold_out") || o.equals("closed"));
            SimulationResult result = sale.result();

            SaleKeys keys = new SaleKeys(prefix);
            try (Jedis jedis = TestRedis.connection().borrow()) {
                List<String> winners = jedis.lrange(keys.user(), 0, -1);
                long total = Long.parseLong(jedis.get(keys.total()));
                long sold = Long.parseLong(jedis.get(keys.num()));
                assertThat(winners).isNotEmpty();
                assertThat(new HashSet<>(winners)).hasSize(winners.size());
                assertThat(jedis.llen(keys.user())).isEqualTo(sold);
                assertThat(sold).isLessThanOrEqualTo(total).isEqualTo(STOCK);
                long studentWins = winners.stream().filter(w -> w.startsWith("stu:")).count();
                assertThat(studentWins).isEqualTo(told.stream().filter("won"::equals).count())
                        .isEqualTo(result.students().won());
            }
            assertThat(result.students().joined()).isEqualTo(STUDENTS);
            assertThat(result.auditHolds()).isTrue();
            assertThat(result.usersLost()).isEqualTo(400 + STUDENTS - STOCK - result.metrics().usersUnknown());
        } finally {
            phones.shutdownNow();
        }
    }
}
