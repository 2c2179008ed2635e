package io.spikelot.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.spikelot.pipeline.tensor.HostArrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Package edges and DJL call restrictions of the pipeline's main code. */
class ArchitectureRulesTest {

    /** NDArray overloads taking a {@code Number} whose scalar can be freed before backward (see tensor package). */
    private static final Set<String> UNSAFE_SCALAR_METHODS =
            Set.of("mul", "muli", "div", "divi", "rdiv", "rdivi", "pow", "powi", "rpow", "rpowi", "maximum", "minimum");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.spikelot.pipeline");

    static final ArchRule NO_UNSAFE_SCALAR_CALLS = noClasses()
            .that()
            .resideInAPackage("io.spikelot.pipeline..")
            .should()
            .callMethodWhere(
                    new DescribedPredicate<JavaCall<?>>(
                            "NDArray.{mul,div,pow,maximum,minimum,...}(Number), which corrupt gradients; use Scalars") {
                        @Override
                        public boolean test(JavaCall<?> call) {
                            var target = call.getTarget();
                            List<String> params = target.getRawParameterTypes().stream()
                                    .map(t -> t.getName())
                                    .toList();
                            return target.getOwner().isAssignableTo(NDArray.class)
                                    && UNSAFE_SCALAR_METHODS.contains(target.getName())
                                    && params.equals(List.of(Number.class.getName()));
                        }
                    });

    /** Tensors from Java data wrap a direct buffer that views and autograd do not keep alive (see HostArrays). */
    static final ArchRule NO_BORROWED_HOST_MEMORY = noClasses()
            .that()
            .resideInAPackage("io.spikelot.pipeline..")
            .and()
            .doNotHaveFullyQualifiedName(HostArrays.class.getName())
            .should()
            .callMethodWhere(
                    new DescribedPredicate<JavaCall<?>>(
                            "NDManager.create(...), whose tensor borrows a Java buffer; use HostArrays") {
                        @Override
                        public boolean test(JavaCall<?> call) {
                            return call.getTarget().getOwner().isAssignableTo(NDManager.class)
                                    && call.getTarget().getName().equals("create");
                        }
                    });

    static final ArchRule NO_SPRING = noClasses()
            .that()
            .resideInAPackage("io.spikelot.pipeline..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..");

    @Test
    void mainCodeNeverCallsTheNumberOverloads() {
        NO_UNSAFE_SCALAR_CALLS.check(MAIN_CLASSES);
    }

    @Test
    void mainCodeCreatesTensorsFromJavaDataOnlyThroughHostArrays() {
        NO_BORROWED_HOST_MEMORY.check(MAIN_CLASSES);
    }

    @Test
    void theHostMemoryRuleCatchesAViolation() {
        assertCatches(NO_BORROWED_HOST_MEMORY, BorrowedBufferFixture.class);
    }

    @Test
    void mainCodeNeverDependsOnSpring() {
        NO_SPRING.check(MAIN_CLASSES);
    }

    @Test
    void theScalarRuleCatchesAViolation() {
        assertCatches(NO_UNSAFE_SCALAR_CALLS, UnsafeScalarFixture.class);
    }

    /** The rule fails on {@code offender}, naming it: a rule that cannot fail proves nothing. */
    private static void assertCatches(ArchRule rule, Class<?> offender) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getSimpleName());
    }

    /** Wraps Java data without copying; lives in test sources only, to show the rule can fail. */
    static final class BorrowedBufferFixture {
        NDArray labels(NDManager manager) {
            return manager.create(new float[] {1f, 2f});
        }
    }

    /** Calls the forbidden overload; lives in test sources only, to show the rule can fail. */
    static final class UnsafeScalarFixture {
        NDArray triple(NDArray x) {
            return x.mul(3f);
        }
    }
}
