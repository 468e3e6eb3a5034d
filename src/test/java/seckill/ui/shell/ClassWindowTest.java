package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.onFx;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import seckill.redis.TestRedis;
import seckill.sale.SaleInRedis;
import seckill.sale.SaleKeys;
import seckill.sim.ConfigField;
import seckill.sim.SimulationConfig;
import seckill.students.Phone;
import seckill.students.StudentsAddress;
import seckill.ui.common.Language;
import seckill.ui.lessons.Lesson;
import seckill.ui.live.WinnerRow;

/**
 * The class in the real window: the Students switch opens the lab's class room, phones join and buy over real HTTP
 * in the window's own sale, and the window shows them; lesson 4 opens the room before its sale, and the class
 * oversells, as Redis itself says.
 */
@ExtendWith(ApplicationExtension.class)
class ClassWindowTest {
    private final WindowUnderTest window = new WindowUnderTest("ui-class");
    private Stage stage;
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() throws Exception {
        window.close(() -> dashboard.model().stop());
        TestRedis.reset(window.prefix());
    }

    @Test
    void theSwitchOpensTheClassRoom_aPhoneJoinsAndWinsInTheWindowsSale_andTheWindowShowsItsName() {
        onFx(() -> dashboard = window.show(stage));
        assertThat(fx(() -> dashboard.students().runningProperty().get())).isFalse();
        onFx(() -> dashboard.students().onStartProperty().get().run());
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> dashboard.students().runningProperty().get()));
        String url = fx(() -> dashboard.students().urlProperty().get());
        String code = fx(() -> dashboard.students().codeProperty().get());
        assertThat(url).startsWith("http://").endsWith("/j/" + code);

        Phone amy = join(url, code, "Amy");
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> dashboard.students().joinedProperty().get()) == 1);

        // two items: one for the simulated user, one for Amy; the sale ends when both are sold
        onFx(() -> {
            dashboard.model().form().fields().forEach(f -> {
                if (f.field() == ConfigField.STOCK) {
                    f.setValue(2);
                } else if (f.field() == ConfigField.USERS) {
                    f.setValue(1);
                }
            });
            dashboard.model().start();
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> "won".equals(outcome(amy)));
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> dashboard.model().live().settledProperty().get()));

        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> dashboard.students().wonProperty().get()) == 1);
        assertThat(fx(() -> dashboard.students().players().get(0).rank())).isNotNull();
        List<WinnerRow> students = fx(() -> dashboard.model().live().winners().rows().stream()
                .filter(WinnerRow::student).toList());
        assertThat(students).extracting(WinnerRow::shownName).containsExactly("Amy");

        SaleInRedis sale = SaleInRedis.check(TestRedis.connection(), new SaleKeys(window.prefix()));
        assertThat(sale.winners()).contains("stu:Amy").hasSize(2);

        onFx(() -> dashboard.students().onStopProperty().get().run());
        await().atMost(Duration.ofSeconds(30)).until(() -> !reachable(url));
        assertThat(fx(() -> dashboard.students().runningProperty().get())).isFalse();
    }

    @Test
    void lessonFourOpensTheClassRoomBeforeItsSale_andTheClassOversells() throws Exception {
        SimulationConfig sale = SimulationConfig.builder().prefix(window.prefix()).build();
        LaunchOptions lesson = new LaunchOptions(TestRedis.url(), false, sale, false, true, false, null, false,
                Language.EN, false, false).withLesson(Lesson.YOU_ARE_THE_BUYERS)
                .withStudents(new StudentsAddress("127.0.0.1", 0));
        onFx(() -> dashboard = window.show(stage, lesson));
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> dashboard.students().runningProperty().get()));
        String url = fx(() -> dashboard.students().urlProperty().get());
        String code = fx(() -> dashboard.students().codeProperty().get());

        // more phones than items, tapping at once: naive's second between read and write lets them all read stock
        int phones = 14;
        List<Phone> kids = new ArrayList<>();
        for (int i = 1; i <= phones; i++) {
            kids.add(join(url, code, "kid" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kids.get(0).state().body().path("open").asBoolean());
        ExecutorService taps = Executors.newFixedThreadPool(phones);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Phone kid : kids) {
                Callable<String> tap = () -> outcome(kid);
                answers.add(taps.submit(tap));
            }
            for (Future<String> a : answers) {
                assertThat(a.get()).isNotEqualTo("error");
            }
        } finally {
            taps.shutdownNow();
        }

        SaleInRedis inRedis = SaleInRedis.read(TestRedis.connection(), new SaleKeys(window.prefix()));
        assertThat(inRedis.total()).isEqualTo(10);
        assertThat(inRedis.winners()).as("kill_user: the class oversold").hasSizeGreaterThan(10)
                .filteredOn(id -> id.startsWith("stu:kid")).hasSizeGreaterThan(9);
        // the window reads the winners as Redis has them: the class's names among them
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> dashboard.model().live().winners().rows().stream()
                .filter(WinnerRow::student).count()) > 9);
    }

    /** A phone that joined the room at that address under that name. */
    private static Phone join(String url, String code, String name) {
        Phone phone = new Phone(url);
        assertThat(phone.join(code, name).status()).as("join as " + name).isIn(200, 201);
        return phone;
    }

    private static String outcome(Phone phone) {
        return String.valueOf(phone.buy().field("outcome"));
    }

    private static boolean reachable(String url) {
        try {
            new Phone(url).state();
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
