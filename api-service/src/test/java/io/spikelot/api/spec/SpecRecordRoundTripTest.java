package io.spikelot.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.api.problem.FieldError;
import io.spikelot.api.testing.Specs;
import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.QsnnSpec;
import io.spikelot.model.spec.SltSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spec records and the API's normalized JSON describe the same fields: the JSON the rules produce (every default
 * filled in) binds into the records with no unknown field and serializes back to the same JSON text, properties
 * sorted. The LIF fields stay flat in the {@code model} object both ways.
 */
class SpecRecordRoundTripTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    @Test
    void aNormalizedSltSpecBindsAndSerializesBackUnchanged() {
        JsonNode normalized = normalize(JobType.SLT, Specs.anSltSpec("round trip"));

        SltSpec spec = STRICT.treeToValue(normalized, SltSpec.class);

        assertThat(text(STRICT.valueToTree(spec))).isEqualTo(text(normalized));
        assertThat(spec.model().lif().tau())
                .isEqualTo(normalized.at("/model/tau").asDouble());
    }

    @Test
    void aNormalizedQsnnSpecBindsAndSerializesBackUnchanged() {
        JsonNode normalized = normalize(JobType.QSNN, Specs.aQsnnSpec("round trip"));

        QsnnSpec spec = STRICT.treeToValue(normalized, QsnnSpec.class);

        assertThat(text(STRICT.valueToTree(spec))).isEqualTo(text(normalized));
        // the QSNN paper's neuron: hard reset, the input not scaled by 1/τ
        assertThat(spec.model().lif().reset().wireName()).isEqualTo("hard");
        assertThat(spec.model().lif().decayInput()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"training", "model"})
    void aFieldTheRecordsLackFailsTheBinding(String section) {
        ObjectNode normalized = (ObjectNode) normalize(JobType.SLT, Specs.anSltSpec("round trip"));
        ((ObjectNode) normalized.get(section)).put("warmup", 3);

        assertThatThrownBy(() -> STRICT.treeToValue(normalized, SltSpec.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("warmup");
    }

    private static JsonNode normalize(JobType type, String body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode normalized = JobSpecRules.forType(type).check("", STRICT.readTree(body), errors);
        assertThat(errors).isEmpty();
        return normalized;
    }

    /** The JSON text with properties sorted, so a number keeps its spelling ({@code 2.0} is not {@code 2}). */
    private static String text(JsonNode node) {
        return STRICT.writeValueAsString(node);
    }
}
