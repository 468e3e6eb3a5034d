package seckill.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seckill.sale.SaleKeys;
import seckill.sale.Scripts;
import seckill.sale.StrategyKind;
import seckill.sale.StrategyListing;
import seckill.sim.RoundTripKind;
import seckill.util.Resources;
import seckill.ui.common.I18n;
import seckill.ui.form.FormViewModel;
import seckill.ui.lessons.Lesson;
import seckill.ui.lessons.LessonViewModel;

/** The code panel's model, without a toolkit. */
class CodeViewModelTest {
    private final FormViewModel form = new FormViewModel();
    private final CodeViewModel code = new CodeViewModel();

    {
        code.follow(form);
    }

    private List<String> highlighted() {
        return code.lines().stream().filter(CodeViewModel.Line::highlighted).map(CodeViewModel.Line::code).toList();
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void theCommandsAreWhatTheFormsStrategySends_onTheFormsKeys(StrategyKind kind) {
        form.prefixProperty().set("demo:");
        form.strategyProperty().set(kind);
        List<String> sent = StrategyListing.winningAttempt(kind, new SaleKeys("demo:"), CodeViewModel.EXAMPLE_USER,
                form.naiveGapMs()).stream().flatMap(trip -> trip.commands().stream()).toList();
        assertThat(code.codeText().lines().toList()).isEqualTo(sent);
        assertThat(code.codeText()).contains("demo:kill_num");
    }

    @Test
    void watchIsWatchAndReadsThenMultiExec_andTheTracedStepIsHighlighted() {
        form.strategyProperty().set(StrategyKind.WATCH);
        assertThat(highlighted()).isEmpty();
        code.highlightStepProperty().set(CodeStep.READ);
        assertThat(highlighted()).hasSize(3).first().asString().startsWith("WATCH kill_flag kill_num");
        code.highlightStepProperty().set(CodeStep.WRITE);
        assertThat(highlighted()).startsWith("MULTI").endsWith("EXEC").hasSize(6);
        // a step watch does not take: nothing lit
        code.highlightStepProperty().set(CodeStep.SCRIPT);
        assertThat(highlighted()).isEmpty();
        // and the step follows the form's strategy
        form.strategyProperty().set(StrategyKind.LUA);
        assertThat(highlighted()).singleElement().asString().startsWith("EVALSHA "
                + StrategyListing.sha1(Scripts.purchase()) + " 6 ");
    }

    @Test
    void theLuaIsTheScriptTheEngineLoads() {
        code.sourceProperty().set(CodeViewModel.Source.LUA);
        form.strategyProperty().set(StrategyKind.LUA);
        assertThat(code.codeText()).isEqualTo(Scripts.purchase().strip() + "\n");
        form.strategyProperty().set(StrategyKind.DECR);
        assertThat(code.codeText()).isEqualTo(Scripts.decrCommit().strip() + "\n");
        code.highlightStepProperty().set(CodeStep.COMMIT);
        assertThat(highlighted()).contains("redis.call('INCR', KEYS[3])").noneMatch(l -> l.startsWith("--"));
        // watch sends none: lua's is shown to compare, never lit
        form.strategyProperty().set(StrategyKind.WATCH);
        code.highlightStepProperty().set(CodeStep.SCRIPT);
        assertThat(code.codeText()).isEqualTo(Scripts.purchase().strip() + "\n");
        assertThat(highlighted()).isEmpty();
        assertThat(code.lines().get(0).note().key()).isEqualTo("code.lua.none");
    }

    @Test
    void thePythonIsTheTutorialsPurchase_itsWatchAndItsTransactionLitByStep() {
        code.sourceProperty().set(CodeViewModel.Source.PYTHON);
        String tutorial = Resources.text(CodeViewModel.TUTORIAL);
        assertThat(code.codeText()).startsWith("def sec_kill(user_id):").contains("pipe.watch(")
                .endsWith("return \"conflict\"\n");
        for (String line : code.codeText().lines().toList()) {
            assertThat(tutorial).contains(line);
        }
        code.highlightStepProperty().set(CodeStep.READ);
        assertThat(highlighted()).first().asString().contains("pipe.watch(");
        assertThat(highlighted()).last().asString().contains("return \"sold out\"");
        code.highlightStepProperty().set(CodeStep.WRITE);
        assertThat(highlighted()).first().asString().contains("pipe.multi()");
        assertThat(highlighted()).last().asString().contains("pipe.execute()");
    }

    private static CodeStep step(String... sent) {
        return CodeStep.of(RoundTripKind.of(List.of(sent)));
    }

    @Test
    void aTracedRoundTripNamesItsStep() {
        assertThat(step("WATCH kill_flag", "MGET kill_flag", "SISMEMBER kill_buyers 7")).isEqualTo(CodeStep.READ);
        assertThat(step("MULTI", "INCR kill_num", "EXEC")).isEqualTo(CodeStep.WRITE);
        assertThat(step("EXISTS kill_flag", "GET kill_num")).isEqualTo(CodeStep.READ);
        assertThat(step("INCR kill_num", "RPUSH kill_user 7")).isEqualTo(CodeStep.WRITE);
        assertThat(step("EVALSHA abc 6 kill_flag")).isEqualTo(CodeStep.SCRIPT);
        assertThat(step("EXISTS kill_flag", "SADD kill_buyers 7")).isEqualTo(CodeStep.CLAIM);
        assertThat(step("DECR kill_stock")).isEqualTo(CodeStep.TAKE);
        assertThat(step("INCR kill_stock", "EVALSHA abc 7 kill_flag")).isEqualTo(CodeStep.COMMIT);
        assertThat(step("UNWATCH")).isNull();
        // every round trip of every strategy's listing is the step the panel lights for it
        for (StrategyKind kind : StrategyKind.values()) {
            List<CodeStep> steps = StrategyListing.winningAttempt(kind, new SaleKeys(""), "7", 0).stream()
                    .map(trip -> CodeStep.of(RoundTripKind.of(trip.commands()))).toList();
            assertThat(steps).as(kind.cliName()).isEqualTo(CodeStep.of(kind));
        }
    }

    @ParameterizedTest
    @EnumSource(CodeViewModel.Source.class)
    void everyNoteIsSaidInBothLanguages(CodeViewModel.Source source) {
        code.sourceProperty().set(source);
        for (I18n i18n : List.of(new I18n(I18n.ENGLISH), new I18n(I18n.CHINESE))) {
            for (StrategyKind kind : StrategyKind.values()) {
                form.strategyProperty().set(kind);
                code.lines().stream().filter(l -> l.note() != null)
                        .forEach(l -> assertThat(i18n.format(l.note())).isNotBlank());
            }
        }
    }

    @Test
    void aLessonSetsTheForm_showsItsCode_andItsCardUntilDismissed() {
        LessonViewModel lessons = new LessonViewModel(form, code);
        form.retries().setValue(5);
        form.spreadMs().setValue(100);
        lessons.choose(Lesson.WATCH_LEAVES_STOCK);
        assertThat(form.isAllValid()).isTrue();
        assertThat(form.strategyProperty().get()).isEqualTo(StrategyKind.WATCH);
        assertThat(form.retries().value()).hasValue(0);
        assertThat(code.shownProperty().get()).isTrue();
        assertThat(code.sourceProperty().get()).isEqualTo(CodeViewModel.Source.COMMANDS);
        assertThat(code.strategyProperty().get()).isEqualTo(StrategyKind.WATCH);
        assertThat(lessons.lessonProperty().get()).isEqualTo(Lesson.WATCH_LEAVES_STOCK);
        I18n english = new I18n(I18n.ENGLISH);
        assertThat(english.format(LessonViewModel.title(Lesson.WATCH_LEAVES_STOCK))).startsWith("Lesson 2 · ");
        assertThat(new I18n(I18n.CHINESE).format(LessonViewModel.title(Lesson.LUA_SELLS_ALL))).startsWith("第 3 课");
        lessons.dismiss();
        assertThat(lessons.lessonProperty().get()).isNull();
        assertThat(form.strategyProperty().get()).isEqualTo(StrategyKind.WATCH);
    }

    @Test
    void theTimelinesStepLightsUpItsLines() {
        // a step of the timeline carries its round trip's kind, at the send and at the reply alike
        assertThat(CodeStep.of(RoundTripKind.WATCH_READ)).isEqualTo(CodeStep.READ);
        assertThat(CodeStep.of(RoundTripKind.EXEC)).isEqualTo(CodeStep.WRITE);
        assertThat(CodeStep.of(RoundTripKind.DECR_COMMIT)).isEqualTo(CodeStep.COMMIT);
        assertThat(CodeStep.of(RoundTripKind.OTHER)).as("another buyer's purchase, an UNWATCH").isNull();
        assertThat(CodeStep.of((RoundTripKind) null)).isNull();
    }
}
