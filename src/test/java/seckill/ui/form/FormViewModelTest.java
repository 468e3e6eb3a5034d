package seckill.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import seckill.sale.StrategyKind;
import seckill.sim.EngineKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.I18n;
import seckill.ui.common.Language;
import seckill.ui.lessons.Lesson;
import seckill.ui.shell.LaunchOptions;

class FormViewModelTest {
    private final FormViewModel form = new FormViewModel();
    private final I18n english = new I18n(I18n.ENGLISH);
    private final I18n chinese = new I18n(I18n.CHINESE);

    @Test
    void isValidWithTheTutorialsDefaults() {
        assertThat(form.isAllValid()).isTrue();
        // the seed is new each run; everything else is the tutorial's sale
        assertThat(form.toConfig().toBuilder().seed(0).build()).isEqualTo(SimulationConfig.builder().seed(0).build());
    }

    @Test
    void oneBadFieldTurnsStartOffAndSaysWhich() {
        form.users().textProperty().set("lots");
        assertThat(form.isAllValid()).isFalse();
        FormViewModel.Invalid wrong = form.firstInvalid();
        assertThat(wrong.field()).isEqualTo("users");
        assertThat(english.format(wrong.name())).isEqualTo("Users");
        assertThat(english.format(wrong.problem())).startsWith("must be a whole number");
        assertThat(form.errorOf("users").getValue()).isEqualTo(wrong.problem());
        form.users().textProperty().set("10");
        assertThat(form.isAllValid()).isTrue();
        assertThat(form.firstInvalid()).isNull();
    }

    @Test
    void theFirstWrongRowIsTheTopmostOnScreen() {
        form.seed().textProperty().set("x");
        form.pool().textProperty().set("0");
        form.engineProperty().set(EngineKind.LOOP);
        form.takeUrl("rediss://redis.example:6380");
        assertThat(form.firstInvalid().field()).isEqualTo("pool");
        form.pool().textProperty().set("10");
        assertThat(form.firstInvalid().field()).as("the engine's row is under the pool's").isEqualTo("engine");
        assertThat(english.format(form.firstInvalid().name())).isEqualTo("Engine");
        form.engineProperty().set(EngineKind.THREADS);
        assertThat(form.firstInvalid().field()).isEqualTo("seed");
        form.redisUrlProperty().set("redis://h:0");
        assertThat(form.firstInvalid().field()).isEqualTo(FormViewModel.REDIS);
        assertThat(english.format(form.firstInvalid().name())).isEqualTo("Redis");
    }

    @Test
    void fillsFromTheCommandLineOptions() {
        SimulationConfig sale = SimulationConfig.builder().prefix("p:").strategy(StrategyKind.NAIVE).load(7, 70, 7, 2)
                .durationS(30).spreadMs(100).seed(9).join(true).engine(EngineKind.LOOP).build();
        LaunchOptions o = new LaunchOptions(null, false, sale, true, false, false, null, false, Language.EN, false,
                false);
        form.fill(o.formStart());
        SimulationConfig c = form.toConfig();
        assertThat(c.prefix()).isEqualTo("p:");
        assertThat(c.strategy()).isEqualTo(StrategyKind.NAIVE);
        assertThat(c.stock()).isEqualTo(7);
        assertThat(c.users()).isEqualTo(70);
        assertThat(c.retries()).isEqualTo(2);
        assertThat(c.spreadMs()).isEqualTo(100);
        assertThat(c.seed()).isEqualTo(9);
        assertThat(c.pool()).isEqualTo(7);
        assertThat(c.durationS()).isEqualTo(30);
        assertThat(c.join()).isTrue();
        assertThat(c.engine()).isEqualTo(EngineKind.LOOP);
    }

    @Test
    void theOptionsWithoutAFieldGoWithTheSaleStartedFromTheForm() {
        SimulationConfig sale = SimulationConfig.builder().prefix("p:").naiveGapMs(7).waitReplicas(2).build();
        form.fill(new LaunchOptions(null, false, sale, false, false, false, null, false, Language.EN, false, false)
                .formStart());
        SimulationConfig c = form.toConfig();
        assertThat(c.naiveGapMs()).isEqualTo(7);
        assertThat(c.waitReplicas()).isEqualTo(2);
    }

    @Test
    void showsThePasswordMaskedButConnectsWithIt() {
        form.takeUrl("redis://alice:s3cret@redis.example:6380/2");
        assertThat(form.redisUrlProperty().get()).isEqualTo("redis://alice:***@redis.example:6380/2")
                .doesNotContain("s3cret");
        assertThat(form.effectiveUrl()).isEqualTo("redis://alice:s3cret@redis.example:6380/2");
    }

    @Test
    void takesAClustersSeeds_thePasswordMasked() {
        form.takeUrl("redis://:s3cret@10.0.0.1:7001,10.0.0.2:7002");
        assertThat(form.isAllValid()).isTrue();
        assertThat(form.redisUrlProperty().get()).isEqualTo("redis://:***@10.0.0.1:7001,10.0.0.2:7002");
        assertThat(form.effectiveUrl()).isEqualTo("redis://:s3cret@10.0.0.1:7001,10.0.0.2:7002");
    }

    @Test
    void masksATypedPasswordWhenThePersonMovesOn() {
        form.redisUrlProperty().set("redis://:hunter2@127.0.0.1:6379");
        form.maskTypedUrl();
        assertThat(form.redisUrlProperty().get()).isEqualTo("redis://:***@127.0.0.1:6379");
        assertThat(form.effectiveUrl()).contains("hunter2");
        form.redisUrlProperty().set("redis://127.0.0.1:6390");
        assertThat(form.effectiveUrl()).isEqualTo("redis://127.0.0.1:6390");
    }

    @Test
    void refusesAMalformedUrlWithoutEchoingItsPassword() {
        form.redisUrlProperty().set("http://:pw@host");
        assertThat(form.isAllValid()).isFalse();
        // the field's label says "Redis": the message does not say it again
        assertThat(english.format(form.urlErrorProperty().get())).startsWith("must start with redis://")
                .doesNotContain("pw@").doesNotContainIgnoringCase("Redis URL");
        assertThat(chinese.format(form.urlErrorProperty().get())).startsWith("必须以 redis://")
                .doesNotContain("pw@", "Redis URL", "Redis 地址", "must");
        form.redisUrlProperty().set("");
        assertThat(form.isAllValid()).isTrue();
        assertThat(form.effectiveUrl()).isNull();
    }

    @Test
    void theEventLoopWithATlsUrlIsAnErrorOfTheEngineRow() {
        form.engineProperty().set(EngineKind.LOOP);
        assertThat(form.isAllValid()).isTrue();
        form.takeUrl("rediss://:pw@redis.example:6380");
        assertThat(form.isAllValid()).isFalse();
        assertThat(english.format(form.engineErrorProperty().get())).startsWith("The event loop speaks plain TCP");
        assertThat(form.firstInvalid().problem()).isEqualTo(form.engineErrorProperty().get());
        form.engineProperty().set(EngineKind.THREADS);
        assertThat(form.engineErrorProperty().get()).isNull();
        assertThat(form.isAllValid()).isTrue();

        LaunchOptions fromTheCommandLine = new LaunchOptions("rediss://redis.example:6380", false,
                SimulationConfig.builder().engine(EngineKind.LOOP).build(), false, false, false, null, false, null,
                false, false);
        form.fill(fromTheCommandLine.formStart());
        assertThat(form.isAllValid()).as("refused from the first frame").isFalse();
    }

    @Test
    void replicasToWaitForGoWithTheThreads_saidOnTheEngineRow() {
        SimulationConfig sale = SimulationConfig.builder().waitReplicas(1).build();
        form.fill(new LaunchOptions(null, false, sale, false, false, false, null, false, Language.EN, false, false)
                .formStart());
        assertThat(form.isAllValid()).isTrue();
        form.engineProperty().set(EngineKind.LOOP);
        assertThat(form.firstInvalid().field()).isEqualTo(FormViewModel.ENGINE);
        assertThat(english.format(form.firstInvalid().problem())).startsWith("the event loop does not wait for "
                + "replicas");
        assertThat(chinese.format(form.firstInvalid().problem())).startsWith("事件循环不会等待副本确认");
        form.engineProperty().set(EngineKind.THREADS);
        assertThat(form.toConfig().waitReplicas()).isEqualTo(1);
    }

    @Test
    void aPaceGoesToTheSale_butNotBesideASpreadNorBeyondTheDuration() {
        form.pace().textProperty().set("30");
        assertThat(form.isAllValid()).isTrue();
        assertThat(form.toConfig().paceS()).isEqualTo(30);
        form.spreadMs().textProperty().set("1000");
        assertThat(form.isAllValid()).isFalse();
        // said under the pace, which is the field to change (the spread above it is a fine number)
        assertThat(form.firstInvalid().field()).isEqualTo("pace");
        assertThat(english.format(form.firstInvalid().problem())).startsWith("not beside an arrival spread");
        assertThat(form.errorOf("pace").getValue()).isEqualTo(form.paceErrorProperty().get());
        assertThat(form.errorOf("spread-ms").getValue()).isNull();
        form.spreadMs().textProperty().set("0");
        form.duration().textProperty().set("20");
        // the number and its unit are held together by a no-break space
        assertThat(english.format(form.firstInvalid().problem())).startsWith("at most the duration (20\u00a0s)");
        form.duration().textProperty().set("60");
        assertThat(form.isAllValid()).isTrue();
    }

    @Test
    void bucketsGoToTheSale_withAPrefixToNumberThemIn_atMostOneAnItem_andNoTrace() {
        assertThat(english.format(form.buckets().rangeHint())).isEqualTo("1 – 1,024; above 1 splits the stock, each "
                + "user buying in one bucket (the prefix needs a hash tag, e.g. {sale}:)");
        form.prefixProperty().set("{shop}:");
        form.buckets().textProperty().set("8");
        assertThat(form.isAllValid()).isTrue();
        assertThat(form.toConfig().buckets()).isEqualTo(8);

        form.prefixProperty().set("shop:");
        assertThat(form.firstInvalid().field()).isEqualTo("buckets");
        assertThat(english.format(form.firstInvalid().name())).isEqualTo("Buckets");
        assertThat(english.format(form.firstInvalid().problem())).isEqualTo("above 1 needs a key prefix with a hash "
                + "tag to number the buckets in: try “{shop}:”");
        assertThat(chinese.format(form.firstInvalid().problem())).isEqualTo("大于 1 时需要带哈希标签的键前缀来给分桶编号："
                + "试试“{shop}:”");
        form.prefixProperty().set("{shop}:");
        form.stock().textProperty().set("5");
        assertThat(english.format(form.firstInvalid().problem())).isEqualTo("at most the stock (5): each bucket "
                + "holds at least one item");
        form.stock().textProperty().set("50");
        form.trace().textProperty().set("3");
        assertThat(form.firstInvalid().field()).isEqualTo("buckets");
        assertThat(english.format(form.firstInvalid().problem())).startsWith("not beside Trace buyers");
        form.buckets().textProperty().set("1");
        assertThat(form.isAllValid()).as("one bucket is no split: any prefix, any trace").isTrue();

        form.buckets().textProperty().set("2000");
        assertThat(english.format(form.errorOf("buckets").getValue())).as("its own range first")
                .isEqualTo("must be from 1 to 1,024 (got 2,000)");
    }

    @Test
    void bucketsAreFilledFromTheCommandLine_andALessonTakesThemBackToOne() {
        SimulationConfig sale = SimulationConfig.builder().prefix("{s}:").buckets(16).stock(400).build();
        form.fill(new LaunchOptions(null, false, sale, false, false, false, null, false, Language.EN, false, false)
                .formStart());
        assertThat(form.buckets().textProperty().get()).isEqualTo("16");
        assertThat(form.toConfig().buckets()).isEqualTo(16);
        Lesson.WATCH_LEAVES_STOCK.fill(form);
        assertThat(form.toConfig().buckets()).isEqualTo(1);
    }

    @Test
    void showsARecordedSalesSettingsAsItsReportNamesThem() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("strategy", "naive");
        settings.put("stock", 50);
        settings.put("users", 1000);
        settings.put("duration_s", 30);
        settings.put("spread_ms", 5);
        settings.put("pool", 99_999); // out of range: the field keeps its own
        settings.put("prefix", "rp:");
        form.prefixProperty().set("mine:");
        form.showRecorded(settings);
        SimulationConfig shown = form.toConfig();
        assertThat(shown.strategy()).isEqualTo(StrategyKind.NAIVE);
        assertThat(shown.stock()).isEqualTo(50);
        assertThat(shown.users()).isEqualTo(1000);
        assertThat(shown.durationS()).isEqualTo(30);
        assertThat(shown.spreadMs()).isEqualTo(5);
        assertThat(shown.pool()).isEqualTo(SimulationConfig.defaults().pool());
        assertThat(shown.prefix()).isEqualTo("mine:");
        settings.put("strategy", "quantum");
        form.showRecorded(settings);
        assertThat(form.strategyProperty().get()).isEqualTo(StrategyKind.NAIVE);
    }
}
