package io.spikelot.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.problem.FieldError;
import io.spikelot.api.testing.Specs;
import io.spikelot.model.job.JobType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The normalized JSON and the messages the rules produce, spelled out: the enums and defaults must not move them. */
class JobSpecRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMinimalSltSpecGetsEveryDefaultInOrder() {
        assertThat(JSON.writeValueAsString(normalize(JobType.SLT, Specs.anSltSpec("defaults"))))
                .isEqualTo(
                        """
                        {"type":"slt","name":"defaults","model":{"architecture":"convnet-s","tau":2.0,"threshold":1.0,\
                        "reset":"hard","decayInput":false,"detachReset":true,"surrogate":"sigmoid","surrogateAlpha":4.0,\
                        "neuron":"lif","timesteps":4,"affineNorm":false},"dataset":{"name":"synthetic-static","trainLimit":64,\
                        "testLimit":32,"path":".","frameSplit":"number","resize":null,"seed":7},"training":{"epochs":1,\
                        "batchSize":16,"optimizer":"adam","learningRate":0.01,"momentum":0.9,"weightDecay":0.0,\
                        "schedule":"cosine","seed":42,"repeats":1},"resources":{"device":"auto"},\
                        "search":{"method":"biprop","pruneRatio":0.5,"scope":"layer",\
                        "weightInit":"kaiming-normal-scaled","patchPruneRatio":0.0,\
                        "sweep":null,"compareAnn":false,"fineTuneEpochs":0}}""");
    }

    @Test
    void aMinimalQsnnSpecGetsThePapersNeuronAndItsOwnLearningRate() {
        assertThat(JSON.writeValueAsString(normalize(JobType.QSNN, Specs.aQsnnSpec("defaults"))))
                .isEqualTo(
                        """
                        {"type":"qsnn","name":"defaults","model":{"architecture":"convnet-s","tau":2.0,"threshold":1.0,\
                        "reset":"hard","decayInput":false,"detachReset":true,"surrogate":"sigmoid","surrogateAlpha":4.0},\
                        "dataset":{"name":"fashion-mnist","trainLimit":64,"testLimit":32,"path":".",\
                        "frameSplit":"number","resize":null,"seed":7},"training":{"epochs":10,"batchSize":64,\
                        "optimizer":"adam","learningRate":0.001,"momentum":0.9,"weightDecay":0.0,"schedule":"cosine",\
                        "seed":42,"repeats":1},"resources":{"device":"auto"},"quantization":{"allocations":[{"weightBits":4,\
                        "spikeBits":2,"timesteps":1}],"bitBudget":null,"weightBitsOptions":[1,2,4,8,16],\
                        "spikeBitsOptions":[1,2,4,8,16]}}""");
    }

    @Test
    void aMinimalImpSpecGetsAHardResetAGlobalScopeAndItsOwnLearningRate() {
        JsonNode imp = normalize(
                JobType.IMP,
                """
                {"type": "imp", "name": "defaults", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "mnist"}}""");

        assertThat(imp.at("/model/reset").asString()).isEqualTo("hard");
        assertThat(imp.at("/model/neuron").asString()).isEqualTo("lif");
        assertThat(imp.at("/training/learningRate").asDouble()).isEqualTo(0.1);
        assertThat(imp.at("/training/epochs").asInt()).isEqualTo(10);
        assertThat(imp.at("/pruning/scope").asString()).isEqualTo("global");
        // Kim et al.'s neuron and T
        assertThat(imp.at("/model/tau").asDouble()).isEqualTo(4.0 / 3.0);
        assertThat(imp.at("/model/surrogate").asString()).isEqualTo("atan");
        assertThat(imp.at("/model/detachReset").asBoolean()).isTrue();
        assertThat(imp.at("/model/timesteps").asInt()).isEqualTo(5);
        // dense training learns BatchNorm's γ and β, as Kim et al.'s code does
        assertThat(imp.at("/model/affineNorm").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "search|method|one of [\"biprop\", \"edge-popup\"]",
                "search|scope|one of [\"global\", \"layer\"]",
                "search|weightInit|one of [\"kaiming-normal\", \"kaiming-normal-scaled\", \"kaiming-uniform\", \"signed-constant\"]",
                "model|neuron|one of [\"lif\", \"relu\", \"sign\"]",
                "model|reset|one of [\"hard\", \"soft\"]",
                "model|surrogate|one of [\"atan\", \"sigmoid\"]",
                "training|optimizer|one of [\"adam\", \"sgd\"]",
                "training|schedule|one of [\"constant\", \"cosine\"]",
                "dataset|frameSplit|one of [\"number\", \"time\"]",
                "resources|device|one of [\"auto\", \"cpu\", \"gpu\"]"
            })
    void anUnknownOptionNamesEveryAcceptedValue(String section, String field, String accepted) {
        ObjectNode body = (ObjectNode) JSON.readTree(Specs.anSltSpec("options"));
        if (!body.has(section)) {
            body.putObject(section);
        }
        ((ObjectNode) body.get(section)).put(field, "other");
        List<FieldError> errors = new ArrayList<>();

        JobSpecRules.forType(JobType.SLT).check("", body, errors);

        assertThat(errors)
                .containsExactly(new FieldError(section + "." + field, "must be " + accepted + ", got \"other\""));
    }

    private static JsonNode normalize(JobType type, String body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode normalized = JobSpecRules.forType(type).check("", JSON.readTree(body), errors);
        assertThat(errors).isEmpty();
        return normalized;
    }
}
