package io.spikelot.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The CLI's package-info sentence as a rule: picocli, Jackson, the JDK and the shared model's wire types, never
 * the API's Spring application (nor Spring at all).
 */
class PackageDependenciesTest {

    private static final ArchRule CLI_USES_ONLY_ITS_LIBRARIES = classes()
            .that()
            .resideInAPackage("io.spikelot.cli..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.spikelot.cli..",
                    "io.spikelot.model..",
                    "picocli..",
                    "tools.jackson..",
                    "com.fasterxml.jackson.annotation..",
                    "java..",
                    "javax.crypto..");

    @Test
    void cliDependsOnPicocliJacksonTheJdkAndSharedModelOnly() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.spikelot.cli");

        CLI_USES_ONLY_ITS_LIBRARIES.check(cli);
    }

    @Test
    void theRuleFailsOnAClassThatReachesForSomethingElse() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        assertThatThrownBy(() -> classes()
                        .that()
                        .haveSimpleName("Offender")
                        .should()
                        .onlyDependOnClassesThat()
                        .resideInAnyPackage("io.spikelot.cli..", "java..")
                        .check(offender))
                .isInstanceOf(AssertionError.class);
    }

    /** Uses ArchUnit, which no CLI class may. */
    static final class Offender {
        Object reach() {
            return new ClassFileImporter();
        }
    }
}
