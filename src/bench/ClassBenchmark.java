// The class room under load: PHONES phones, each tapping Buy 5 times a second for SECONDS seconds over real HTTP,
// beside USERS simulated buyers arriving over the same time, on the Redis of $REDIS_URL (else 127.0.0.1:6379).
// Prints every tap's answer, /api/buy's p50/p99/max, and the sale read back from Redis (nothing oversold).
//
//   mvn -o -q -B package -DskipTests -Dcheckstyle.skip
//   java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -cp target/seckill-lab.jar \
//       src/bench/ClassBenchmark.java [PHONES] [SECONDS] [USERS] [STOCK] [STRATEGY]
//
// (On a machine of two cores the common pool has one thread, and the JDK's HttpClient, which the phones use here,
// then starts a thread for every completion: the parallelism keeps the phones from measuring that instead.)
//
// Defaults: 300 phones, 20 s, 20000 users, 15000 items, lua. The sale's keys are under bench-class{…}: and are
// deleted at the end.
//
// With CLASS_URL=http://ADDR:PORT/j/CODE the phones join that class room instead (a window's, started with
// `ui --students ADDR:PORT … --pulse-report`), tap while its sale runs and print the taps' answers and latency; the
// window prints its frame gaps and audits its sale.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import redis.clients.jedis.Jedis;
import seckill.redis.RedisConnection;
import seckill.redis.RedisConnector;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.Simulation;
import seckill.sim.SimulationConfig;
import seckill.sim.SimulationResult;
import seckill.students.ClassRoom;
import seckill.students.StudentsAddress;

public class ClassBenchmark {
    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long users = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        long stock = args.length > 3 ? Long.parseLong(args[3]) : 15_000;
        StrategyKind strategy = args.length > 4 ? StrategyKind.valueOf(args[4].toUpperCase()) : StrategyKind.LUA;
        String prefix = "bench-class{" + UUID.randomUUID().toString().substring(0, 8) + "}:";
        SaleKeys keys = new SaleKeys(prefix);

        String classUrl = System.getenv("CLASS_URL");
        if (classUrl != null) {
            tapOnly(classUrl, phones, seconds);
            System.exit(0);
        }
        try (RedisConnection redis = RedisConnector.fromEnvironment().connect(null, false, 64,
                Duration.ofSeconds(10), line -> { });
             ClassRoom room = ClassRoom.open(StudentsAddress.parse("127.0.0.1:0"))) {
            List<HttpClient> clients = clients(phones);
            String base = room.url().substring(0, room.url().indexOf("/j/"));
            List<String> tokens = join(clients.get(0), base, room.code(), phones);
            SimulationConfig config = SimulationConfig.builder().prefix(prefix).strategy(strategy).stock(stock)
                    .users(users).pool(200).spreadMs(seconds * 1000L).durationS(seconds + 60L)
                    .retries(strategy == StrategyKind.WATCH ? 1000 : 0).students(true).build();
            Simulation simulation = new Simulation(config, redis);
            room.follow(simulation.humans());
            CompletableFuture<SimulationResult> sale = CompletableFuture.supplyAsync(simulation::run);
            while (!simulation.humans().isOpen()) {
                Thread.sleep(10);
            }

            long t0 = System.nanoTime();
            Taps done = tap(clients, base, tokens, seconds);
            long tappingMs = (System.nanoTime() - t0) / 1_000_000;
            simulation.stop();
            SimulationResult result = sale.get(120, TimeUnit.SECONDS);

            System.out.printf("phones %d x 5 taps/s for %d s, %d simulated users, stock %d, %s%n", phones, seconds,
                    users, stock, strategy.cliName());
            System.out.printf("taps sent %d, answered %d in %d ms: %s%n", done.sent(), done.micros().size(),
                    tappingMs, done.answers());
            done.printLatency();
            System.out.printf("sale ended by %s; students joined %d, won %d; audit %s%n", result.endedBy(),
                    result.students().joined(), result.students().won(), result.auditHolds() ? "ok" : "FAILED");
            try (Jedis jedis = redis.borrow()) {
                List<String> winners = jedis.lrange(keys.user(), 0, -1);
                long stu = winners.stream().filter(w -> w.startsWith("stu:")).count();
                System.out.printf("redis: kill_total %s, kill_num %s, LLEN kill_user %d, distinct %d (%d students)"
                        + "; oversold %s%n", jedis.get(keys.total()), jedis.get(keys.num()), winners.size(),
                        new HashSet<>(winners).size(), stu,
                        Long.parseLong(jedis.get(keys.num())) > Long.parseLong(jedis.get(keys.total())) ? "YES" : "no");
                jedis.del(keys.all().toArray(new String[0]));
            }
            System.exit(0);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** The phones alone, in a class room someone else runs (CLASS_URL): join, tap SECONDS long, print the answers. */
    private static void tapOnly(String url, int phones, int seconds) throws Exception {
        String base = url.substring(0, url.indexOf("/j/"));
        List<HttpClient> clients = clients(phones);
        List<String> tokens = join(clients.get(0), base, url.substring(url.indexOf("/j/") + 3), phones);
        Taps done = tap(clients, base, tokens, seconds);
        System.out.printf("phones %d x 5 taps/s for %d s into %s: %d sent, %d answered: %s%n", phones, seconds, base,
                done.sent(), done.micros().size(), done.answers());
        done.printLatency();
    }

    /** A client (and its selector thread) per 25 phones, as phones are many devices. */
    private static List<HttpClient> clients(int phones) {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < Math.max(1, phones / 25); i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        return clients;
    }

    /** Each phone joins as "phone N"; their tokens, in order. */
    private static List<String> join(HttpClient http, String base, String code, int phones) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            String body = "{\"code\":\"" + code + "\",\"name\":\"phone " + i + "\"}";
            String answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/join"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            tokens.add(answer.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
        }
        return tokens;
    }

    /** What the taps came to: how many were sent, each answer's latency (µs, sorted) and the answers counted. */
    record Taps(long sent, List<Long> micros, Map<String, Long> answers) {
        void printLatency() {
            System.out.printf("/api/buy p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(micros, 0.50) / 1000.0,
                    pct(micros, 0.99) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
        }
    }

    /** Every phone taps Buy 5 times a second, spread evenly, for SECONDS; waits for every answer. */
    private static Taps tap(List<HttpClient> clients, String base, List<String> tokens, int seconds)
            throws Exception {
        int phones = tokens.size();
        AtomicLong sent = new AtomicLong();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService taps = Executors.newScheduledThreadPool(4);
        for (int i = 0; i < phones; i++) {
            HttpClient phone = clients.get(i % clients.size());
            HttpRequest buy = HttpRequest.newBuilder(URI.create(base + "/api/buy"))
                    .header("Authorization", "Bearer " + tokens.get(i)).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            taps.scheduleAtFixedRate(() -> {
                sent.incrementAndGet();
                long at = System.nanoTime();
                pending.add(phone.sendAsync(buy, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                    micros.add((System.nanoTime() - at) / 1000);
                    String key = e != null ? "failed: " + (e.getCause() == null ? e : e.getCause()).getClass()
                            .getSimpleName() : r.statusCode() == 200
                            ? r.body().replaceAll(".*\"outcome\":\"([a-z_]+)\".*", "$1") : "HTTP " + r.statusCode();
                    answers.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                    return null;
                }));
            }, (long) (200_000L * i / phones), 200_000, TimeUnit.MICROSECONDS);
        }
        Thread.sleep(seconds * 1000L);
        taps.shutdownNow();
        taps.awaitTermination(10, TimeUnit.SECONDS);
        for (CompletableFuture<?> f : pending) {
            f.join();
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        Map<String, Long> counted = new TreeMap<>();
        answers.forEach((k, v) -> counted.put(k, v.get()));
        return new Taps(sent.get(), sorted, counted);
    }
}
