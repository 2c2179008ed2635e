package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.FakeWorker;
import io.spikelot.api.testing.TestInfra;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.artifact.Sha256;
import io.spikelot.model.job.ResourceClass;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobDispatch;
import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backbone's guarantees, end to end through real PostgreSQL and RabbitMQ with the real API and worker: a job
 * accepted is a job that finishes, whatever happens to the broker, the API or the worker on the way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackboneEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TwoServiceStack stack;
    private static ApiHttp http;

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
    @Order(1)
    void aJobRunsOnTheWorkerAndItsArtifactsDownloadIntact() {
        UUID id = submit("quick", 1);

        JsonNode job = awaitStatus(id, "SUCCEEDED");

        assertThat(job.at("/result/steps").asInt()).isEqualTo(10);
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        JsonNode artifacts =
                http.get("/api/v1/jobs/" + id + "/artifacts", TestKeys.KEY_A).json();
        assertThat(artifacts.findValuesAsString("name")).containsExactly("mask.bin", "result.json");
        ApiHttp.Response mask = http.get("/api/v1/jobs/" + id + "/artifacts/mask.bin", TestKeys.KEY_A);
        assertThat(mask.bytes()).hasSize(1000);
        assertThat(mask.header("ETag")).contains("\"" + Sha256.hex(mask.bytes()) + "\"");
        assertThat(artifacts.at("/0/sha256").asString()).isEqualTo(Sha256.hex(mask.bytes()));
    }

    @Test
    @Order(2)
    void aDivergingJobFailsAtOnceWithoutAnotherAttempt() {
        UUID id = submit("diverge-now", 1);

        JsonNode job = awaitStatus(id, "FAILED");

        assertThat(job.at("/error/code").asString()).isEqualTo("DIVERGED");
        assertThat(job.at("/error/message").asString()).contains("step 3");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void cancellingARunningJobStopsItWithinTenSecondsAndNothingIsPublishedAfter() throws Exception {
        try (EventSpy spy = new EventSpy(stack)) {
            UUID id = submit("long", 30);
            await().atMost(WAIT).until(() -> get(id).at("/progress/epoch").asInt() >= 1);

            long asked = System.nanoTime();
            assertThat(cancel(id).status()).isEqualTo(202);
            awaitStatus(id, "CANCELLED");
            double seconds = (System.nanoTime() - asked) / 1e9;

            assertThat(seconds).isLessThan(10);
            Thread.sleep(3_000); // three heartbeat intervals
            List<JobEvent> events = spy.eventsOf(id);
            assertThat(events).isNotEmpty();
            assertThat(events.get(events.size() - 1).kind()).isEqualTo(EventKind.CANCELLED);
            assertThat(http.get("/api/v1/jobs/" + id + "/artifacts", TestKeys.KEY_A)
                            .json())
                    .isEmpty();
        }
    }

    @Test
    @Order(4)
    void aJobSubmittedWhileTheBrokerIsUnreachableIsDispatchedOnceItIsBack() {
        stack.brokerProxy().cut();
        UUID id;
        try {
            id = submit("submitted during an outage", 1);
            sleep(2_000);
            assertThat(get(id).get("status").asString()).isEqualTo("QUEUED");
        } finally {
            stack.brokerProxy().heal();
        }

        JsonNode job = awaitStatus(id, "SUCCEEDED");

        assertThat(job.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void rotatingTheWorkerTokenWhileJobsRunLosesNoneAndTheOldTokenIsRefusedAfter() {
        String newToken = "new-worker-token-of-at-least-32-characters";
        UUID first = submit("runs while the api learns the new token", 4);
        awaitStatus(first, "RUNNING");

        // 1. the API accepts the new token next to the old one (restarting it while the job runs)
        stack.stopApi();
        stack.apiWorkerTokens(newToken + "," + TestKeys.WORKER_TOKEN);
        stack.startApi();
        assertThat(awaitStatus(first, "SUCCEEDED").get("attempt").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/jobs/" + first + "/artifacts", TestKeys.KEY_A)
                        .json())
                .hasSize(2);

        // 2. workers move to the new token
        stack.stopWorker();
        stack.workerToken(newToken);
        stack.startWorker();
        UUID second = submit("runs while the api forgets the old token", 4);
        awaitStatus(second, "RUNNING");

        // 3. the API drops the old token (restarting it while the second job runs)
        stack.stopApi();
        stack.apiWorkerTokens(newToken);
        stack.startApi();
        assertThat(awaitStatus(second, "SUCCEEDED").get("attempt").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/jobs/" + second + "/artifacts", TestKeys.KEY_A)
                        .json())
                .hasSize(2);
        ApiHttp.Response old = http.request("POST", "/api/v1/internal/jobs/" + second + "/attempts/1/claim")
                .bearer(TestKeys.WORKER_TOKEN)
                .send();
        assertThat(old.status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void aWorkerThatDiesMidJobIsReplacedAndTheJobCompletesOnAttemptTwo() {
        stack.stopWorker();
        UUID id = submit("survives a dead worker", 1);
        RabbitTemplate rabbit = stack.api().getBean(RabbitTemplate.class);
        FakeWorker doomed = new FakeWorker(rabbit, stack.api().getBean(Topology.class));
        JobDispatch dispatch = doomed.takeDispatch(id, WAIT);
        doomed.send(id, dispatch.attempt(), 1, EventKind.STARTED); // then it dies: no heartbeat, no terminal event
        awaitStatus(id, "RUNNING");

        stack.startWorker();

        JsonNode job = awaitStatus(id, "SUCCEEDED");
        assertThat(job.get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    @Order(9)
    void aPoisonDispatchIsRejectedWithoutRequeueAndLandsInTheDeadLetterQueue() {
        RabbitTemplate rabbit = stack.api().getBean(RabbitTemplate.class);
        Topology topology = stack.api().getBean(Topology.class);
        String marker = "poison-" + UUID.randomUUID();
        rabbit.send(
                topology.jobsExchange(),
                topology.jobsRoutingKey(ResourceClass.CPU),
                MessageBuilder.withBody(("{not json " + marker).getBytes(StandardCharsets.UTF_8))
                        .build());

        if (TestInfra.MODE == TestInfra.Mode.EMBEDDED) {
            // the embedded broker ignores x-dead-letter-exchange: the rejected message must simply be gone
            await().atMost(WAIT).until(() -> queueDepth(rabbit, topology.jobsQueue(ResourceClass.CPU)) == 0);
            return;
        }
        Message dead = rabbit.receive(topology.deadLetterQueue(), WAIT.toMillis());
        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains(marker);
    }

    @Test
    @Order(7)
    void aBrokerOutageLongerThanTheLeaseDoesNotStartASecondAttempt() throws Exception {
        try (EventSpy spy = new EventSpy(stack)) {
            UUID id = submit("outlives a broker outage", 4);
            await().atMost(WAIT).until(() -> get(id).at("/progress/epoch").asInt() >= 1);

            stack.cutBroker();
            sleep(8_000); // the lease is 5 s; the job finishes meanwhile and its worker keeps its SUCCEEDED
            stack.healBroker();
            long healed = System.nanoTime();

            JsonNode job = awaitStatus(id, "SUCCEEDED");
            System.out.printf(
                    "[broker-outage] finished %.1f s after the broker returned%n", (System.nanoTime() - healed) / 1e9);
            assertThat(job.get("attempt").asInt()).isEqualTo(1);
            sleep(6_000); // a lease more: a second attempt, had one been dispatched, would start now
            assertThat(spy.eventsOf(id)).as("no second attempt started").allSatisfy(e -> assertThat(e.attempt())
                    .isEqualTo(1));
            assertThat(get(id).get("attempt").asInt()).isEqualTo(1);
        }
    }

    private static int queueDepth(RabbitTemplate rabbit, String queue) {
        var properties = new RabbitAdmin(rabbit.getConnectionFactory()).getQueueProperties(queue);
        return properties == null ? -1 : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).intValue();
    }

    private UUID submit(String name, int epochs) {
        String spec =
                """
                {"type": "slt", "name": "%s", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "synthetic-static"}, "training": {"epochs": %d}}"""
                        .formatted(name, epochs);
        ApiHttp.Response response = http.postJson("/api/v1/jobs", TestKeys.KEY_A, spec);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private ApiHttp.Response cancel(UUID id) {
        return http.request("POST", "/api/v1/jobs/" + id + "/cancel")
                .bearer(TestKeys.KEY_A)
                .send();
    }

    private JsonNode get(UUID id) {
        return http.get("/api/v1/jobs/" + id, TestKeys.KEY_A).json();
    }

    private JsonNode awaitStatus(UUID id, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode job = get(id);
            return job.get("status").asString().equals(status);
        });
        return get(id);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records every event on the events exchange through a queue of its own. */
    private static final class EventSpy implements AutoCloseable {
        private final List<JobEvent> events = new CopyOnWriteArrayList<>();
        private final SimpleMessageListenerContainer container;

        private final CachingConnectionFactory connections;

        /** Listens on a connection of its own, straight to the broker, so cutting the services' proxies spares it. */
        EventSpy(TwoServiceStack stack) {
            Map<String, String> c = TestInfra.connection();
            connections = new CachingConnectionFactory(
                    c.get("spring.rabbitmq.host"), Integer.parseInt(c.get("spring.rabbitmq.port")));
            connections.setUsername(c.get("spring.rabbitmq.username"));
            connections.setPassword(c.get("spring.rabbitmq.password"));
            Topology topology = stack.api().getBean(Topology.class);
            RabbitAdmin admin = new RabbitAdmin(connections);
            AnonymousQueue queue = new AnonymousQueue();
            admin.declareQueue(queue);
            admin.declareBinding(new Binding(
                    queue.getName(),
                    Binding.DestinationType.QUEUE,
                    topology.eventsExchange(),
                    topology.eventsBindingKey(),
                    null));
            container = new SimpleMessageListenerContainer(connections);
            container.setQueueNames(queue.getName());
            container.setMessageListener(m -> events.add(JSON.readValue(m.getBody(), JobEvent.class)));
            container.start();
        }

        List<JobEvent> eventsOf(UUID id) {
            return events.stream().filter(e -> e.jobId().equals(id)).toList();
        }

        @Override
        public void close() {
            container.stop();
            connections.destroy();
        }
    }
}
