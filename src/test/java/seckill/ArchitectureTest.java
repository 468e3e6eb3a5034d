package seckill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules of DESIGN.md. */
@AnalyzeClasses(packages = "seckill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheUiKnowsJavaFx = noClasses()
            .that().resideOutsideOfPackage("seckill.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "atlantafx..",
                    "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule onlyTheCommandLineAndTheUiPrint = noClasses()
            .that().resideOutsideOfPackages("seckill.cli..", "seckill.ui..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule theEngineKnowsNothingOfTheCommandLineOrTheUi = noClasses()
            .that().resideInAnyPackage("seckill.redis..", "seckill.sale..", "seckill.sim..", "seckill.metrics..",
                    "seckill.report..", "seckill.util..")
            .should().dependOnClassesThat().resideInAnyPackage("seckill.cli..", "seckill.ui..", "picocli..");

    @ArchTest
    static final ArchRule metricsUseNothingOfOurs = noClasses()
            .that().resideInAPackage("seckill.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("seckill.redis..", "seckill.sale..", "seckill.sim..",
                    "seckill.report..", "seckill.cli..", "seckill.ui..");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("seckill.(*)..").should().beFreeOfCycles();
}
