package seckill;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import seckill.redis.RedisConnector;
import seckill.redis.RedisTarget;

/** The house rules of docs/ARCHITECTURE.md: layers that only look down, JavaFX in the window alone. */
@AnalyzeClasses(packages = "seckill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** app → {ui, cli} → service → {sim, report} → {sale, metrics} → redis → util; nothing looks up. */
    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("seckill.app..")
            .layer("Ui").definedBy("seckill.ui..")
            .layer("Cli").definedBy("seckill.cli..")
            .layer("Service").definedBy("seckill.service..")
            .layer("Report").definedBy("seckill.report..")
            .layer("Sim").definedBy("seckill.sim..")
            .layer("Sale").definedBy("seckill.sale..")
            .layer("Metrics").definedBy("seckill.metrics..")
            .layer("Redis").definedBy("seckill.redis..")
            .layer("Util").definedBy("seckill.util..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Ui")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service")
            .whereLayer("Sim").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Report")
            .whereLayer("Sale").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Report", "Sim")
            .whereLayer("Metrics").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Report", "Sim")
            .whereLayer("Redis").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Report", "Sim", "Sale")
            .withOptionalLayers(true);

    @ArchTest
    static final ArchRule onlyTheUiKnowsJavaFx = noClasses()
            .that().resideOutsideOfPackage("seckill.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "atlantafx..",
                    "org.kordamp.ikonli..");

    /** Jedis stays below the service: what the layers above need of Redis, our own types in these packages offer. */
    @ArchTest
    static final ArchRule jedisOnlyBelowTheService = noClasses()
            .that().resideOutsideOfPackages("seckill.redis..", "seckill.sale..", "seckill.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("redis.clients..");

    /** The window reaches Redis through seckill.service; of seckill.redis it parses URLs and takes the connector. */
    @ArchTest
    static final ArchRule theWindowReachesRedisThroughTheService = noClasses()
            .that().resideInAPackage("seckill.ui..")
            .should().dependOnClassesThat(resideInAPackage("seckill.redis..")
                    .and(not(equivalentTo(RedisTarget.class)))
                    .and(not(equivalentTo(RedisConnector.class))));

    @ArchTest
    static final ArchRule theServiceKnowsNoJavaFx = noClasses()
            .that().resideInAPackage("seckill.service..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule onlyTheCommandLineAndTheUiPrint = noClasses()
            .that().resideOutsideOfPackages("seckill.app..", "seckill.cli..", "seckill.ui..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule onlyTheApplicationKnowsPicocli = noClasses()
            .that().resideOutsideOfPackage("seckill.app..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("seckill.(*)..").should().beFreeOfCycles();
}
