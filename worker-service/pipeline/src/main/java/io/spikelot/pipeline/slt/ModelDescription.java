package io.spikelot.pipeline.slt;

import io.spikelot.model.arch.InputShape;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.spec.JobSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model.json}: what is needed to rebuild the network for {@code model.safetensors} (the catalog
 * architecture, input {@code [C, H, W]}, classes, neurons and T) plus the search that produced it and the
 * tensor list. Masked weights are already effective (W ⊙ M or α·sign(W) ⊙ M), so a dense network of the same
 * architecture with these tensors reproduces the ticket; the masks are in {@code mask.safetensors}.
 */
final class ModelDescription {

    private ModelDescription() {}

    static Map<String, Object> of(SltJob job, RatioRun run, Map<String, TensorBytes> weights) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("format", "spikelot-slt-model/1");
        model.put("architecture", job.architecture().name());
        InputShape input = job.architecture().input();
        model.put("inputShape", List.of(input.channels(), input.height(), input.width()));
        model.put("inputKind", job.input().name().toLowerCase(java.util.Locale.ROOT));
        model.put("classes", job.architecture().classes());
        model.put("neuron", neuron(job.spec().model(), run.spiking()));
        model.put("timesteps", job.neurons().timesteps());
        model.put("method", job.method());
        model.put("weightInit", job.spec().search().weightInit().wireName());
        model.put("pruneRatio", run.ratio());
        model.put("keptFraction", run.keptFraction());
        model.put("seed", job.seed());
        model.put("dataset", job.spec().dataset().name());
        model.put("parameters", parameters(run, weights));
        return model;
    }

    private static Map<String, Object> neuron(ModelSettings m, boolean spiking) {
        return spiking ? JobSettings.describeLif(m) : Map.of("kind", "relu");
    }

    private static List<Map<String, Object>> parameters(RatioRun run, Map<String, TensorBytes> weights) {
        List<Map<String, Object>> list = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.getKey());
            p.put("dtype", e.getValue().dtype());
            p.put("shape", e.getValue().shape());
            p.put("role", role(run, e.getKey()));
            list.add(p);
        });
        return list;
    }

    private static String role(RatioRun run, String name) {
        if (run.search().masks().containsKey(name)) {
            return "masked-weight";
        }
        return name.endsWith(".running_mean") || name.endsWith(".running_var") ? "buffer" : "parameter";
    }
}
