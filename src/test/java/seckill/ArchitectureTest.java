package seckill;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import seckill.redis.RedisConnector;
import seckill.redis.RedisTarget;
import seckill.ui.common.Face;

/**
 * The house rules of docs/ARCHITECTURE.md: layers that only look down and leave no class of ours out, JavaFX in the
 * window alone, Jedis below the service, feature packages of the window that meet through their faces.
 */
@AnalyzeClasses(packages = "seckill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** app → {ui, cli} → service → students → {sim, report} → {sale, metrics} → redis → util; nothing looks up. */
    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("App").definedBy("seckill.app..")
            .layer("Ui").definedBy("seckill.ui..")
            .layer("Cli").definedBy("seckill.cli..")
            .layer("Service").definedBy("seckill.service..")
            .layer("Students").definedBy("seckill.students..")
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
            .whereLayer("Students").mayOnlyBeAccessedByLayers("App", "Ui", "Service")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Students")
            .whereLayer("Sim").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Students", "Report")
            .whereLayer("Sale").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Students", "Report", "Sim")
            .whereLayer("Metrics").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Report", "Sim")
            .whereLayer("Redis").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Report", "Sim", "Sale")
            .whereLayer("Util").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Students", "Report", "Sim",
                    "Sale", "Metrics", "Redis");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("seckill.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theWindowsFeaturesFormNoCycle = slices().matching("seckill.ui.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheUiKnowsJavaFx = noClasses()
            .that().resideOutsideOfPackage("seckill.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "atlantafx..",
                    "org.kordamp.ikonli..");

    /** A view model is tested without a toolkit: it holds properties, never a control, a scene or a window. */
    @ArchTest
    static final ArchRule viewModelsTouchNoControl = noClasses()
            .that().resideInAPackage("seckill.ui..").and().haveSimpleNameEndingWith("Model")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /**
     * A feature package of the window (form, live, trace, …) shows the others only its face: the classes marked
     * {@link Face}. The rest is its own business, public or not; {@code ui.common} is everyone's.
     */
    @ArchTest
    static final ArchRule featuresMeetThroughTheirFaces = classes()
            .that().resideInAPackage("seckill.ui..").and().resideOutsideOfPackage("seckill.ui.common..")
            .and().areNotAnnotatedWith(Face.class).and().areTopLevelClasses()
            .should(beUsedOnlyFromTheirOwnPackage());

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

    /** Standard output and error are the command line's: {@code seckill.app} prints, the rest hands it text. */
    @ArchTest
    static final ArchRule onlyTheApplicationPrints = noClasses()
            .that().resideOutsideOfPackage("seckill.app..")
            .should(ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule onlyTheApplicationKnowsPicocli = noClasses()
            .that().resideOutsideOfPackage("seckill.app..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package (else be marked @Face)") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency d : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = d.getOriginClass();
                    String from = origin.getPackageName();
                    if (!from.equals(target.getPackageName()) && from.startsWith("seckill.")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
