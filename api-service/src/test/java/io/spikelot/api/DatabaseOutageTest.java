package io.spikelot.api;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.FakeWorker;
import io.spikelot.api.testing.TcpProxy;
import io.spikelot.api.testing.TestInfra;
import io.spikelot.api.testing.TestInfraInitializer;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL becomes unreachable for longer than the event consumer's old retry budget: the API must answer 503
 * problems within about 3 s, report itself not ready but alive, recover by itself when the database returns, and
 * apply the events that arrived meanwhile exactly once. The API reaches the real database through a {@link
 * TcpProxy} the test cuts.
 */
class DatabaseOutageTest {

    /** Longer than the consumer's old budget (5 tries of a 1 s connection wait plus 6 s of pauses). */
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+)(?::(\\d+))?/");

    private static TcpProxy database;
    private static ConfigurableApplicationContext api;
    private static ApiHttp http;
    private static FakeWorker worker;

    @BeforeAll
    static void startTheApiBehindADatabaseProxy() throws Exception {
        String url = TestInfra.connection().get("spring.datasource.url");
        Matcher m = HOST_PORT.matcher(url);
        assertThat(m.find()).as(url).isTrue();
        database = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        String proxied = m.replaceFirst("//127.0.0.1:" + database.port() + "/");
        api = new SpringApplicationBuilder(ApiApplication.class)
                .initializers(new TestInfraInitializer().override("spring.datasource.url", proxied))
                .run(
                        "--server.port=0",
                        "--spikelot.api-keys=" + TestKeys.TENANT_A + ":" + TestKeys.KEY_A + "," + TestKeys.TENANT_B
                                + ":" + TestKeys.KEY_B,
                        "--spikelot.worker-token=" + TestKeys.WORKER_TOKEN,
                        "--spikelot.jobs.lease=60s",
                        "--spring.datasource.hikari.connection-timeout=1000");
        http = ApiHttp.onPort(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
        worker = new FakeWorker(api.getBean(RabbitTemplate.class), api.getBean(Topology.class));
    }

    @AfterAll
    static void stop() throws Exception {
        database.heal();
        if (api != null) {
            api.close();
        }
        database.close();
    }

    @Test
    void anOutageAnswers503QuicklyKeepsLivenessUpAndLosesNothingAccepted() {
        UUID running = submit("running through the outage");
        worker.takeDispatch(running, Duration.ofSeconds(10));
        worker.send(running, 1, 1, EventKind.STARTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(running).equals("RUNNING"));

        database.cut();
        long cutAt = System.nanoTime();
        // the running job finishes while the database is away, its terminal event duplicated; one channel keeps
        // the order of the three
        api.getBean(RabbitTemplate.class).invoke(channel -> {
            worker.send(running, 1, 2, EventKind.PROGRESS);
            worker.send(running, 1, 3, EventKind.SUCCEEDED);
            worker.send(running, 1, 3, EventKind.SUCCEEDED);
            return null;
        });

        long start = System.nanoTime();
        ApiHttp.Response refused = http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec("during the outage"));
        assertUnavailable(refused, start);
        // tenant B's key was never checked before: the key lookup itself needs the database
        start = System.nanoTime();
        assertUnavailable(http.get("/api/v1/jobs", TestKeys.KEY_B), start);

        start = System.nanoTime();
        ApiHttp.Response readiness = http.get("/actuator/health/readiness", null);
        assertThat(seconds(start))
                .as("readiness answers within a 3 s probe timeout")
                .isLessThan(3.0);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
        ApiHttp.Response liveness = http.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");

        sleepUntil(cutAt + OUTAGE.toNanos());
        database.heal();
        long healedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        UUID after = submit("after the outage");
        System.out.printf(
                "[database-outage] ready and accepting again %.2f s after the database returned%n", seconds(healedAt));
        worker.takeDispatch(after, Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(15)).until(() -> status(running).equals("SUCCEEDED"));
        JsonNode job = http.get("/api/v1/jobs/" + running, TestKeys.KEY_A).json();
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.at("/progress/message").asString())
                .as("the progress sent during the outage was applied")
                .isEqualTo("seq 2");
        assertThat(job.at("/result/accuracy").asDouble()).isEqualTo(0.9);
        assertThat(finishedCount()).as("the terminal event was applied once").isEqualTo(1.0);
        assertThat(deadLetters())
                .as("no event of the job was dead-lettered")
                .noneMatch(body -> body.contains(running.toString()));
    }

    private static void assertUnavailable(ApiHttp.Response response, long startNanos) {
        double took = seconds(startNanos);
        System.out.printf("[database-outage] 503 after %.2f s%n", took);
        assertThat(took).as("answered within about 3 s").isLessThan(3.0);
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:spikelot:problem:unavailable");
        assertThat(response.header("Retry-After")).contains("5");
    }

    /** Every message now in the dead-letter queue, as text. */
    private static List<String> deadLetters() {
        RabbitTemplate rabbit = api.getBean(RabbitTemplate.class);
        String queue = api.getBean(Topology.class).deadLetterQueue();
        List<String> bodies = new ArrayList<>();
        for (Message m = rabbit.receive(queue, 500); m != null; m = rabbit.receive(queue, 500)) {
            bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static UUID submit(String name) {
        ApiHttp.Response created = http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String status(UUID id) {
        return http.get("/api/v1/jobs/" + id, TestKeys.KEY_A)
                .json()
                .get("status")
                .asString();
    }

    /** How many jobs the metrics saw finish, over every label. */
    private static double finishedCount() {
        double total = 0;
        for (String line : http.get("/actuator/prometheus", null).body().split("\n")) {
            if (line.startsWith("spikelot_jobs_duration_seconds_count")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleepUntil(long nanos) {
        long ms = (nanos - System.nanoTime()) / 1_000_000;
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
