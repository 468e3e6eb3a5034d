package seckill.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;

/**
 * The students' page in a real browser: Debian's chromium driven by its chromium-driver, found on the system
 * (nothing downloaded: the driver's path is given, so Selenium Manager never runs). Three phones of 390x844 join,
 * wait for the sale, tap Buy and see their results; names are shown as text, never as markup.
 */
class StudentsBrowserTest {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String prefix = TestRedis.prefix("students-page");
    private final ClassSale sale = new ClassSale(prefix);
    private final List<WebDriver> phones = new ArrayList<>();

    @TempDir
    Path profiles;

    @AfterEach
    void close() {
        phones.forEach(WebDriver::quit);
        sale.close();
    }

    private WebDriver phone(String lang) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory(profiles, "phone");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + lang,
                "--window-size=390,844");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(390, 844));
        phones.add(driver);
        return driver;
    }

    private static WebElement byId(WebDriver d, String id) {
        return d.findElement(By.id(id));
    }

    private static void join(WebDriver d, String url, String name) {
        d.get(url);
        byId(d, "name").sendKeys(name);
        byId(d, "join").click();
        await().atMost(PATIENCE).until(() -> byId(d, "sale-view").isDisplayed());
    }

    @Test
    void thePageSetsTextNeverMarkup() throws IOException {
        String script;
        try (var in = Page.class.getResourceAsStream("/seckill/students/app.js")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(script).contains("textContent").doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "eval(");
    }

    @Test
    void threePhonesJoinWaitTapAndSeeTheirResultsAndEachOthersNamesAsText() throws IOException {
        assumeTrue(new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute(),
                "chromium and chromium-driver are installed (.ci/run installs them)");
        String url = sale.room.url();
        WebDriver amy = phone("en-US");
        WebDriver ming = phone("zh-CN");
        WebDriver tag = phone("en-US");
        join(amy, url, "amy");
        join(ming, url, "小明");
        // a name that would be markup if a page set it as HTML is refused (422), and said so as text
        String hostile = "<i>x</i>";
        tag.get(url);
        byId(tag, "name").sendKeys(hostile);
        byId(tag, "join").click();
        await().atMost(PATIENCE).until(() -> !byId(tag, "join-error").getText().isEmpty());
        assertThat(byId(tag, "join-error").getText()).contains("1–16");
        join(tag, url, "b_-1 two");

        // before the sale: waiting, the button off
        assertThat(byId(amy, "buy").isEnabled()).isFalse();
        await().atMost(PATIENCE).until(() -> byId(amy, "status").getText().contains("Waiting"));
        assertThat(byId(ming, "status").getText()).contains("等待");
        assertThat(byId(ming, "buy").getText()).isEqualTo("抢购");

        sale.start(SimulationConfig.builder().strategy(StrategyKind.WATCH).stock(2).users(0).durationS(120));
        for (WebDriver d : List.of(amy, ming)) {
            await().atMost(PATIENCE).until(() -> byId(d, "buy").isEnabled());
            byId(d, "buy").click();
            await().atMost(PATIENCE).until(() -> "won".equals(byId(d, "result").getAttribute("data-outcome")));
        }
        await().atMost(PATIENCE).until(() -> byId(tag, "buy").isEnabled()
                || "sold_out".equals(byId(tag, "result").getAttribute("data-outcome")));
        if (byId(tag, "buy").isEnabled()) {
            byId(tag, "buy").click();
        }
        await().atMost(PATIENCE).until(() -> "sold_out".equals(byId(tag, "result").getAttribute("data-outcome")));

        assertThat(byId(amy, "result").getText()).isEqualTo("You won item #1!");
        assertThat(byId(ming, "result").getText()).isEqualTo("抢到了！第 2 件");
        assertThat(byId(tag, "result").getText()).startsWith("Sold out");
        // the list is drawn again with each state the page hears (about 5 a second): an item read as it goes is
        // read again
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> byId(tag, "winners").findElements(By.tagName("li")).stream().map(WebElement::getText)
                        .toList(), winners -> winners.equals(List.of("#1 amy", "#2 小明")));
        assertThat(byId(amy, "buy").isEnabled()).isFalse();
        // for a person to look at: a phone at the end of the sale
        Path shot = ((org.openqa.selenium.TakesScreenshot) ming).getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                .toPath();
        Files.copy(shot, Path.of("target", "students-phone.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Jedis jedis = TestRedis.connection().borrow()) {
            assertThat(Set.copyOf(jedis.lrange(new SaleKeys(prefix).user(), 0, -1)))
                    .containsExactlyInAnyOrder("stu:amy", "stu:小明");
        }
    }
}
