package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.TestKeys;
import io.spikelot.client.ApiClient;
import io.spikelot.client.ApiException;
import io.spikelot.client.api.ArtifactsApi;
import io.spikelot.client.api.JobsApi;
import io.spikelot.client.model.ArtifactDescriptor;
import io.spikelot.client.model.DatasetSettings;
import io.spikelot.client.model.JobSpec;
import io.spikelot.client.model.JobStatus;
import io.spikelot.client.model.JobView;
import io.spikelot.client.model.ModelSettings;
import io.spikelot.client.model.Problem;
import io.spikelot.client.model.SltSpec;
import io.spikelot.client.model.TrainingSettings;
import io.spikelot.model.artifact.Sha256;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is good enough to generate a client from: the committed copy the build generates the Java
 * client from is the live one, and that client drives a job from submit to download against the real stack.
 */
class GeneratedClientEndToEndTest {

    private static TwoServiceStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        stack = new TwoServiceStack();
        stack.startApi();
        stack.startWorker();
    }

    @AfterAll
    static void stopServices() throws Exception {
        stack.close();
    }

    @Test
    void theCommittedDocumentIsTheLiveOne() throws Exception {
        String live =
                OpenApiDocument.normalise(stack.http().get("/v3/api-docs", null).body());
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(OpenApiDocument.COMMITTED, live);
        }

        assertThat(Files.readString(OpenApiDocument.COMMITTED))
                .as(
                        "the API changed: rerun this test with -Dopenapi.update=true and commit %s",
                        OpenApiDocument.COMMITTED)
                .isEqualTo(live);
    }

    @Test
    void theGeneratedClientSubmitsFollowsToSucceededListsAndDownloads() throws Exception {
        ApiClient client = client();
        JobsApi jobs = new JobsApi(client);
        ArtifactsApi artifacts = new ArtifactsApi(client);
        JobSpec spec = new JobSpec(new SltSpec()
                .type(SltSpec.TypeEnum.SLT)
                .name("generated-client-" + UUID.randomUUID())
                .model(new ModelSettings().architecture("convnet-s"))
                .dataset(new DatasetSettings().name("synthetic-static"))
                .training(new TrainingSettings().epochs(1)));

        JobView submitted = jobs.submitJob(spec, "generated-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.getJob(submitted.getId()).getStatus() == JobStatus.SUCCEEDED);
        List<ArtifactDescriptor> listed = artifacts.listArtifacts(submitted.getId());
        ArtifactDescriptor mask = listed.stream()
                .filter(a -> a.getName().equals("mask.bin"))
                .findFirst()
                .orElseThrow();
        File downloaded = artifacts.downloadArtifact(submitted.getId(), "mask.bin", null, null);

        assertThat(listed).extracting(ArtifactDescriptor::getName).containsExactly("mask.bin", "result.json");
        assertThat(Files.size(downloaded.toPath())).isEqualTo(mask.getSize());
        assertThat(Sha256.hex(downloaded.toPath())).isEqualTo(mask.getSha256());
        assertThat(jobs.listJobs(JobStatus.SUCCEEDED, null, 0, 100).getItems())
                .extracting(JobView::getId)
                .contains(submitted.getId());
    }

    @Test
    void aRefusalReadsAsTheProblemSchemaWithItsFieldErrors() throws Exception {
        JobSpec broken = new JobSpec(new SltSpec()
                .type(SltSpec.TypeEnum.SLT)
                .name("broken")
                .model(new ModelSettings().architecture("convnet-x"))
                .dataset(new DatasetSettings().name("synthetic-static")));

        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> new JobsApi(client()).submitJob(broken, null));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = ApiClient.createDefaultObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo(Problem.TypeEnum.URN_SPIKELOT_PROBLEM_VALIDATION);
        assertThat(problem.getErrors())
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo("model.architecture"));
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TestKeys.KEY_A));
        return client;
    }
}
