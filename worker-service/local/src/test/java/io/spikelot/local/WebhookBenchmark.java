package io.spikelot.local;

import static io.spikelot.local.SubmitBenchmark.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.api.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The submit benchmark with a webhook subscribed to every QUEUED event and a local receiver: prints submit latency
 * (the delivery rows are written in the submit's transaction) and the delivery latency from the status change (the
 * delivery's {@code createdAt}) to its receipt. Run on request (see the README); not a test.
 */
@Tag("benchmark")
class WebhookBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
    private static final Duration DRAIN = Duration.ofSeconds(Integer.getInteger("bench.drain", 120));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void submitWithWebhooksAndDeliveryLatency() throws Exception {
        try (TwoServiceStack stack = new TwoServiceStack();
                WebhookReceiver receiver = WebhookReceiver.start()) {
            CpuMeter cpu = new CpuMeter(stack.namespace());
            // no worker: every submit makes one QUEUED event, and the queue just fills
            stack.startApi(SubmitBenchmark.withArgument(SubmitBenchmark.QUOTAS, cpu.apiArgument()));
            ApiHttp.Response subscribed = stack.http()
                    .postJson(
                            "/api/v1/webhooks",
                            TestKeys.KEY_A,
                            "{\"url\": \"" + receiver.url("/bench") + "\", \"events\": [\"QUEUED\"]}");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

            SubmitBenchmark.runAtRate(stack, WARMUP_SECONDS, Math.max(1, RATE / 2));
            Instant measured = Instant.now();
            cpu.start();
            SubmitBenchmark.Result submit = SubmitBenchmark.runAtRate(stack, SECONDS, RATE);
            cpu.print("SUBMIT with a webhook subscribed,", (long) SECONDS * RATE);
            int expected =
                    WARMUP_SECONDS * Math.max(1, RATE / 2) + submit.latencies().size();
            List<WebhookReceiver.Received> received = awaitDeliveries(receiver, expected);

            List<Double> delivery = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (WebhookReceiver.Received request : received) {
                JsonNode body = JSON.readTree(request.body());
                ids.add(body.get("id").asString());
                Instant changed = Instant.parse(body.get("createdAt").asString());
                if (!changed.isBefore(measured)) {
                    delivery.add(Duration.between(changed, request.at()).toNanos() / 1e6);
                }
            }
            SubmitBenchmark.printSubmit("SUBMIT with a webhook subscribed,", RATE, SECONDS, submit);
            System.out.printf(
                    "WEBHOOK status change to receipt over %d deliveries: p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " %d of %d delivery ids received (%d requests)%n%n",
                    delivery.size(),
                    percentile(delivery, 50),
                    percentile(delivery, 99),
                    percentile(delivery, 100),
                    ids.size(),
                    expected,
                    received.size());
            assertThat(ids).hasSize(expected);
        }
    }

    /** Every delivery, or what came within the drain time. */
    private static List<WebhookReceiver.Received> awaitDeliveries(WebhookReceiver receiver, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (receiver.received().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return receiver.received();
    }
}
