package io.spikelot.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code spikelot estimate spec.json}: the cost of a job spec's model on its dataset, before running anything. */
@Command(
        name = "estimate",
        description = "Estimate parameters, MACs, energy and S-ACE of a job spec's model (or of an estimate request)"
                + " without running anything.")
final class EstimateCommand extends JobCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "a job spec or an estimate request, a JSON file")
    Path specFile;

    @Override
    public Integer call() {
        JsonNode file;
        try {
            file = ApiClient.JSON.readTree(SubmitCommand.read(specFile));
        } catch (JacksonException e) {
            throw new CliException(ExitCode.BAD_INPUT, specFile + " is not valid JSON: " + e.getOriginalMessage());
        }
        byte[] body = ApiClient.JSON.writeValueAsBytes(requestOf(file));
        root().printer()
                .document(root().client()
                        .post("/api/v1/estimates", body, Map.of())
                        .body());
        return ExitCode.OK.status;
    }

    /**
     * The estimate request for a job spec: its architecture and timesteps, its dataset, and for a {@code qsnn} spec
     * the first W/S/T allocation. A file without a {@code type} is taken to be an estimate request already.
     */
    static JsonNode requestOf(JsonNode file) {
        if (!file.isObject() || !file.has("type")) {
            return file;
        }
        ObjectNode request = ApiClient.JSON.createObjectNode();
        ObjectNode model = request.putObject("model");
        copy(file.path("model"), model, "architecture", "timesteps");
        copy(
                file.path("dataset"),
                request.putObject("dataset"),
                "name",
                "resize",
                "channels",
                "height",
                "width",
                "classes");
        JsonNode allocation = file.path("quantization").path("allocations").path(0);
        if (allocation.isObject()) {
            copy(allocation, request, "weightBits", "spikeBits");
            copy(allocation, model, "timesteps");
        }
        return request;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }
}
