package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.api.testing.ApiHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user downloads is enough to use a ticket in PyTorch: a small {@code slt} job and a small {@code qsnn} job run
 * through the real services, then {@code model.json}, {@code model.safetensors} and the loader the API serves without
 * a key rebuild each network in PyTorch, which classifies the job's Fashion-MNIST test images (the first
 * {@code testLimit} of the t10k split, as the worker selects them) with the accuracy the job reported. Fails, not
 * skips, without torch: CI installs python3-torch.
 */
class TorchRebuildEndToEndTest extends RealPipelineEndToEnd {

    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final String PYTHON = System.getenv()
            .getOrDefault("SPIKELOT_TORCH_PYTHON", System.getenv().getOrDefault("SPIKELOT_PYTHON", "python3"));

    @TempDir
    Path downloads;

    @BeforeAll
    static void requireTorch() throws Exception {
        Result probe = run(List.of(PYTHON, "-c", "import torch"));
        if (probe.exit() != 0) {
            fail("This test needs " + PYTHON + " with torch (CI installs python3-torch; SPIKELOT_TORCH_PYTHON names"
                    + " another interpreter): " + probe.output());
        }
    }

    @Test
    void anSltTicketRebuiltInPyTorchHasTheReportedAccuracy() throws Exception {
        String id = submit(
                """
                {"type": "slt", "name": "fmnist-slt-torch",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 200},
                 "search": {"method": "biprop", "pruneRatio": 0.5},
                 "training": {"epochs": 1, "batchSize": 32}}""");
        double reported = awaitSuccess(id).at("/result/accuracy").asDouble();
        assertThat(torchAccuracy(id, 200)).isCloseTo(reported, within(0.005));
    }

    @Test
    void aQsnnModelRebuiltInPyTorchHasTheReportedAccuracy() throws Exception {
        String id = submit(
                """
                {"type": "qsnn", "name": "fmnist-qsnn-torch",
                 "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 200},
                 "quantization": {"allocations": [{"weightBits": 2, "spikeBits": 2, "timesteps": 2}]},
                 "training": {"epochs": 1, "batchSize": 32}}""");
        double reported = awaitSuccess(id).at("/result/accuracy").asDouble();
        assertThat(torchAccuracy(id, 200)).isCloseTo(reported, within(0.005));
    }

    /** Downloads the job's model and the loader, and evaluates the first {@code limit} test images in PyTorch. */
    private double torchAccuracy(String id, int limit) throws Exception {
        Path dir = Files.createDirectories(downloads.resolve(id));
        Files.write(dir.resolve("model.json"), artifact(id, "model.json"));
        Files.write(dir.resolve("model.safetensors"), artifact(id, "model.safetensors"));
        ApiHttp.Response loader =
                http().request("GET", "/clients/spikelot_torch.py").send();
        assertThat(loader.status()).as("the loader without a key").isEqualTo(200);
        Files.writeString(dir.resolve("spikelot_torch.py"), loader.body());
        Result result = run(List.of(
                PYTHON,
                dir.resolve("spikelot_torch.py").toString(),
                dir.resolve("model.json").toString(),
                dir.resolve("model.safetensors").toString(),
                "--images",
                FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz").toString(),
                "--labels",
                FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz").toString(),
                "--limit",
                Integer.toString(limit)));
        assertThat(result.exit()).as(result.output()).isZero();
        String[] lines = result.output().trim().split("\n");
        JsonNode report = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(report.get("evaluated").asInt()).isEqualTo(limit);
        return report.get("accuracy").asDouble();
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish in 120 s");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
