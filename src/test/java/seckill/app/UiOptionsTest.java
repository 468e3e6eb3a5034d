package seckill.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import seckill.redis.TestRedis;
import seckill.report.ComparisonReport;
import seckill.report.RecordedComparison;
import seckill.report.RecordedSale;
import seckill.report.RunReport;
import seckill.sale.StrategyKind;
import seckill.sim.Comparison;
import seckill.sim.SimulationConfig;

/** What {@code ui} makes of its own options, without opening a window. */
class UiOptionsTest {
    private static UiCommand parse(String... args) {
        UiCommand ui = new UiCommand();
        new CommandLine(ui).parseArgs(args);
        return ui;
    }

    /** The command the lab's command line would run for these arguments, and its {@code --prefix}. */
    private static String[] chosen(String... args) {
        CommandLine cl = SeckillCli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        CommandLine.ParseResult parsed = cl.parseArgs(SeckillCli.withDefaultCommand(cl, args));
        if (!parsed.hasSubcommand()) {
            return new String[] {null, null};
        }
        CommandLine.ParseResult sub = parsed.subcommand();
        return new String[] {sub.commandSpec().name(), sub.matchedOptionValue("--prefix", null)};
    }

    @Test
    void optionsWithoutACommandOpenTheDashboardWithThem() {
        assertThat(chosen("--prefix", "x:", "--stock", "20")).containsExactly("ui", "x:");
        assertThat(chosen("--prefix=x:")).containsExactly("ui", "x:");
        assertThat(chosen()).containsExactly("ui", null);
        assertThat(chosen("run", "--prefix", "r:")).containsExactly("run", "r:");
        assertThat(chosen("ui", "--prefix", "u:")).containsExactly("ui", "u:");
        assertThat(chosen("--help")).as("the lab's own help").containsExactly(null, null);
        assertThat(chosen("-V")).containsExactly(null, null);

        CliSession cli = new CliSession();
        assertThat(cli.run("--stock", "0")).as("a bad option, before any window").isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--stock");
        assertThat(cli.run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("Usage: seckill-lab [-hV] [COMMAND]");
    }

    @Test
    void zoomIsAHundredPercentUnlessGiven() {
        assertThat(parse().zoom).isEqualTo(100);
        assertThat(parse("--zoom", "150").zoom).isEqualTo(150);
        assertThat(parse("--zoom", "50").zoom).isEqualTo(50);
        assertThat(parse("--zoom=300%").zoom).isEqualTo(300);
    }

    @Test
    void theFooterNamesTheProjectorKeys() {
        String usage = new CommandLine(new UiCommand()).getUsageMessage();
        assertThat(usage).contains("--zoom=PERCENT").contains("Ctrl+=").contains("Ctrl+0").contains("F11")
                .contains("Ctrl+B");
    }

    @Test
    void aLessonIsTakenByItsNumber() {
        assertThat(parse().lesson).isNull();
        assertThat(parse("--lesson", "1").lesson).isEqualTo(seckill.ui.lessons.Lesson.NAIVE_OVERSELLS);
        assertThat(parse("--lesson=3").lesson).isEqualTo(seckill.ui.lessons.Lesson.LUA_SELLS_ALL);
    }

    @Test
    void aReplayIsRefusedBeforeAnyWindowWhenItsFileIsBadOrItMeetsAnotherStart(@TempDir Path dir) throws IOException {
        CliSession cli = new CliSession();
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"format\":\"something else\"}\n");
        assertThat(cli.run("ui", "--replay", bad.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--replay");
        assertThat(cli.run("ui", "--replay", dir.resolve("none.jsonl").toString())).isEqualTo(ExitCodes.USAGE);
        for (String other : new String[] {"--autostart", "--watch"}) {
            assertThat(cli.run("ui", "--replay", bad.toString(), other)).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err()).contains("--replay and " + other);
        }
        assertThat(cli.run("ui", "--replay", bad.toString(), "--compare", "lua,watch")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--replay and --compare");
        assertThat(cli.run("ui", "--speed", "2")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--speed goes with --replay");
        assertThat(cli.run("ui", "--gif", dir.resolve("sale.gif").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--gif goes with --replay");
        assertThat(cli.run("ui", "--replay", bad.toString(), "--gif", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--gif").contains("is a folder");
    }

    @Test
    void aRecordingIsRefusedBeforeAnyWindowWhenItsPathIsBadOrNothingRunsHere(@TempDir Path dir) throws IOException {
        CliSession cli = new CliSession();
        assertThat(cli.run("ui", "--record", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--record").contains("is a folder");
        Path file = dir.resolve("sale.jsonl.gz");
        Path recording = Files.writeString(dir.resolve("old.jsonl"), "{\"format\":\"something else\"}\n");
        for (String[] other : new String[][] {{"--replay", recording.toString()}, {"--watch"}}) {
            String[] args = {"ui", "--record", file.toString(), other[0], other.length > 1 ? other[1] : null};
            assertThat(cli.run(java.util.Arrays.stream(args).filter(a -> a != null).toArray(String[]::new)))
                    .as(other[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err()).contains("--record and " + other[0]);
        }
        assertThat(file).doesNotExist();
        assertThat(parse("--record", file.toString()).record).isEqualTo(file);
    }

    @Test
    void theReplaySpeedIsANumberOrAFractionInItsRange() {
        assertThat(parse("--speed", "0.05").speed).isEqualTo(0.05);
        assertThat(parse("--speed", "1/20").speed).isEqualTo(0.05);
        assertThat(parse("--speed", "8").speed).isEqualTo(8.0);
        for (String wrong : new String[] {"9", "1/200", "fast", "0"}) {
            assertThatThrownBy(() -> parse("--speed", wrong)).isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageContaining("from 0.01 (1/100) to 8");
        }
    }

    @Test
    void aReplaysReportIsTheRecordedRunsReportAsWritten(@TempDir Path dir) throws IOException {
        String prefix = TestRedis.prefix("ui-replay-report");
        SimulationConfig sale = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA).load(5, 20, 4, 0)
                .seed(3).build();
        try {
            RecordedSale recorded = RecordedSale.play(sale, TestRedis.connection(), dir.resolve("sale.jsonl.gz"));
            Path out = dir.resolve("report.json");
            UiCommand ui = parse("--replay", recorded.file().toString(), "--report", out.toString());
            ui.writeRecordedReport(recorded.recording(), out);
            ObjectMapper json = new ObjectMapper();
            ObjectNode written = (ObjectNode) json.readTree(Files.readString(out));
            ObjectNode expected = (ObjectNode) json.readTree(RunReport.of(recorded.result(),
                    RunReport.RedisInfo.of(TestRedis.connection())).toJson());
            written.remove("jvm"); // the process's memory, read when each report is made
            expected.remove("jvm");
            assertThat(written).isEqualTo(expected);
            assertThat(written.get("sold").asLong()).isEqualTo(5);
        } finally {
            TestRedis.reset(prefix);
        }
    }

    @Test
    void aReplayedComparisonsReportIsTheComparisonsReportAsWritten(@TempDir Path dir) throws IOException {
        String prefix = TestRedis.prefix("ui-replay-cmp");
        List<StrategyKind> lineup = List.of(StrategyKind.NAIVE, StrategyKind.LUA);
        try {
            RecordedComparison recorded = RecordedComparison.play(SimulationConfig.builder().prefix(prefix)
                    .load(5, 60, 20, 0).naiveGapMs(5).seed(4).build(), lineup, TestRedis.connection(),
                    dir.resolve("compare.jsonl"));
            Path out = dir.resolve("report.json");
            UiCommand ui = parse("--replay", dir.resolve("compare.jsonl").toString(), "--report", out.toString());
            ui.writeRecordedReport(recorded.recording(), out);
            ObjectMapper json = new ObjectMapper();
            ObjectNode written = (ObjectNode) json.readTree(Files.readString(out));
            ObjectNode expected = (ObjectNode) json.readTree(ComparisonReport.of(recorded.result(),
                    RunReport.RedisInfo.of(TestRedis.connection())).toJson());
            for (ObjectNode report : List.of(written, expected)) {
                report.get("compare").forEach(lane -> ((ObjectNode) lane).remove("jvm"));
            }
            assertThat(written).isEqualTo(expected);
            assertThat(written.get("strategies")).hasSize(2);
        } finally {
            lineup.forEach(s -> TestRedis.reset(Comparison.saleKeys(prefix, s).prefix()));
        }
    }
}
