package io.spikelot.api.webhook;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.api.testing.WebhookReceiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks delivered to a real HTTP receiver on 127.0.0.1 (private addresses allowed here, as on the local stack):
 * signed, retried until a 2xx, stopped by a 410, and never crossing tenants.
 */
@ApiIntegrationTest
@TestPropertySource(
        properties = {
            // a context of its own next to the shared one: few connections, PostgreSQL is shared
            "spring.datasource.hikari.maximum-pool-size=4",
            "spring.datasource.hikari.minimum-idle=1",
            "spikelot.webhooks.allow-private=true",
            "spikelot.webhooks.initial-backoff=200ms",
            "spikelot.webhooks.relay-interval=200ms",
            "spikelot.webhooks.timeout=3s"
        })
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    ApiHttp http;
    WebhookReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        http = ApiHttp.onPort(port);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aStatusChangeIsDeliveredSignedWithTheJobAsTheApiShowsIt() throws Exception {
        JsonNode webhook = subscribe(TestKeys.KEY_A, receiver.url("/hooks/a"), "QUEUED", "CANCELLED");
        String secret = webhook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        String jobId = submit(TestKeys.KEY_A, "signed");
        assertThat(http.request("POST", "/api/v1/jobs/" + jobId + "/cancel")
                        .bearer(TestKeys.KEY_A)
                        .send()
                        .status())
                .isEqualTo(202);

        List<WebhookReceiver.Received> got = receiver.await(ofJob(jobId), 2, WAIT);
        for (WebhookReceiver.Received request : got) {
            assertThat(verify(secret, request.header("Spikelot-Signature"), request.body(), Duration.ofMinutes(5)))
                    .as("signature of %s", request.body())
                    .isTrue();
            assertThat(verify(
                            "whsec_wrong", request.header("Spikelot-Signature"), request.body(), Duration.ofMinutes(5)))
                    .isFalse();
            JsonNode body = readJson(request.body());
            assertThat(body.get("id").asString()).isEqualTo(request.header("Spikelot-Delivery"));
            assertThat(body.get("event").asString()).isEqualTo(request.header("Spikelot-Event"));
            assertThat(body.get("job").get("id").asString()).isEqualTo(jobId);
            assertThat(body.get("job").get("status").asString())
                    .isEqualTo(body.get("event").asString());
            assertThat(body.get("job").has("spec")).isTrue();
            assertThat(request.header("Content-Type")).startsWith("application/json");
        }
        assertThat(got.stream().map(r -> r.header("Spikelot-Event")).toList())
                .containsExactlyInAnyOrder("QUEUED", "CANCELLED");
        // the body is exactly what was signed: a tampered body fails
        WebhookReceiver.Received first = got.get(0);
        assertThat(verify(secret, first.header("Spikelot-Signature"), first.body() + " ", Duration.ofMinutes(5)))
                .isFalse();

        // the secret is shown once
        JsonNode read = http.get("/api/v1/webhooks/" + webhook.get("id").asString(), TestKeys.KEY_A)
                .json();
        assertThat(read.has("secret")).isFalse();
        assertThat(http.get("/api/v1/webhooks", TestKeys.KEY_A).body()).doesNotContain(secret);
        delete(TestKeys.KEY_A, webhook);
    }

    @Test
    void aReceiverThatFailsTwiceGetsItOnTheThirdAttemptAndTheLogShowsAllThree() {
        receiver.script(500, 503);
        JsonNode webhook = subscribe(TestKeys.KEY_A, receiver.url("/flaky"), "SUCCEEDED");
        String id = webhook.get("id").asString();

        ApiHttp.Response ping = http.request("POST", "/api/v1/webhooks/" + id + "/test")
                .bearer(TestKeys.KEY_A)
                .send();
        assertThat(ping.status()).as(ping.body()).isEqualTo(202);
        String deliveryId = ping.json().get("deliveryId").asString();

        List<WebhookReceiver.Received> got =
                receiver.await(r -> deliveryId.equals(r.header("Spikelot-Delivery")), 3, WAIT);
        assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(500, 503, 200);
        assertThat(got).allSatisfy(r -> assertThat(r.header("Spikelot-Event")).isEqualTo("PING"));
        // the same body (and delivery id) each time, freshly signed
        assertThat(got)
                .extracting(WebhookReceiver.Received::body)
                .containsOnly(got.get(0).body());

        JsonNode delivery = awaitDelivery(TestKeys.KEY_A, id, deliveryId, "DELIVERED");
        JsonNode attempts = delivery.get("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("error").asString()).contains("500");
        assertThat(attempts.get(1).get("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(2).get("error").isNull()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.get(i).get("attempt").asInt()).isEqualTo(i + 1);
            assertThat(attempts.get(i).get("latencyMs").asLong()).isGreaterThanOrEqualTo(0);
        }
        delete(TestKeys.KEY_A, webhook);
    }

    @Test
    void aReceiverThatAnswers410DisablesItsSubscription() {
        receiver.answerAlways(410);
        JsonNode webhook = subscribe(TestKeys.KEY_A, receiver.url("/gone"), "QUEUED");
        String id = webhook.get("id").asString();
        String deliveryId = ping(TestKeys.KEY_A, id);

        JsonNode delivery = awaitDelivery(TestKeys.KEY_A, id, deliveryId, "FAILED");
        assertThat(delivery.get("attempts")).hasSize(1);
        JsonNode read = http.get("/api/v1/webhooks/" + id, TestKeys.KEY_A).json();
        assertThat(read.get("enabled").asBoolean()).isFalse();
        assertThat(read.get("disabledReason").asString()).contains("410");

        // nothing more is sent to it
        int before = receiver.received().size();
        submit(TestKeys.KEY_A, "after-gone");
        ApiHttp.Response ping = http.request("POST", "/api/v1/webhooks/" + id + "/test")
                .bearer(TestKeys.KEY_A)
                .send();
        assertThat(ping.status()).isEqualTo(409);
        sleep(800);
        assertThat(receiver.received()).hasSize(before);
        delete(TestKeys.KEY_A, webhook);
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheTimeoutAndRetried() throws Exception {
        // answers 200 with a long body, then sends one byte every 200 ms: the head arrives, the body never ends
        try (ServerSocket trickler = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> trickle(trickler), "trickling-receiver");
            serving.setDaemon(true);
            serving.start();
            JsonNode webhook =
                    subscribe(TestKeys.KEY_A, "http://127.0.0.1:" + trickler.getLocalPort() + "/slow", "QUEUED");
            String id = webhook.get("id").asString();
            String deliveryId = ping(TestKeys.KEY_A, id);

            JsonNode delivery = awaitDelivery(TestKeys.KEY_A, id, deliveryId, "attempted", d -> !d.get("attempts")
                    .isEmpty());
            assertThat(delivery.get("state").asString()).isEqualTo("PENDING"); // to be retried
            JsonNode first = delivery.get("attempts").get(0);
            assertThat(first.get("error").asString()).isEqualTo("no answer within 3000 ms");
            assertThat(first.get("statusCode").isNull()).isTrue();
            // cut off at the 3 s timeout, not when the 100 kB body would have ended (about 20,000 s)
            assertThat(first.get("latencyMs").asLong()).isBetween(2_900L, 8_000L);
            delete(TestKeys.KEY_A, webhook);
        }
    }

    /** Serves every connection with a 200 head and a body trickled a byte at a time, until the client hangs up. */
    private static void trickle(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> {
                    try (socket) {
                        socket.getInputStream().read(new byte[8192]);
                        OutputStream out = socket.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        while (true) {
                            out.write('x');
                            out.flush();
                            Thread.sleep(200);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the client hung up
                    }
                });
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Test
    void eventsAndSubscriptionsStayWithinTheirTenant() throws IOException {
        try (WebhookReceiver ofB = WebhookReceiver.start()) {
            JsonNode webhookA = subscribe(TestKeys.KEY_A, receiver.url("/a"), "QUEUED");
            JsonNode webhookB = subscribe(TestKeys.KEY_B, ofB.url("/b"), "QUEUED");
            String idA = webhookA.get("id").asString();

            String jobA = submit(TestKeys.KEY_A, "of-a");
            String jobB = submit(TestKeys.KEY_B, "of-b");
            receiver.await(ofJob(jobA), 1, WAIT);
            ofB.await(ofJob(jobB), 1, WAIT);
            sleep(500);
            assertThat(receiver.received()).noneMatch(ofJob(jobB));
            assertThat(ofB.received()).noneMatch(ofJob(jobA));

            // A's subscription is as absent for B as one that never existed
            for (String[] call :
                    new String[][] {{"GET", ""}, {"DELETE", ""}, {"POST", "/test"}, {"GET", "/deliveries"}}) {
                ApiHttp.Response response = http.request(call[0], "/api/v1/webhooks/" + idA + call[1])
                        .bearer(TestKeys.KEY_B)
                        .send();
                assertThat(response.status())
                        .as(call[0] + call[1] + " " + response.body())
                        .isEqualTo(404);
                assertThat(response.json().get("type").asString()).isEqualTo("urn:spikelot:problem:not-found");
                assertThat(response.body()).doesNotContain(receiver.url("/a"));
            }
            assertThat(http.get("/api/v1/webhooks", TestKeys.KEY_B).body())
                    .doesNotContain(idA)
                    .contains(webhookB.get("id").asString());
            // B's DELETE did nothing
            assertThat(http.get("/api/v1/webhooks/" + idA, TestKeys.KEY_A).status())
                    .isEqualTo(200);
            delete(TestKeys.KEY_A, webhookA);
            delete(TestKeys.KEY_B, webhookB);
            assertThat(http.get("/api/v1/webhooks/" + idA, TestKeys.KEY_A).status())
                    .isEqualTo(404);
        }
    }

    /** The README's verifier, in Java: the signature over {@code t + "." + body}, and t within the tolerance. */
    static boolean verify(String secret, String header, String body, Duration tolerance) throws Exception {
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) t = Long.parseLong(part.substring(2));
            if (part.startsWith("v1=")) v1 = part.substring(3);
        }
        if (v1 == null || Math.abs(Instant.now().getEpochSecond() - t) > tolerance.toSeconds()) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }

    private JsonNode subscribe(String key, String url, String... events) {
        String body = "{\"url\": \"" + url + "\", \"events\": [\"" + String.join("\", \"", events) + "\"]}";
        ApiHttp.Response created = http.postJson("/api/v1/webhooks", key, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Sends the subscription a test delivery; its id. */
    private String ping(String key, String webhookId) {
        ApiHttp.Response ping = http.request("POST", "/api/v1/webhooks/" + webhookId + "/test")
                .bearer(key)
                .send();
        assertThat(ping.status()).as(ping.body()).isEqualTo(202);
        return ping.json().get("deliveryId").asString();
    }

    private void delete(String key, JsonNode webhook) {
        assertThat(http.request(
                                "DELETE",
                                "/api/v1/webhooks/" + webhook.get("id").asString())
                        .bearer(key)
                        .send()
                        .status())
                .isEqualTo(204);
    }

    private String submit(String key, String name) {
        ApiHttp.Response created = http.postJson("/api/v1/jobs", key, anSltSpec(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitDelivery(String key, String webhookId, String deliveryId, String state) {
        return awaitDelivery(key, webhookId, deliveryId, state, d -> d.get("state")
                .asString()
                .equals(state));
    }

    /** The delivery as its log shows it, once {@code done} holds for it. */
    private JsonNode awaitDelivery(
            String key, String webhookId, String deliveryId, String what, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode delivery : http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key)
                    .json()) {
                if (delivery.get("id").asString().equals(deliveryId)) {
                    last = delivery;
                    if (done.test(delivery)) {
                        return delivery;
                    }
                }
            }
            sleep(50);
        }
        throw new AssertionError("Delivery " + deliveryId + " did not become " + what + ": " + last);
    }

    private static Predicate<WebhookReceiver.Received> ofJob(String jobId) {
        return r -> r.body().contains("\"" + jobId + "\"");
    }

    private static JsonNode readJson(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
