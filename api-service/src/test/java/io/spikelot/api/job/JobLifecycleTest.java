package io.spikelot.api.job;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.FakeWorker;
import io.spikelot.api.testing.TestInfra;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobDispatch;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Worker events against the real broker and database: ordering, duplicates, stale attempts, leases, cancels. */
@ApiIntegrationTest
class JobLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    Topology topology;

    ApiHttp http;
    FakeWorker worker;

    @BeforeEach
    void setUp() {
        http = ApiHttp.onPort(port);
        worker = new FakeWorker(rabbit, topology);
    }

    @Test
    void aSubmittedJobIsDispatchedWithItsSpecAndFirstAttempt() {
        UUID id = submit("dispatched");

        JobDispatch dispatch = worker.takeDispatch(id, WAIT);

        assertThat(dispatch.attempt()).isEqualTo(1);
        assertThat(dispatch.type()).isEqualTo("slt");
        assertThat(dispatch.spec()).containsKeys("model", "dataset", "training", "search");
    }

    @Test
    void eventsMoveAJobToSucceededAndLaterOrDuplicateEventsChangeNothing() {
        UUID id = submit("happy path");
        worker.takeDispatch(id, WAIT);

        worker.send(id, 1, 1, EventKind.STARTED);
        worker.send(id, 1, 2, EventKind.PROGRESS);
        awaitStatus(id, "RUNNING");
        worker.send(id, 1, 3, EventKind.SUCCEEDED);
        awaitStatus(id, "SUCCEEDED");
        worker.send(id, 1, 2, EventKind.PROGRESS); // duplicate
        worker.send(id, 1, 4, EventKind.FAILED); // after the end
        worker.send(id, 1, 3, EventKind.SUCCEEDED); // duplicate terminal

        JsonNode job = settle(id);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/result/accuracy").asDouble()).isEqualTo(0.9);
        assertThat(job.get("error").isNull()).isTrue();
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void outOfOrderProgressNeverRegressesAndStaleAttemptsAreIgnored() {
        UUID id = submit("out of order");
        worker.takeDispatch(id, WAIT);

        worker.send(id, 1, 3, EventKind.PROGRESS);
        awaitStatus(id, "RUNNING");
        worker.send(id, 1, 1, EventKind.STARTED); // arrives late
        worker.send(id, 1, 2, EventKind.PROGRESS); // arrives late
        worker.send(id, 7, 9, EventKind.SUCCEEDED); // an attempt that does not exist
        worker.send(id, 0, 1, EventKind.FAILED); // invalid attempt: dead-lettered

        JsonNode job = settle(id);
        assertThat(job.get("status").asString()).isEqualTo("RUNNING");
        assertThat(job.at("/progress/message").asString()).isEqualTo("seq 3");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertDeadLettered(id, 0);
    }

    @Test
    void aNonRetryableFailureFailsTheJobAtOnceWithTheReason() {
        UUID id = submit("diverges");
        worker.takeDispatch(id, WAIT);

        worker.send(id, 1, 1, EventKind.STARTED);
        worker.send(id, 1, 2, EventKind.FAILED);

        JsonNode job = awaitStatus(id, "FAILED");
        assertThat(job.at("/error/code").asString()).isEqualTo(JobError.DIVERGED);
        assertThat(job.at("/error/message").asString()).contains("NaN at step 7");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void aRetryableFailureIsDispatchedAgainAsTheNextAttempt() {
        UUID id = submit("flaky");
        worker.takeDispatch(id, WAIT);
        worker.send(id, 1, 1, EventKind.STARTED);
        worker.send(new JobEvent(
                id,
                1,
                2,
                EventKind.FAILED,
                "fake-worker",
                Instant.now(),
                null,
                null,
                JobError.retryable(JobError.PIPELINE_ERROR, "out of memory")));

        JobDispatch second = worker.takeDispatch(id, WAIT);

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(get(id).get("status").asString()).isEqualTo("QUEUED");
    }

    @Test
    void aSilentWorkerLosesItsLeaseUntilTheAttemptLimitFailsTheJob() {
        UUID id = submit("lost worker");
        for (int attempt = 1; attempt <= 3; attempt++) {
            JobDispatch dispatch = worker.takeDispatch(id, WAIT);
            assertThat(dispatch.attempt()).isEqualTo(attempt);
            worker.send(id, attempt, 1, EventKind.STARTED); // then silence: the 4 s lease runs out
        }

        JsonNode job = awaitStatus(id, "FAILED");
        assertThat(job.at("/error/code").asString()).isEqualTo(JobError.ATTEMPTS_EXHAUSTED);
        assertThat(job.at("/error/message").asString()).contains("3 attempts");
    }

    @Test
    void cancellingARunningJobWaitsForTheWorkerAndEndsCancelled() {
        UUID id = submit("cancel running");
        worker.takeDispatch(id, WAIT);
        worker.send(id, 1, 1, EventKind.STARTED);
        awaitStatus(id, "RUNNING");

        ApiHttp.Response response = http.request("POST", "/api/v1/jobs/" + id + "/cancel")
                .bearer(TestKeys.KEY_A)
                .send();
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("CANCELLING");
        worker.send(id, 1, 2, EventKind.PROGRESS); // still alive while stopping
        worker.send(id, 1, 3, EventKind.CANCELLED);

        assertThat(awaitStatus(id, "CANCELLED").get("finishedAt").isNull()).isFalse();
    }

    @Test
    void aStreamSendsEveryChangeOfTheJobAndEndsAfterTheTerminalOne() throws Exception {
        UUID id = submit("streamed");
        worker.takeDispatch(id, WAIT);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/" + id + "/events"))
                .header("Authorization", "Bearer " + TestKeys.KEY_A)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> statuses = new CopyOnWriteArrayList<>();
        // ends when the server completes the stream after SUCCEEDED
        CompletableFuture<Void> read = CompletableFuture.runAsync(() -> response.body()
                .filter(line -> line.startsWith("data:"))
                .map(line -> JSON.readTree(line.substring("data:".length())))
                .forEach(data -> statuses.add(data.get("status").asString())));

        worker.send(id, 1, 1, EventKind.STARTED);
        await().atMost(WAIT).until(() -> statuses.contains("RUNNING"));
        worker.send(id, 1, 2, EventKind.SUCCEEDED);
        read.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(statuses).first().isEqualTo("QUEUED");
        assertThat(statuses).contains("RUNNING").last().isEqualTo("SUCCEEDED");
    }

    @Test
    void anotherTenantCannotStreamTheJob() {
        UUID id = submit("private stream");

        ApiHttp.Response response = http.get("/api/v1/jobs/" + id + "/events", TestKeys.KEY_B);

        assertThat(response.status()).isEqualTo(404);
    }

    /** The API rejected the event of {@code attempt} without requeue, so the broker moved it to the dead letters. */
    private void assertDeadLettered(UUID id, int attempt) {
        if (TestInfra.MODE == TestInfra.Mode.EMBEDDED) {
            // the embedded broker ignores x-dead-letter-exchange; the settled job above shows the event had no effect
            return;
        }
        JobEvent dead = worker.takeDeadLetter(id, WAIT);
        assertThat(dead.attempt()).isEqualTo(attempt);
        assertThat(dead.kind()).isEqualTo(EventKind.FAILED);
    }

    private UUID submit(String name) {
        ApiHttp.Response response = http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec(name));
        assertThat(response.status()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private JsonNode get(UUID id) {
        return http.get("/api/v1/jobs/" + id, TestKeys.KEY_A).json();
    }

    private JsonNode awaitStatus(UUID id, String status) {
        await().atMost(WAIT).until(() -> get(id).get("status").asString().equals(status));
        return get(id);
    }

    /** Lets every event sent so far be consumed: the events queue is served in order by one consumer. */
    private JsonNode settle(UUID id) {
        UUID marker = submit("marker");
        worker.takeDispatch(marker, WAIT);
        worker.send(marker, 1, 1, EventKind.STARTED);
        awaitStatus(marker, "RUNNING");
        return get(id);
    }
}
