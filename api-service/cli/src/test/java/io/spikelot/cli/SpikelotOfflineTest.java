package io.spikelot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the CLI does before any API answers: usage errors, missing settings, an unreachable API. */
class SpikelotOfflineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Spikelot.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void anUnknownOptionIsBadInputNotACancelledJob() {
        assertThat(run("submit", "spec.json", "--no-such-flag")).isEqualTo(3);
        assertThat(err.toString()).contains("--no-such-flag");
    }

    @Test
    void aMissingUrlOrKeyIsBadInputAndSaysWhereToSetIt() {
        assertThat(run("status", "6f1c7e0a-0000-4000-8000-000000000000", "--api-key", "k", "--url", ""))
                .isEqualTo(3);
        assertThat(err.toString()).contains("SPIKELOT_URL");
    }

    @Test
    void aMalformedJobIdIsBadInput() {
        assertThat(run("status", "not-a-uuid", "--url", "http://127.0.0.1:1", "--api-key", "k"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("not-a-uuid");
    }

    @Test
    void anUnreadableSpecFileIsBadInput(@TempDir Path dir) {
        assertThat(run(
                        "submit",
                        dir.resolve("missing.json").toString(),
                        "--url",
                        "http://127.0.0.1:1",
                        "--api-key",
                        "k"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("missing.json");
    }

    @Test
    void anApiThatIsNotThereIsConnectionTrouble(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"type\": \"slt\"}");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int code = run("submit", spec.toString(), "--url", "http://127.0.0.1:" + closedPort, "--api-key", "k");

        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("Cannot reach the API");
    }

    @Test
    void anEstimateOfAJobSpecSendsItsModelDatasetAndFirstAllocation() {
        JsonNode spec = ApiClient.JSON.readTree(
                """
                {"type": "qsnn", "name": "q", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 100},
                 "quantization": {"allocations": [{"weightBits": 4, "spikeBits": 2, "timesteps": 1}]}}""");

        JsonNode request = EstimateCommand.requestOf(spec);

        assertThat(request)
                .isEqualTo(
                        ApiClient.JSON.readTree(
                                """
                        {"model": {"architecture": "convnet-s", "timesteps": 1}, "dataset": {"name": "fashion-mnist"},
                         "weightBits": 4, "spikeBits": 2}"""));
    }

    @Test
    void theBarFillsWithTheJobsFraction() {
        JsonNode job = ApiClient.JSON.readTree(
                "{\"status\": \"RUNNING\", \"progress\": {\"fraction\": 0.5, \"message\": \"step 5/10\"}}");

        assertThat(ProgressDisplay.bar(job)).isEqualTo("[###############...............]  50%  RUNNING    step 5/10");
    }
}
