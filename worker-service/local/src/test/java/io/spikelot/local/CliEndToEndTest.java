package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.cli.Spikelot;
import io.spikelot.model.artifact.Sha256;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spikelot} CLI against the real API and worker (the scripted pipeline): the exit codes a pipeline step
 * branches on, checked downloads, field errors of a refused spec, and a wait interrupted by a signal.
 */
class CliEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static TwoServiceStack stack;
    private static ApiHttp http;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServices() throws Exception {
        stack = new TwoServiceStack();
        stack.startApi();
        stack.startWorker();
        http = stack.http();
    }

    @AfterAll
    static void stopServices() throws Exception {
        stack.close();
    }

    @Test
    void submitWaitDownloadExitsZeroWithEveryArtifactMatchingItsListedHash() throws Exception {
        Path spec = spec("cli-quick", 1);
        Path out = dir.resolve("out");

        Run run = cli("submit", spec.toString(), "--wait", "--download", out.toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("SUCCEEDED");
        assertThat(run.err).contains("RUNNING"); // the progress lines of a non-terminal stderr
        UUID id = UUID.fromString(run.out.strip().split("\\s+")[0]);
        JsonNode listing =
                http.get("/api/v1/jobs/" + id + "/artifacts", TestKeys.KEY_A).json();
        assertThat(listing).hasSize(2);
        for (JsonNode artifact : listing) {
            Path file = out.resolve(artifact.get("name").asString());
            assertThat(Sha256.hex(file)).isEqualTo(artifact.get("sha256").asString());
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("mask.bin", "result.json");
        }
    }

    @Test
    void theSameFileSubmittedTwiceIsOneJobThroughItsDerivedIdempotencyKey() throws Exception {
        Path spec = spec("cli-twice", 1);

        Run first = cli("submit", spec.toString(), "--output", "json");
        Run second = cli("submit", spec.toString(), "--output", "json");

        assertThat(first.code).as(first.err).isZero();
        assertThat(second.code).as(second.err).isZero();
        assertThat(json(second.out).get("id")).isEqualTo(json(first.out).get("id"));
        assertThat(second.err).contains("idempotency key spikelot-" + Sha256.hex(Files.readAllBytes(spec)));
    }

    @Test
    void aFailedJobExitsOneAndShowsItsError() throws Exception {
        Run run = cli("submit", spec("diverge-cli", 1).toString(), "--wait");

        assertThat(run.code).as(run.err).isEqualTo(1);
        assertThat(run.out).contains("FAILED").contains("DIVERGED");
    }

    @Test
    void aJobCancelledWhileSomeoneWaitsForItExitsTwo() throws Exception {
        Run submitted = cli("submit", spec("cli-cancelled", 30).toString(), "--output", "json");
        String id = json(submitted.out).get("id").asString();
        CompletableFuture<Run> waiting = CompletableFuture.supplyAsync(() -> cli("status", id, "--wait"));
        await().atMost(WAIT).until(() -> status(id).equals("RUNNING"));

        Run cancel = cli("cancel", id);

        assertThat(cancel.code).as(cancel.err).isZero();
        Run waited = waiting.get(60, TimeUnit.SECONDS);
        assertThat(waited.code).as(waited.err).isEqualTo(2);
        assertThat(waited.out).contains("CANCELLED");
    }

    @Test
    void aBrokenSpecExitsThreeAndPrintsEveryFieldError() throws Exception {
        Path spec = Files.writeString(
                dir.resolve("broken.json"),
                """
                {"type": "slt", "name": "broken", "model": {"architecture": "convnet-x"},
                 "dataset": {"name": "synthetic-static"}, "search": {"pruneRatio": 1.0}}""");

        Run run = cli("submit", spec.toString(), "--wait");

        assertThat(run.code).isEqualTo(3);
        assertThat(run.err)
                .contains("HTTP 400")
                .contains("model.architecture: must be one of")
                .contains("search.pruneRatio:");

        Run json = cli("submit", spec.toString(), "--output", "json");
        assertThat(json.code).isEqualTo(3);
        assertThat(json(json.out).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("model.architecture", "search.pruneRatio");
    }

    @Test
    void listArtifactsAndEstimatePrintWhatTheApiAnswers() throws Exception {
        Path spec = spec("cli-listed", 1);
        Run done = cli("submit", spec.toString(), "--wait", "--output", "json");
        String id = json(done.out).get("id").asString();

        Run list = cli("list", "--status", "SUCCEEDED", "--size", "100");
        Run artifacts = cli("artifacts", id, "--output", "json");
        Path fashion = Files.writeString(
                dir.resolve("fashion.json"),
                """
                {"type": "slt", "name": "estimated", "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 500}}""");
        Run estimate = cli("estimate", fashion.toString(), "--output", "json");

        assertThat(list.code).as(list.err).isZero();
        assertThat(list.out).contains(id);
        assertThat(artifacts.code).as(artifacts.err).isZero();
        assertThat(json(artifacts.out).findValuesAsString("name")).containsExactly("mask.bin", "result.json");
        assertThat(estimate.code).as(estimate.err).isZero();
        assertThat(json(estimate.out).get("architecture").asString()).isEqualTo("convnet-s");
        assertThat(json(estimate.out).get("parameters").asLong()).isPositive();
    }

    @Test
    void anInterruptedWaitLeavesTheJobRunningAndSaysHowToFollowItAgain() throws Exception {
        Path spec = spec("cli-interrupted", 3);
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(javaCommand("submit", spec.toString(), "--wait"))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("SPIKELOT_URL", stack.baseUrl());
        builder.environment().put("SPIKELOT_API_KEY", TestKeys.KEY_A);
        Process process = builder.start();
        try {
            await().atMost(WAIT).until(() -> Files.readString(stderr).contains("RUNNING"));
            String id = Files.readString(stderr).replaceAll("(?s).*submitted job (\\S+).*", "$1");

            process.destroy(); // SIGTERM; Ctrl-C's SIGINT runs the same shutdown hook

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(stderr))
                    .contains("job " + id + " keeps running")
                    .contains("spikelot status " + id + " --wait")
                    .contains("--idempotency-key spikelot-");
            assertThat(status(id)).isIn("RUNNING", "SUCCEEDED");
            cli("cancel", id);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The CLI alone on the classpath (its jar's dependencies, no Spring): as the executable jar runs it. */
    private static List<String> javaCommand(String... args) {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("picocli")
                        || entry.contains("/tools/jackson/")
                        || entry.contains("jackson-annotations")
                        || entry.contains("shared-model")
                        || entry.contains("cli" + File.separator + "target")
                        || entry.contains("spikelot-cli"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                Spikelot.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", stack.baseUrl(), "--api-key", TestKeys.KEY_A));
        int code = Spikelot.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Path spec(String name, int epochs) throws Exception {
        return Files.writeString(
                dir.resolve(name + ".json"),
                """
                {"type": "slt", "name": "%s-%s", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "synthetic-static"}, "training": {"epochs": %d}}"""
                        .formatted(name, UUID.randomUUID(), epochs));
    }

    private static String status(String id) {
        return http.get("/api/v1/jobs/" + id, TestKeys.KEY_A)
                .json()
                .get("status")
                .asString();
    }

    private static JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }
}
