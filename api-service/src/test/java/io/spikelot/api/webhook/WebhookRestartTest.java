package io.spikelot.api.webhook;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.ApiApplication;
import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestInfra;
import io.spikelot.api.testing.TestInfraInitializer;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.api.testing.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries live in PostgreSQL, not in the API's memory: those still pending when the API stops are sent by the
 * next API to start, and each delivery id is acknowledged by the receiver exactly once.
 */
class WebhookRestartTest {

    @Test
    void pendingDeliveriesArriveAfterARestartOncePerDeliveryId() throws Exception {
        String namespace = TestInfra.newNamespace();
        try (WebhookReceiver receiver = WebhookReceiver.start().answerAlways(503)) {
            List<String> jobs = new ArrayList<>();
            String webhookId;
            ConfigurableApplicationContext first = start(namespace, false);
            try {
                ApiHttp http = ApiHttp.onPort(port(first));
                ApiHttp.Response created = http.postJson(
                        "/api/v1/webhooks",
                        TestKeys.KEY_A,
                        "{\"url\": \"" + receiver.url("/restart") + "\", \"events\": [\"QUEUED\"]}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                webhookId = created.json().get("id").asString();
                for (int i = 0; i < 3; i++) {
                    ApiHttp.Response job = http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec("restart-" + i));
                    assertThat(job.status()).as(job.body()).isEqualTo(201);
                    jobs.add(job.json().get("id").asString());
                }
                // each delivery was tried and refused at least once while the first API ran
                for (String job : jobs) {
                    receiver.await(r -> r.body().contains(job), 1, Duration.ofSeconds(20));
                }
            } finally {
                first.close();
            }
            receiver.answerAlways(200);

            ConfigurableApplicationContext second = start(namespace, true);
            try {
                ApiHttp http = ApiHttp.onPort(port(second));
                for (String job : jobs) {
                    receiver.await(r -> r.body().contains(job) && r.answered() == 200, 1, Duration.ofSeconds(30));
                }
                Thread.sleep(1_500); // time for a duplicate to show up, if one were coming
                Map<String, Long> acknowledged = receiver.received().stream()
                        .filter(r -> r.answered() == 200)
                        .collect(Collectors.groupingBy(r -> r.header("Spikelot-Delivery"), Collectors.counting()));
                assertThat(acknowledged).hasSize(3);
                assertThat(acknowledged.values()).containsOnly(1L);

                JsonNode log = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", TestKeys.KEY_A)
                        .json();
                assertThat(log).hasSize(3);
                for (JsonNode delivery : log) {
                    assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED");
                    List<Integer> statuses = new ArrayList<>();
                    delivery.get("attempts")
                            .forEach(a -> statuses.add(a.get("statusCode").asInt()));
                    assertThat(statuses).as(delivery.toString()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(statuses.get(statuses.size() - 1)).isEqualTo(200);
                    assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(503);
                }
                assertThat(acknowledged.keySet()).containsExactlyInAnyOrderElementsOf(toList(log, d -> d.get("id")
                        .asString()));
            } finally {
                second.close();
            }
        } finally {
            TestInfra.dropNamespace(namespace);
        }
    }

    private static ConfigurableApplicationContext start(String namespace, boolean dropOnClose) {
        // initializer overrides come first; builder properties would lose to application.yml
        TestInfraInitializer infra = new TestInfraInitializer(namespace, dropOnClose)
                .override("server.port", "0")
                .override("spring.datasource.hikari.maximum-pool-size", "4")
                .override("spring.datasource.hikari.minimum-idle", "1")
                .override("spikelot.api-keys", TestKeys.TENANT_A + ":" + TestKeys.KEY_A)
                .override("spikelot.worker-token", TestKeys.WORKER_TOKEN)
                .override("spikelot.webhooks.allow-private", "true")
                .override("spikelot.webhooks.initial-backoff", "300ms")
                .override("spikelot.webhooks.max-backoff", "600ms")
                .override("spikelot.webhooks.relay-interval", "100ms")
                .override("spikelot.webhooks.timeout", "3s");
        return new SpringApplicationBuilder(ApiApplication.class)
                .initializers(infra)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static List<String> toList(JsonNode array, Function<JsonNode, String> f) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return out;
    }
}
