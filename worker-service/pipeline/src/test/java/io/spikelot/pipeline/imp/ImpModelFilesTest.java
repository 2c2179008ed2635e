package io.spikelot.pipeline.imp;

import static io.spikelot.pipeline.imp.ImpSpecFixtures.anImpSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.pipeline.nir.NirTranslation;
import io.spikelot.pipeline.testing.Hdf5Files;
import io.spikelot.pipeline.testing.ModelSchema;
import io.spikelot.pipeline.testing.RecordingContext;
import io.spikelot.pipeline.testing.SafetensorsFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An imp job's {@code model.json} describes the whole computation as slt's and qsnn's do (validated against the
 * published schema, every tensor the graph names is in {@code model.safetensors}), and its spiking network is in
 * {@code model.nir} with Kim et al.'s neuron in NIR's terms.
 */
class ImpModelFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path scratch;

    @Test
    void modelJsonCarriesTheGraphAndModelNirTheSpikingNetwork() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        new ImpPipeline(Path.of("/usr/share/datasets")).run(anImpSpec().build(), context);

        String model = new String(context.artifacts.get("model.json"), StandardCharsets.UTF_8);
        assertThat(ModelSchema.violations(model)).as(model).isEmpty();
        JsonNode description = JSON.readTree(model);
        assertThat(description.get("formatVersion").asInt()).isEqualTo(ModelGraphs.FORMAT_VERSION);
        assertThat(description.get("schema").asString()).isEqualTo(ModelGraphs.SCHEMA_PATH);
        assertThat(description.get("graph").get("timesteps").asInt()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        description.get("graph").get("layers").forEach(layer -> {
            if (layer.has("parameters")) {
                layer.get("parameters").forEach(p -> names.add(p.get("name").asString()));
            }
        });
        JsonObject tensors = SafetensorsFiles.header(context.artifacts.get("model.safetensors"));
        // the default imp network learns BatchNorm's γ and β
        assertThat(names).contains("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_var", "head.weight");
        assertThat(tensors.keySet()).containsAll(names);

        Path nir = Files.write(scratch.resolve("model.nir"), context.artifacts.get("model.nir"));
        JsonNode file = Hdf5Files.datasets(nir);
        assertThat(file.get("node/nodes/lif1/type").get("text").asString()).isEqualTo("LIF");
        // Kim et al.: τ = 4/3 steps with the input scaled by 1/τ, so r = 1
        assertThat(file.get("node/nodes/lif1/tau").get("first").get(0).asDouble())
                .isCloseTo(4.0 / 3.0 * NirTranslation.DT_SECONDS, within(1e-9));
        assertThat(file.get("node/nodes/lif1/r").get("first").get(0).asDouble()).isEqualTo(1.0);
        assertThat(file.get("node/nodes/head/type").get("text").asString()).isEqualTo("Linear");
    }
}
