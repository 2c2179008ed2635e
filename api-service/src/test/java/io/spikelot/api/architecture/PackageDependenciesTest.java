package io.spikelot.api.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The "depends on" sentence of each {@code package-info.java} of the API, as a rule on the main classes. Rules name
 * the Spikelot packages a package may use; libraries are left to the build. Every package may read the service's
 * configuration in the root package ({@code ApiProperties}), as the root package-info says.
 */
class PackageDependenciesTest {

    private static final String API = "io.spikelot.api";
    private static final String SHARED_MODEL = "io.spikelot.model..";

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    @Test
    void artifactDependsOnJobAuthProblemAndSharedModel() {
        onlyUses("artifact", "job", "auth", "problem").check(MAIN_CLASSES);
    }

    @Test
    void clientDependsOnSharedModelOnly() {
        onlyUses("client").check(MAIN_CLASSES);
    }

    @Test
    void authDependsOnProblemAndSharedModel() {
        onlyUses("auth", "problem").check(MAIN_CLASSES);
    }

    @Test
    void embeddedIsUsedByNothingElseInTheApi() {
        noClasses()
                .that()
                .resideOutsideOfPackage(API + ".embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(API + ".embedded..")
                .check(MAIN_CLASSES);
    }

    @Test
    void estimateDependsOnSpecAuthProblemAndSharedModel() {
        onlyUses("estimate", "spec", "auth", "problem").check(MAIN_CLASSES);
    }

    @Test
    void jobDependsOnSpecMessagingMetricsQuotaProblemAuthAndSharedModel() {
        onlyUses("job", "spec", "messaging", "metrics", "quota", "problem", "auth")
                .check(MAIN_CLASSES);
    }

    @Test
    void messagingDependsOnSharedModelOnlyAndReachesJobsThroughJobEventHandler() {
        onlyUses("messaging").check(MAIN_CLASSES);
    }

    @Test
    void metricsDependsOnSharedModelOnly() {
        onlyUses("metrics").check(MAIN_CLASSES);
    }

    @Test
    void problemDependsOnNoOtherSpikelotPackageButTheRootsOutageCheck() {
        classes()
                .that()
                .resideInAPackage(API + ".problem..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("io.spikelot..")
                        .or(resideInAnyPackage(API + ".problem.."))
                        .or(type(io.spikelot.api.DatabaseOutage.class)))
                .check(MAIN_CLASSES);
    }

    @Test
    void quotaDependsOnSharedModelOnly() {
        onlyUses("quota").check(MAIN_CLASSES);
    }

    @Test
    void specDependsOnProblemAndSharedModel() {
        onlyUses("spec", "problem").check(MAIN_CLASSES);
    }

    @Test
    void uiDependsOnNoOtherPackageOfTheApi() {
        onlyUses("ui").check(MAIN_CLASSES);
    }

    @Test
    void webhookDependsOnJobAuthProblemAndSharedModel() {
        onlyUses("webhook", "job", "auth", "problem").check(MAIN_CLASSES);
    }

    @Test
    void theApiNeverDependsOnDjlOrThePipeline() {
        noClasses()
                .that()
                .resideInAPackage(API + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "io.spikelot.pipeline..", "io.spikelot.worker..")
                .check(MAIN_CLASSES);
    }

    @Test
    void aRuleFailsOnAnEdgeItDoesNotAllow() {
        // job really uses messaging (the outbox): without it in the list, the rule must name that edge
        assertThatThrownBy(() -> onlyUses("job", "spec", "metrics", "quota", "problem", "auth")
                        .check(MAIN_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(API + ".messaging.Outbox");
    }

    /**
     * Classes of {@code API.feature} may use, among Spikelot's classes, only their own package, the {@code allowed}
     * feature packages of the API, its root package and shared-model.
     */
    private static ArchRule onlyUses(String feature, String... allowed) {
        String[] packages = Stream.concat(
                        Stream.of(API + "." + feature + "..", API, SHARED_MODEL),
                        Arrays.stream(allowed).map(name -> API + "." + name + ".."))
                .toArray(String[]::new);
        return classes()
                .that()
                .resideInAPackage(API + "." + feature + "..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("io.spikelot..").or(resideInAnyPackage(packages)))
                .because("that is what " + feature + "/package-info.java says");
    }
}
