package io.spikelot.api.client;

import io.spikelot.model.graph.ModelGraphs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the PyTorch loader and the {@code model.json} schema from shared-model's class path. Outside {@code /api/},
 * so the key filter does not guard them.
 */
@Tag(name = "client-files", description = "The PyTorch loader and the model.json schema")
@RestController
class ClientFilesController {

    static final String LOADER_PATH = "/clients/spikelot_torch.py";
    private static final String LOADER = "/io/spikelot/clients/spikelot_torch.py";
    private static final String SCHEMA = "/io/spikelot/model/graph/model.schema.json";

    private final byte[] loader = read(LOADER);
    private final byte[] schema = read(SCHEMA);

    @Operation(summary = "The single-file PyTorch loader: builds a torch.nn.Module from model.json and its tensors")
    @GetMapping(LOADER_PATH)
    ResponseEntity<byte[]> loader() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "x-python", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"spikelot_torch.py\"")
                .body(loader);
    }

    @Operation(summary = "The JSON Schema of model.json")
    @GetMapping(ModelGraphs.SCHEMA_PATH)
    ResponseEntity<byte[]> schema() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/schema+json"))
                .body(schema);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ClientFilesController.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
