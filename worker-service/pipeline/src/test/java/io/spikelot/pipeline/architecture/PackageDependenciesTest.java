package io.spikelot.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.spikelot.pipeline.quant.QuantizedLayer;
import io.spikelot.pipeline.ticket.TicketKind;
import org.junit.jupiter.api.Test;

/**
 * The dependency sentence of every {@code package-info.java} of the pipeline, as a rule: each package may use only
 * the packages its documentation names (plus the JDK). A job-type package ({@code slt}, {@code qsnn}, {@code imp}) may use every
 * building block; nothing else may use a job-type package, the artifact writers or the report writers.
 */
class PackageDependenciesTest {

    private static final String P = "io.spikelot.pipeline";
    private static final String JDK = "java..";
    private static final String DJL = "ai.djl..";
    private static final String CATALOG = "io.spikelot.model.arch..";
    /** The spec options (enums with their wire names), which engine settings use directly. */
    private static final String OPTIONS = "io.spikelot.model.spec..";

    private static final String COST = "io.spikelot.model.cost..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(P);

    /** {@code package} may depend on itself, the JDK and {@code allowed}. */
    static ArchRule onlyUses(String pkg, String... allowed) {
        String[] packages = new String[allowed.length + 2];
        packages[0] = P + "." + pkg + "..";
        packages[1] = JDK;
        System.arraycopy(allowed, 0, packages, 2, allowed.length);
        return classes()
                .that()
                .resideInAPackage(P + "." + pkg + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(packages)
                .because("package-info.java of " + pkg + " names what it may use");
    }

    /** The rules, one per package, as their package-info.java states them. */
    private static final class Rules {
        final ArchRule root = classes()
                .that()
                .resideInAPackage(P)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(P, JDK, "io.spikelot.model.job..", "io.spikelot.model.messaging..")
                .because("the worker contract depends on shared-model only");
        final ArchRule tensor = onlyUses("tensor", DJL);
        final ArchRule encoding = onlyUses("encoding", OPTIONS);
        final ArchRule data = onlyUses("data", P, P + ".encoding..", "io.spikelot.model..");
        final ArchRule neuron = onlyUses("neuron", DJL, OPTIONS, P + ".tensor..");
        /** The cost model's plain types: a measured layer input is what the cost model prices. */
        final ArchRule model = onlyUses("model", DJL, CATALOG, OPTIONS, COST, P + ".neuron..", P + ".tensor..");

        final ArchRule ticket =
                onlyUses("ticket", DJL, CATALOG, P + ".model..", P + ".tensor..", P + ".train..", P + ".data..");
        final ArchRule quant = onlyUses("quant", DJL, CATALOG, P + ".model..", P + ".tensor..");
        final ArchRule train = onlyUses(
                "train",
                DJL,
                P,
                CATALOG,
                OPTIONS,
                "io.spikelot.model.messaging..",
                P + ".data..",
                P + ".model..",
                P + ".neuron..",
                P + ".tensor..");
        final ArchRule prune =
                onlyUses("prune", DJL, CATALOG, OPTIONS, P + ".model..", P + ".tensor..", P + ".train..");
        final ArchRule energy = onlyUses("energy", CATALOG, COST, "io.spikelot.model.result..", P + ".model..");
        final ArchRule artifact = onlyUses("artifact", P + ".tensor..", "tools.jackson..");
        final ArchRule report = onlyUses("report");
        final ArchRule nir = onlyUses("nir", P + ".tensor..", "io.spikelot.model.graph..", "io.jhdf..");
        final ArchRule spec = onlyUses(
                "spec",
                DJL,
                P,
                "io.spikelot.model..",
                P + ".data..",
                P + ".encoding..",
                P + ".neuron..",
                P + ".train..");
        final ArchRule writersOnlyForJobTypes = noClasses()
                .that()
                .resideOutsideOfPackages(
                        P + ".slt..", P + ".qsnn..", P + ".imp..", P + ".artifact..", P + ".report..", P + ".nir..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(P + ".artifact..", P + ".report..", P + ".nir..")
                .because("only the job types write files");
        final ArchRule jobTypesAreLeaves = noClasses()
                .that()
                .resideOutsideOfPackages(P + ".slt..", P + ".qsnn..", P + ".imp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(P + ".slt..", P + ".qsnn..", P + ".imp..")
                .because("a job type builds on the blocks, never the other way round");
    }

    private static final Rules RULES = new Rules();

    @Test
    void theRootIsTheWorkerContractOnly() {
        RULES.root.check(MAIN);
    }

    @Test
    void tensorUsesDjlOnly() {
        RULES.tensor.check(MAIN);
    }

    @Test
    void encodingIsPlainJava() {
        RULES.encoding.check(MAIN);
    }

    @Test
    void dataUsesEncodingAndTheSharedModelOnly() {
        RULES.data.check(MAIN);
    }

    @Test
    void neuronUsesDjlAndTensorOnly() {
        RULES.neuron.check(MAIN);
    }

    @Test
    void modelUsesTheCatalogNeuronAndTensor() {
        RULES.model.check(MAIN);
    }

    @Test
    void ticketNeverUsesNeuronInternals() {
        RULES.ticket.check(MAIN);
    }

    @Test
    void quantUsesTheModelButNotTicket() {
        RULES.quant.check(MAIN);
    }

    @Test
    void trainUsesDataModelNeuronAndTensor() {
        RULES.train.check(MAIN);
    }

    @Test
    void pruneUsesTheModelTensorAndTrainOnly() {
        RULES.prune.check(MAIN);
    }

    @Test
    void energyUsesTheCostModelAndTheModelOnly() {
        RULES.energy.check(MAIN);
    }

    @Test
    void artifactWritersKnowTensorsButNoModel() {
        RULES.artifact.check(MAIN);
    }

    @Test
    void theNirWriterKnowsTensorsTheGraphAndJhdfOnly() {
        RULES.nir.check(MAIN);
    }

    @Test
    void reportWritersArePlainJava() {
        RULES.report.check(MAIN);
    }

    @Test
    void specTurnsSpecsIntoEngineSettings() {
        RULES.spec.check(MAIN);
    }

    @Test
    void onlyJobTypesUseTheFileWriters() {
        RULES.writersOnlyForJobTypes.check(MAIN);
    }

    @Test
    void noBuildingBlockUsesAJobType() {
        RULES.jobTypesAreLeaves.check(MAIN);
    }

    @Test
    void aRuleFailsOnAnEdgeItForbids() {
        JavaClasses offender = new ClassFileImporter().importClasses(TicketUser.class, TicketKind.class);
        assertThatThrownBy(() -> onlyUses("architecture", DJL).check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TicketUser")
                .hasMessageContaining("TicketKind");
    }

    /** A test-only class that uses the ticket and quant packages, which the rule for its own package refuses. */
    static final class TicketUser {
        TicketKind kind(QuantizedLayer layer) {
            return layer == null ? TicketKind.BIPROP : TicketKind.EDGE_POPUP;
        }
    }
}
