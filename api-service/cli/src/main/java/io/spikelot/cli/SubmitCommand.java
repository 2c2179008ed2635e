package io.spikelot.cli;

import io.spikelot.model.artifact.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code spikelot submit spec.json [--wait] [--download DIR] [--idempotency-key K]}. */
@Command(
        name = "submit",
        description = "Submit a job spec. The idempotency key defaults to one derived from the file's SHA-256, so"
                + " a retried step gets the same job back instead of a second one.")
final class SubmitCommand extends JobCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "the job spec, a JSON file")
    Path specFile;

    @Mixin
    WaitOptions waiting;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "default: spikelot-<SHA-256 of SPEC>")
    String idempotencyKey;

    @Override
    public Integer call() {
        byte[] spec = read(specFile);
        String key = idempotencyKey != null ? idempotencyKey : "spikelot-" + Sha256.hex(spec);
        ApiClient client = root().client();
        ApiClient.Answer answer = client.post("/api/v1/jobs", spec, Map.of("Idempotency-Key", key));
        JsonNode job = answer.body();
        UUID id = jobId(job.path("id").asString());
        if ("true".equals(answer.header("Idempotent-Replayed"))) {
            root().err()
                    .println("spikelot: an earlier submit with idempotency key " + key + " made job " + id
                            + "; this is that job (pass another --idempotency-key for a new one)");
        }
        if (!waiting.waits()) {
            root().printer().job(job);
            return ExitCode.OK.status;
        }
        root().err().println("spikelot: submitted job " + id);
        root().err().flush();
        String resume = "spikelot submit " + specFile + " --wait --idempotency-key " + key;
        return new JobWait(root(), client).await(id, waiting.downloadTo, resume);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot read " + file + ": " + e, e);
        }
    }
}
